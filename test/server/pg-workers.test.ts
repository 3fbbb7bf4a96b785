/**
 * Two `redline worker` processes share one Monte Carlo job on PostgreSQL; one is killed (SIGKILL) mid-job and
 * the other, after reclaiming the dead worker's lock, finishes it. Every part is recorded exactly once and
 * the summary equals a single sequential run with the same seed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import { monteCarlo, monteCarloSpecFor } from '../../src/index.js';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, type JobQueue } from '../../src/adapters/jobs/index.js';
import { seedExample } from '../../src/adapters/server/index.js';
import { createPgDatabase, PG_URL } from '../store/backends.js';
import { exampleCase } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));

interface WorkerProc {
  proc: ChildProcess;
  id: Promise<string>;
  lines: string[];
}

function startWorker(databaseUrl: string): WorkerProc {
  const proc = spawn(process.execPath, [BIN, 'worker', '--json', '--reclaim-after', '2'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const id = new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        try {
          const o = JSON.parse(line) as { worker: string; message: string };
          if (o.message.startsWith('worker started')) resolve(o.worker);
        } catch {
          // not a log line
        }
      }
    });
    proc.stderr!.on('data', (d: Buffer) => lines.push(`stderr: ${d.toString()}`));
    proc.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${lines.join('\n')}`)));
  });
  return { proc, id, lines };
}

describeIf(!!PG_URL, NEEDS.postgres)('two workers on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let store: Store;
  let queue: JobQueue;
  const workers: WorkerProc[] = [];

  beforeAll(async () => {
    db = await createPgDatabase(PG_URL!);
    store = await openStore({ databaseUrl: db.url });
    await seedExample(store);
    queue = createJobQueue(store, { databaseUrl: db.url, inProcessWorker: false });
    await queue.start();
  });

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await queue?.stop();
    await store?.close();
    await db?.drop();
  });

  it('share a Monte Carlo job, survive one being killed, and apply each part once', async () => {
    workers.push(startWorker(db.url), startWorker(db.url));
    const [idA, idB] = await Promise.all(workers.map((w) => w.id));
    const params = { model: 'smp', runs: 120, seed: 9, partSize: 10 };
    const job = await queue.enqueue('ukraine-2025', 'montecarlo', params);
    expect(job.parts).toBe(12);

    const partsBy = async () => {
      const rows = await store.db
        .selectFrom('job_parts')
        .select(['part', 'worker'])
        .where('job_id', '=', job.id)
        .execute();
      return {
        total: rows.length,
        a: rows.filter((r) => r.worker === idA).length,
        b: rows.filter((r) => r.worker === idB).length,
      };
    };
    // Wait until both have done some of the work, then kill A in the middle of the job.
    const deadline = Date.now() + 60_000;
    let seen = await partsBy();
    while ((seen.a < 2 || seen.b < 2) && seen.total < 10 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await partsBy();
    }
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
    const killedMidJob = seen.total < 12;
    workers[0]!.proc.kill('SIGKILL');

    let done = await store.jobs.get(job.id);
    while (done && done.status !== 'succeeded' && done.status !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      done = await store.jobs.get(job.id);
    }
    expect(done?.status, workers.map((w) => w.lines.join('\n')).join('\n---\n')).toBe('succeeded');
    const final = await partsBy();
    expect(final.total).toBe(12);
    expect(final.a + final.b).toBe(12);
    expect(done?.partsDone).toBe(12);
    const expected = monteCarlo(monteCarloSpecFor(exampleCase(), 'smp', { runs: 120, seed: 9 }));
    expect(done?.result).toEqual(JSON.parse(JSON.stringify(expected)));
    const stored = await store.analyses.getByJob(job.id);
    expect(stored?.kind).toBe('montecarlo');
    process.stderr.write(
      `two workers on PostgreSQL: A recorded ${final.a} part(s), B ${final.b}; A killed ${killedMidJob ? 'mid-job' : 'after the last part'}\n`,
    );
  }, 90_000);
});

if (!PG_URL)
  process.stderr.write('*** DATABASE_URL_TEST is unset: the two-workers PostgreSQL test is SKIPPED. ***\n');
