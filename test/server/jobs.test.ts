/**
 * Job routes and the embedded runner: a Monte Carlo job split into parts must give exactly the summary of one
 * sequential `monteCarlo` run with the same seed (run k draws from fork(k) wherever it runs); progress arrives
 * by Server-Sent Events; cancellation, idempotency keys, bad parameters, and recovery after a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monteCarlo, monteCarloSpecFor, parseCase, type Case } from '../../src/index.js';
import { createJobQueue, executePart, jobHandlers } from '../../src/adapters/jobs/index.js';
import { fixtureText, harness, SMALL_CASE_YAML, type Harness } from './helpers.js';
import { DASHBOARD } from './helpers.js';

let h: Harness;
let small: Case;
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

async function waitFor(id: string, statuses = ['succeeded', 'failed', 'cancelled']) {
  for (let i = 0; i < 200; i++) {
    const job = (await h.app.inject({ url: `/api/jobs/${id}` })).json().job;
    if (statuses.includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  h = await harness({ seed: false });
  const r = parseCase(SMALL_CASE_YAML);
  if (!r.ok) throw new Error('small case invalid');
  small = r.case;
  await h.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: SMALL_CASE_YAML }) });
  await h.app.inject({
    method: 'POST',
    url: '/api/cases',
    ...json({ yaml: fixtureText('fixtures/gmcr/cases/prisoners.yaml') }),
  });
});
afterAll(async () => h?.close());

describe('jobs', () => {
  it('runs a Monte Carlo job in parts whose summary equals one sequential run', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/jobs',
      ...json({ kind: 'montecarlo', params: { model: 'median', runs: 90, seed: 11, partSize: 20 } }),
    });
    expect(res.statusCode).toBe(202);
    const { job } = res.json();
    expect(job.parts).toBe(5);
    const done = await waitFor(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.partsDone).toBe(5);
    // Five parts, one attempt: parts of one run are not retries.
    expect(done.attempts).toBe(1);
    const expected = monteCarlo(monteCarloSpecFor(small, 'median', { runs: 90, seed: 11 }));
    expect(done.result).toEqual(JSON.parse(JSON.stringify(expected)));
    // The result is stored once with the case.
    const stored = (await h.app.inject({ url: '/api/cases/small/analyses?kind=montecarlo' })).json();
    expect(stored.items.filter((a: { jobId: string }) => a.jobId === job.id)).toHaveLength(1);
  });

  it('streams progress as Server-Sent Events ending with done', async () => {
    const { job } = (
      await h.app.inject({
        method: 'POST',
        url: '/api/cases/small/jobs',
        ...json({ kind: 'montecarlo', params: { model: 'median', runs: 40, seed: 3, partSize: 10 } }),
      })
    ).json();
    const res = await h.app.inject({ url: `/api/jobs/${job.id}/events` });
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.payload
      .trim()
      .split('\n\n')
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!),
      }));
    expect(events.at(-1)!.event).toBe('done');
    expect(events.at(-1)!.data.status).toBe('succeeded');
    const progress = events.map((e) => e.data.progress as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('returns the same job for the same idempotency key', async () => {
    const body = { kind: 'montecarlo', params: { model: 'median', runs: 5 }, idempotencyKey: 'once' };
    const a = (await h.app.inject({ method: 'POST', url: '/api/cases/small/jobs', ...json(body) })).json();
    const b = (await h.app.inject({ method: 'POST', url: '/api/cases/small/jobs', ...json(body) })).json();
    expect(b.job.id).toBe(a.job.id);
  });

  it('rejects unknown kinds and bad parameters with 400', async () => {
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/small/jobs',
          ...json({ kind: 'mining', params: {} }),
        })
      ).statusCode,
    ).toBe(400);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/jobs',
      ...json({ kind: 'montecarlo', params: { runs: -5 } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toEqual(['runs']);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/small/jobs',
          ...json({ kind: 'montecarlo', params: { scenario: 'ghost' } }),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/missing/jobs',
          ...json({ kind: 'montecarlo', params: {} }),
        })
      ).statusCode,
    ).toBe(404);
    expect((await h.app.inject({ url: '/api/jobs/not-a-job' })).statusCode).toBe(404);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/jobs/not-a-job/cancel', headers: DASHBOARD }))
        .statusCode,
    ).toBe(404);
  });

  it('cancels a queued job before it runs', async () => {
    await h.jobs.stop();
    try {
      const { job } = (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/small/jobs',
          ...json({ kind: 'montecarlo', params: { model: 'median', runs: 10 } }),
        })
      ).json();
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/jobs/${job.id}/cancel`,
        headers: DASHBOARD,
      });
      expect(res.json().job.status).toBe('cancelled');
      const list = (await h.app.inject({ url: '/api/cases/small/jobs' })).json();
      expect(list.items.find((j: { id: string }) => j.id === job.id).status).toBe('cancelled');
    } finally {
      await h.jobs.start();
    }
  });

  it('finishes a job interrupted by a crash with each part applied once', async () => {
    // A "crashed" process: it queued a 3-part job, ran and recorded part 0, and died with the job running.
    const crashed = createJobQueue(h.store, { offThread: false });
    const job = await crashed.enqueue('small', 'montecarlo', {
      model: 'median',
      runs: 30,
      seed: 5,
      partSize: 10,
    });
    await h.jobs.stop();
    await h.store.jobs.claimNext('dead-worker');
    await executePart(h.store, jobHandlers(h.store, { offThread: false }), job.id, 0, 'dead-worker');
    expect((await h.store.jobs.get(job.id))?.status).toBe('running');
    // A new runner starts: the job is requeued and completed; part 0 is not recomputed or double-counted.
    await h.jobs.start();
    const done = await waitFor(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.partsDone).toBe(3);
    // Claimed twice: by the worker that died, then by the new runner.
    expect(done.attempts).toBe(2);
    const parts = await h.store.jobs.partResults(job.id);
    expect(parts.map((p) => p.part)).toEqual([0, 1, 2]);
    const rows = await h.store.db
      .selectFrom('job_parts')
      .select(['part', 'worker'])
      .where('job_id', '=', job.id)
      .execute();
    expect(rows.find((r) => r.part === 0)?.worker).toBe('dead-worker');
    expect(done.result).toEqual(
      JSON.parse(JSON.stringify(monteCarlo(monteCarloSpecFor(small, 'median', { runs: 30, seed: 5 })))),
    );
  });

  it('stops a running job at the next part when it is cancelled', async () => {
    await h.jobs.stop();
    try {
      const job = await h.jobs.enqueue('small', 'montecarlo', { model: 'median', runs: 30, partSize: 10 });
      await h.store.jobs.claimNext('w');
      const handlers = jobHandlers(h.store, { offThread: false });
      expect(await executePart(h.store, handlers, job.id, 0, 'w')).toBe('done');
      const flagged = (
        await h.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers: DASHBOARD })
      ).json().job;
      expect(flagged.status).toBe('running');
      expect(flagged.cancelRequested).toBe(true);
      expect(await executePart(h.store, handlers, job.id, 1, 'w')).toBe('cancelled');
      const after = (await h.app.inject({ url: `/api/jobs/${job.id}` })).json().job;
      expect(after.status).toBe('cancelled');
      expect(after.partsDone).toBe(1);
      expect(after.result).toBeNull();
    } finally {
      await h.jobs.start();
    }
  });

  it('runs a stability job and stores its report', async () => {
    const { job } = (
      await h.app.inject({
        method: 'POST',
        url: '/api/cases/prisoners/jobs',
        ...json({ kind: 'stability', params: { concepts: 'Nash' } }),
      })
    ).json();
    const done = await waitFor(job.id);
    expect(done.status).toBe('succeeded');
    const direct = (await h.app.inject({ url: '/api/cases/prisoners/stability?concepts=Nash' })).json();
    expect(done.result).toEqual(direct);
    expect((await h.store.analyses.getByJob(job.id))?.kind).toBe('stability');
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/prisoners/jobs',
          ...json({ kind: 'stability', params: { concepts: 'Bogus' } }),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('ends open progress streams when the server shuts down', async () => {
    const own = await harness({ seed: false, startJobs: false });
    await own.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: SMALL_CASE_YAML }) });
    const job = await own.jobs.enqueue('small', 'montecarlo', { model: 'median', runs: 5 });
    const address = await own.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/api/jobs/${job.id}/events`);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: progress');
    const t0 = Date.now();
    await own.close();
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
