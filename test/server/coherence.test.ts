/**
 * Cached analyses follow saves made anywhere: through this server, through the store directly, and by another
 * process on the same SQLite file (a second connection, as `redline evidence accept` would be).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseCase } from '../../src/index.js';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp } from '../../src/adapters/server/index.js';
import { SMALL_CASE_YAML } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-coherence-'));
let mine: Store;
let other: Store;
let app: FastifyInstance;

/** The small case with a's red line moved to `max` (p1 settles the border at 50). */
function withRedLineMax(max: number) {
  const yaml = SMALL_CASE_YAML.replace('redLine: { max: 60 }', `redLine: { max: ${max} }`);
  const r = parseCase(yaml);
  if (!r.ok) throw new Error('invalid');
  return { title: r.case.title, yaml, case: r.case };
}

beforeAll(async () => {
  mine = await openStore({ dataDir: dir });
  other = await openStore({ dataDir: dir });
  app = await buildApp({
    store: mine,
    jobs: createJobQueue(mine, { offThread: false }),
    webDist: join(dir, 'none'),
  });
  await app.ready();
  await mine.cases.create('small', withRedLineMax(60));
});
afterAll(async () => {
  await app?.close();
  await mine?.close();
  await other?.close();
  rmSync(dir, { recursive: true, force: true });
});

const passes = async () =>
  (await app.inject({ url: '/api/cases/small/check?proposal=p1' })).json().passes as boolean;

describe('cache coherence', () => {
  it('sees a save by another connection to the same database file', async () => {
    expect(await passes()).toBe(true);
    // a now accepts at most 40: the plan at 50 crosses its line.
    await other.cases.save('small', withRedLineMax(40));
    expect(await passes()).toBe(false);
  });

  it('sees a save through its own store and a deletion', async () => {
    await mine.cases.save('small', withRedLineMax(60));
    expect(await passes()).toBe(true);
    await other.cases.remove('small');
    expect((await app.inject({ url: '/api/cases/small/check?proposal=p1' })).statusCode).toBe(404);
  });
});
