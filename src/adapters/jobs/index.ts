/**
 * Jobs: long work (Monte Carlo, large stability runs, evidence ingest) queued with progress and cancellation.
 * Embedded (SQLite) mode runs them in-process; with PostgreSQL the parts go to graphile-worker and any number
 * of `redline worker` processes share them. The job record in the store is what the API reads either way.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Job, Store } from '../store/index.js';
import { EmbeddedRunner } from './embedded.js';
import { PgDispatcher, PgWorker } from './graphile.js';
import { monteCarloHandler } from './handlers/montecarlo.js';
import { stabilityHandler } from './handlers/stability.js';
import { ingestHandler } from '../ingest/job.js';
import { closeThreads } from './handlers/off-thread.js';
import { MONITOR_JOB, monitorJob } from '../monitor/job.js';
import { JobParamsError, type JobHandler, type JobHandlers } from './types.js';

export * from './types.js';
export { executePart } from './execute.js';
export {
  stabilityReport,
  parseConcepts,
  StabilityInputError,
  StabilityTooLargeError,
} from './handlers/stability-report.js';
export { PgWorker, PgDispatcher, PART_TASK } from './graphile.js';

export const JOB_KINDS = ['montecarlo', 'stability', 'ingest'] as const;

export interface JobQueue {
  /** Validates the parameters, records the job and hands its parts to the queue. */
  enqueue(
    caseId: string | null,
    kind: string,
    params: unknown,
    options?: { idempotencyKey?: string | undefined },
  ): Promise<Job>;
  cancel(jobId: string): Promise<Job | undefined>;
  kinds(): string[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** PostgreSQL URL (the store's); without it the embedded runner is used. */
  databaseUrl?: string | undefined;
  /** Run a worker inside this process (always true in embedded mode). */
  inProcessWorker?: boolean;
  /** Compute Monte Carlo ranges in a worker thread (default true; tests turn it off). */
  offThread?: boolean;
  concurrency?: number;
  reclaimAfterMs?: number;
  log?: (line: string) => void;
}

export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The built-in handlers plus any the store plugin (evidence) exports. */
export function jobHandlers(store: Store, options: { offThread?: boolean } = {}): JobHandlers {
  const offThread = options.offThread ?? true;
  const handlers: JobHandlers = {
    montecarlo: monteCarloHandler({ offThread }),
    stability: stabilityHandler({ offThread }),
    [MONITOR_JOB]: monitorJob,
  };
  const extra = store.plugin?.jobHandlers as Record<string, JobHandler> | undefined;
  if (extra) Object.assign(handlers, extra);
  // Ingest analyses articles off the event loop too (the plugin's handler runs in the calling thread).
  if (extra?.ingest) handlers.ingest = ingestHandler({ offThread });
  return handlers;
}

export function createJobQueue(store: Store, options: QueueOptions = {}): JobQueue {
  const handlers = jobHandlers(store, options);
  const id = workerId();
  const pg = store.dialect === 'postgres' && options.databaseUrl;
  const dispatcher = pg ? new PgDispatcher(options.databaseUrl!) : undefined;
  const embedded = pg ? undefined : new EmbeddedRunner(store, handlers, id);
  const pgWorker =
    pg && options.inProcessWorker !== false
      ? new PgWorker(store, handlers, {
          databaseUrl: options.databaseUrl!,
          workerId: id,
          concurrency: options.concurrency,
          reclaimAfterMs: options.reclaimAfterMs,
          log: options.log,
        })
      : undefined;

  return {
    kinds: () => Object.keys(handlers),
    async enqueue(caseId, kind, params, opts = {}) {
      const handler = handlers[kind];
      if (!handler)
        throw new JobParamsError(
          `unknown job kind "${kind}"; this server runs ${Object.keys(handlers).join(', ')}`,
        );
      const prepared = await handler.prepare(store, caseId, params);
      const { job, created } = await store.jobs.create({
        caseId,
        kind,
        params: prepared.params,
        parts: prepared.parts,
        idempotencyKey: opts.idempotencyKey,
      });
      if (created) {
        if (dispatcher) await dispatcher.dispatch(job.id, job.parts, job.maxAttempts);
        else embedded?.wake();
      }
      return job;
    },
    async cancel(jobId) {
      return store.jobs.requestCancel(jobId);
    },
    async start() {
      await embedded?.start();
      await pgWorker?.start();
    },
    async stop() {
      await embedded?.stop();
      await pgWorker?.stop();
      await dispatcher?.close();
      await closeThreads();
    },
  };
}
