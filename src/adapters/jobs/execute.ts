/**
 * Runs one part of a job, whichever queue delivered it: skips finished or cancelled jobs, records the part's
 * result once, and lets the part that completes the set finish the job (conditionally, in one transaction).
 * Running a part twice — a retry after a crash — therefore changes nothing the first run committed.
 */
import { TERMINAL_STATUSES, type Store } from '../store/index.js';
import type { JobHandlers } from './types.js';

export type PartOutcome = 'done' | 'finished' | 'skipped' | 'cancelled';

export async function executePart(
  store: Store,
  handlers: JobHandlers,
  jobId: string,
  part: number,
  workerId: string,
): Promise<PartOutcome> {
  const job = await store.jobs.get(jobId);
  if (!job || TERMINAL_STATUSES.includes(job.status)) return 'skipped';
  if (job.cancelRequested) {
    await store.jobs.markCancelled(jobId);
    return 'cancelled';
  }
  const handler = handlers[job.kind];
  if (!handler) {
    await store.jobs.fail(jobId, `no handler for job kind "${job.kind}" in this process`);
    return 'skipped';
  }
  if (!(await store.jobs.start(jobId, workerId))) {
    // Cancelled or finished by someone else since we looked.
    if ((await store.jobs.get(jobId))?.cancelRequested) {
      await store.jobs.markCancelled(jobId);
      return 'cancelled';
    }
    return 'skipped';
  }
  const controller = new AbortController();
  const ctx = { store, job, workerId, signal: controller.signal };
  const already = (await store.jobs.partResults(jobId)).some((p) => p.part === part);
  let done = job.partsDone;
  if (!already) {
    const result = await handler.runPart(ctx, part);
    // A cancel that arrived while this part ran wins: its result is dropped.
    const now = await store.jobs.get(jobId);
    if (now?.cancelRequested) {
      await store.jobs.markCancelled(jobId);
      return 'cancelled';
    }
    done = (await store.jobs.recordPart(jobId, part, result, workerId)).partsDone;
  } else {
    done = (await store.jobs.get(jobId))?.partsDone ?? done;
  }
  if (done < job.parts) return 'done';
  const results = (await store.jobs.partResults(jobId)).map((p) => p.result);
  const finished = await handler.finish(ctx, results);
  await store.jobs.complete(jobId, finished.result, finished.effect);
  return 'finished';
}
