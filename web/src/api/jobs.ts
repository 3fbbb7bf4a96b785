/**
 * Follows a job: Server-Sent Events from /api/jobs/:id/events (`progress` whenever the record changes, `done`
 * once, each carrying the job record of the contract), falling back to polling if the stream fails.
 */
import { isTerminal, type JobStatus } from '../../../src/contract/job-status.js';
import { endpoints } from './endpoints.js';
import type { Job } from './types.js';

export interface JobProgress {
  state: JobStatus;
  /** 0..1. */
  fraction: number;
  /** Parts done of all parts (a Monte Carlo job's parts are batches of runs). */
  done: number;
  total: number;
  message?: string | undefined;
  result?: unknown;
  error?: string | undefined;
}

export function fromJob(job: Job): JobProgress {
  return {
    state: job.status,
    fraction: job.status === 'succeeded' ? 1 : job.progress,
    done: job.partsDone,
    total: job.parts,
    message: job.message ?? undefined,
    result: job.status === 'succeeded' ? job.result : undefined,
    error: job.error ?? undefined,
  };
}

/** Calls `onUpdate` until the job ends; returns a function that stops following. */
export function followJob(jobId: string, onUpdate: (p: JobProgress) => void): () => void {
  let last: JobProgress | undefined;
  let stopped = false;
  let poll: ReturnType<typeof setTimeout> | undefined;
  const emit = (p: JobProgress) => {
    last = p;
    onUpdate(p);
  };
  const pollOnce = async () => {
    if (stopped) return;
    try {
      const p = fromJob((await endpoints.job(jobId)).job);
      emit(p);
      if (isTerminal(p.state)) return;
    } catch (err) {
      emit({
        ...(last ?? { fraction: 0, done: 0, total: 0 }),
        state: 'failed',
        error: err instanceof Error ? err.message : String(err),
      });
      return;
    }
    poll = setTimeout(() => void pollOnce(), 700);
  };

  const source =
    typeof EventSource === 'function' ? new EventSource(endpoints.jobEventsUrl(jobId)) : undefined;
  if (!source) void pollOnce();
  else {
    const onEvent = (ev: MessageEvent<string>) => {
      const p = fromJob(JSON.parse(ev.data) as Job);
      emit(p);
      if (isTerminal(p.state)) source.close();
    };
    source.addEventListener('progress', onEvent as EventListener);
    source.addEventListener('done', onEvent as EventListener);
    source.onerror = () => {
      if (last && isTerminal(last.state)) return;
      source.close();
      if (!stopped) void pollOnce();
    };
  }
  return () => {
    stopped = true;
    source?.close();
    if (poll) clearTimeout(poll);
  };
}
