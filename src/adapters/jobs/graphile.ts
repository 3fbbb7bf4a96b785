/**
 * The PostgreSQL queue: each part of a job is a graphile-worker job (`redline_part`), so any number of
 * `redline worker` processes on any machines share the parts. graphile-worker retries failed parts with
 * backoff; parts whose worker died (lock older than `reclaimAfterMs`) are unlocked and retried by the reaper.
 */
import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import type { Store } from '../store/index.js';
import { executePart } from './execute.js';
import type { JobHandlers } from './types.js';

export const PART_TASK = 'redline_part';

const quietLogger = new Logger(() => () => {});

export interface PartPayload {
  jobId: string;
  part: number;
}

/** Adds a job's parts to the graphile-worker queue (idempotent through job keys). */
export class PgDispatcher {
  private utils: Promise<WorkerUtils> | undefined;
  constructor(private readonly databaseUrl: string) {}

  private get workerUtils(): Promise<WorkerUtils> {
    this.utils ??= makeWorkerUtils({ connectionString: this.databaseUrl, logger: quietLogger }).then(
      async (u) => {
        await u.migrate();
        return u;
      },
    );
    return this.utils;
  }

  async dispatch(jobId: string, parts: number, maxAttempts: number): Promise<void> {
    const u = await this.workerUtils;
    for (let part = 0; part < parts; part++) {
      await u.addJob(PART_TASK, { jobId, part } satisfies PartPayload, {
        jobKey: `${jobId}:${part}`,
        maxAttempts,
      });
    }
  }

  async close(): Promise<void> {
    const u = this.utils;
    this.utils = undefined;
    if (u) await (await u).release();
  }
}

export interface PgWorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  /** Locks older than this are taken to belong to a dead worker and released for retry. */
  reclaimAfterMs?: number;
  workerId: string;
  log?: (line: string) => void;
}

/** A graphile-worker runner executing Redline job parts, plus the reaper of dead workers' locks. */
export class PgWorker {
  private runner: Runner | undefined;
  private reaper: NodeJS.Timeout | undefined;
  private pool: pg.Pool | undefined;

  constructor(
    private readonly store: Store,
    private readonly handlers: JobHandlers,
    private readonly options: PgWorkerOptions,
  ) {}

  async start(): Promise<void> {
    const { store, handlers, options } = this;
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: (options.concurrency ?? 1) + 2 });
    // Errors of idle clients (a restarted database) must not crash the worker; the pool reconnects.
    this.pool.on('error', () => {});
    this.pool.on('connect', (client) => client.on('error', () => {}));
    this.runner = await run({
      pgPool: this.pool,
      concurrency: options.concurrency ?? 1,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: quietLogger,
      taskList: {
        [PART_TASK]: async (payload, helpers) => {
          const { jobId, part } = payload as PartPayload;
          try {
            const outcome = await executePart(store, handlers, jobId, part, options.workerId);
            options.log?.(`job ${jobId} part ${part}: ${outcome}`);
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            options.log?.(
              `job ${jobId} part ${part} failed (attempt ${helpers.job.attempts}/${helpers.job.max_attempts}): ${message}`,
            );
            if (helpers.job.attempts >= helpers.job.max_attempts) {
              await store.jobs.fail(jobId, message);
              return;
            }
            throw err;
          }
        },
      },
    });
    const reclaimAfterMs = options.reclaimAfterMs ?? 5 * 60_000;
    this.reaper = setInterval(
      () => void this.reclaim(reclaimAfterMs).catch(() => {}),
      Math.max(250, Math.min(reclaimAfterMs / 2, 30_000)),
    );
  }

  /** Releases parts locked longer than `olderThanMs` by workers that are not this one (they crashed). */
  async reclaim(olderThanMs: number): Promise<number> {
    if (!this.pool) return 0;
    const { rows } = await this.pool.query<{ locked_by: string }>(
      `select distinct locked_by from graphile_worker._private_jobs
        where locked_by is not null and locked_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [olderThanMs],
    );
    // Only locks older than the threshold are released: a live worker's parts finish well within it.
    const dead = rows.map((r) => r.locked_by);
    if (dead.length) await this.pool.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
    return dead.length;
  }

  async stop(): Promise<void> {
    clearInterval(this.reaper);
    await this.runner?.stop();
    await this.pool?.end();
    this.runner = undefined;
    this.pool = undefined;
  }
}
