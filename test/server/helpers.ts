/** Test harness: an app over a fresh SQLite store with the example case, injected requests (no sockets). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, type JobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp, EXAMPLE_CASE, seedExample } from '../../src/adapters/server/index.js';
import { parseCase, type Case } from '../../src/index.js';

export interface Harness {
  app: FastifyInstance;
  store: Store;
  jobs: JobQueue;
  close(): Promise<void>;
}

export async function harness(
  opts: { auth?: boolean; seed?: boolean; startJobs?: boolean } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-api-'));
  const store = await openStore({ dataDir: dir });
  if (opts.seed !== false) await seedExample(store);
  const jobs = createJobQueue(store, { offThread: false });
  if (opts.startJobs !== false) await jobs.start();
  const app = await buildApp({
    store,
    jobs,
    auth: { required: opts.auth === true },
    webDist: join(dir, 'no-dashboard'),
  });
  await app.ready();
  return {
    app,
    store,
    jobs,
    async close() {
      await app.close();
      await jobs.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const exampleYaml = (): string => readFileSync(EXAMPLE_CASE, 'utf8');

export function exampleCase(): Case {
  const r = parseCase(exampleYaml());
  if (!r.ok) throw new Error('the example case does not parse');
  return r.case;
}

export const fixtureText = (path: string): string =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** A small valid case, written out in full here so tests do not depend on the example's contents. */
export const SMALL_CASE_YAML = `format: 1
id: small
title: Small test case
actors:
  - { id: a, name: Alpha, kind: state, veto: true }
  - { id: b, name: Beta, kind: state, veto: true }
issues:
  - id: border
    name: Border line
    scale: { kind: continuous }
    statusQuo: { position: 50, date: 2025-01-01 }
stances:
  - { actor: a, issue: border, date: 2025-01-01, position: 20, salience: 80, redLine: { max: 60 } }
  - { actor: b, issue: border, date: 2025-01-01, position: 80, salience: 60, redLine: { min: 40 } }
proposals:
  - id: p1
    title: First plan
    kind: plan
    date: 2025-02-01
    points:
      - { number: 1, summary: Line at 50, settles: [{ issue: border, position: 50 }] }
  - id: p2
    title: Second plan
    kind: plan
    date: 2025-03-01
    points:
      - { number: 1, summary: Line at 70, settles: [{ issue: border, position: 70 }] }
`;

/** The header the dashboard sends with every request (the server refuses state changes without it: CSRF). */
export const DASHBOARD = { 'x-redline-request': '1' } as const;
