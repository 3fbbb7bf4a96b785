/** The HTTP API over PostgreSQL: the same routes on the same repository interface, end to end through the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, type JobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp } from '../../src/adapters/server/index.js';
import { createPgDatabase, PG_URL } from '../store/backends.js';
import { SMALL_CASE_YAML } from './helpers.js';

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe.skipIf(!PG_URL)('API on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let store: Store;
  let jobs: JobQueue;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createPgDatabase(PG_URL!);
    store = await openStore({ databaseUrl: db.url });
    jobs = createJobQueue(store, { databaseUrl: db.url, offThread: false });
    await jobs.start();
    app = await buildApp({ store, jobs, webDist: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop();
    await store?.close();
    await db?.drop();
  });

  it('creates, saves, versions and checks a case', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: SMALL_CASE_YAML }) }))
        .statusCode,
    ).toBe(201);
    const v2 = SMALL_CASE_YAML.replace('title: Small test case', 'title: Renamed');
    expect(
      (await app.inject({ method: 'PUT', url: '/api/cases/small', ...json({ yaml: v2 }) })).json().version,
    ).toBe(2);
    const diff = (await app.inject({ url: '/api/cases/small/versions/diff?from=1&to=2' })).json();
    expect(diff.changes).toEqual([
      { path: ['title'], op: 'changed', before: 'Small test case', after: 'Renamed' },
    ]);
    // p2 sets the border at 70, beyond a's red line (at most 60): a vetoes.
    expect((await app.inject({ url: '/api/cases/small/check?proposal=p2' })).json().vetoedBy).toEqual(['a']);
    expect((await app.inject({ url: "/api/cases/x'%3B%20DROP%20TABLE%20cases%3B--" })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/cases' })).json().items.map((c: { id: string }) => c.id)).toEqual([
      'small',
    ]);
  });

  it('runs a Monte Carlo job through graphile-worker in this process', async () => {
    const { job } = (
      await app.inject({
        method: 'POST',
        url: '/api/cases/small/jobs',
        ...json({ kind: 'montecarlo', params: { model: 'median', runs: 20, seed: 2, partSize: 5 } }),
      })
    ).json();
    let j = job;
    for (let i = 0; i < 300 && !['succeeded', 'failed', 'cancelled'].includes(j.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      j = (await app.inject({ url: `/api/jobs/${job.id}` })).json().job;
    }
    expect(j.status).toBe('succeeded');
    expect(j.partsDone).toBe(4);
    expect(j.result.runs).toBe(20);
  });
});
