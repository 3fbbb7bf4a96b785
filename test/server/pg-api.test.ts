/** The HTTP API over PostgreSQL: the same routes on the same repository interface, end to end through the app. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, jobHandlers, PgWorker, type JobQueue } from '../../src/adapters/jobs/index.js';
import { sql } from 'kysely';
import { buildApp } from '../../src/adapters/server/index.js';
import { createPgDatabase, PG_URL } from '../store/backends.js';
import { SMALL_CASE_YAML } from './helpers.js';

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describeIf(!!PG_URL, NEEDS.postgres)('API on PostgreSQL', () => {
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

  it('releases parts locked by a worker that died and finishes them', async () => {
    await jobs.stop();
    const dispatchOnly = createJobQueue(store, {
      databaseUrl: db.url,
      inProcessWorker: false,
      offThread: false,
    });
    const job = await dispatchOnly.enqueue('small', 'montecarlo', {
      model: 'median',
      runs: 10,
      seed: 4,
      partSize: 5,
    });
    // A worker took both parts an hour ago and never came back.
    const locked =
      await sql`update graphile_worker._private_jobs set locked_by = 'dead-worker', locked_at = now() - interval '1 hour'
      where locked_at is null`.execute(store.db);
    expect(Number(locked.numAffectedRows)).toBe(2);
    const worker = new PgWorker(store, jobHandlers(store, { offThread: false }), {
      databaseUrl: db.url,
      workerId: 'rescuer',
      reclaimAfterMs: 1000,
    });
    await worker.start();
    try {
      let j = await store.jobs.get(job.id);
      for (let i = 0; i < 200 && j?.status !== 'succeeded'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        j = await store.jobs.get(job.id);
      }
      expect(j?.status).toBe('succeeded');
      const rows = await store.db
        .selectFrom('job_parts')
        .select('worker')
        .where('job_id', '=', job.id)
        .execute();
      expect(rows.map((r) => r.worker)).toEqual(['rescuer', 'rescuer']);
    } finally {
      await worker.stop();
      await dispatchOnly.stop();
    }
  });
});
