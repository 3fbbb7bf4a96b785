/**
 * The watch loop: each cycle queues a `monitor` job for every due source of the case (every source in a
 * one-off cycle), waits for them, sends due webhook deliveries and writes due digests. Jobs carry an
 * idempotency key per source and due time, so a cycle repeated before a job ran queues nothing new.
 */
import { randomUUID } from 'node:crypto';
import { createJobQueue, type JobQueue } from '../jobs/index.js';
import { TERMINAL_STATUSES, type Store } from '../store/index.js';
import { deliverDue, writeDueDigests, type DeliveryOptions } from './alerts.js';
import type { FetchPolicy } from './http.js';
import { MONITOR_JOB, type MonitorJobParams } from './job.js';
import { monitorRepository } from './repo.js';
import type { RunSummary } from './run.js';

export interface CycleOptions {
  caseId: string;
  /** Every source, due or not, waiting for leases held by others (`--once`). */
  all?: boolean;
  policy?: Partial<
    Pick<FetchPolicy, 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'politenessMs' | 'respectRobots'>
  >;
  leaseMs?: number;
  delivery?: DeliveryOptions;
  digestDirectory?: string;
}

export interface CycleReport {
  runs: RunSummary[];
  deliveries: Array<{ delivery: string; ok: boolean; code: number | null }>;
  digests: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCycle(store: Store, queue: JobQueue, o: CycleOptions): Promise<CycleReport> {
  const repo = monitorRepository(store);
  const now = store.now();
  const sources = o.all ? await repo.sources.list(o.caseId) : await repo.sources.due(o.caseId, now);
  const leaseMs = o.leaseMs ?? 600_000;
  const nonce = o.all ? randomUUID() : String(Math.floor(Date.parse(now) / leaseMs));
  const jobs = [];
  for (const s of sources) {
    const params: MonitorJobParams = {
      sourceId: s.id,
      waitForLease: !!o.all,
      leaseMs,
      policy: o.policy ?? {},
    };
    jobs.push(
      await queue.enqueue(o.caseId, MONITOR_JOB, params, {
        idempotencyKey: `monitor:${o.caseId}:${s.id}:${s.nextDueAt}:${nonce}`,
      }),
    );
  }
  const runs: RunSummary[] = [];
  for (const j of jobs) {
    for (;;) {
      const job = await store.jobs.get(j.id);
      if (!job || TERMINAL_STATUSES.includes(job.status)) {
        if (job?.status === 'succeeded') runs.push(job.result as RunSummary);
        else
          runs.push({
            sourceId: (j.params as { sourceId: string }).sourceId,
            status: 'error',
            itemsFound: 0,
            itemsNew: 0,
            developments: 0,
            error: job?.error ?? 'job lost',
          });
        break;
      }
      await sleep(50);
    }
  }
  const deliveries = await deliverDue(store, { ...o.delivery, caseId: o.caseId });
  const digests = await writeDueDigests(
    store,
    o.caseId,
    o.digestDirectory ? { defaultDirectory: o.digestDirectory } : {},
  );
  return { runs, deliveries, digests };
}

/** The job queue a watch process runs its sources on (with a worker in this process). */
export function watchQueue(store: Store, databaseUrl: string | undefined, concurrency = 2): JobQueue {
  return createJobQueue(store, { databaseUrl, inProcessWorker: true, concurrency, offThread: false });
}

/** Waits for pending webhook retries that fall due within `withinMs` (one-off cycles end after them). */
export async function drainDeliveries(
  store: Store,
  caseId: string,
  withinMs: number,
  opts: DeliveryOptions = {},
): Promise<void> {
  const repo = monitorRepository(store);
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && (await repo.deliveries.pendingCount(caseId)) > 0) {
    await deliverDue(store, { ...opts, caseId });
    await sleep(100);
  }
}
