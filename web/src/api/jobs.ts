/** Follows a job: Server-Sent Events from /api/jobs/:id/events, falling back to polling if the stream fails. */
import { endpoints, unwrapJob } from './endpoints.js';
import type { Job, JobEvent } from './types.js';

export interface JobProgress {
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** 0..1, when known. */
  fraction?: number;
  done?: number;
  total?: number;
  message?: string;
  result?: unknown;
  error?: string;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export function toState(s: unknown): JobProgress['state'] {
  const v = String(s ?? '').toLowerCase();
  if (/succe|complete|done|finish/.test(v)) return 'succeeded';
  if (/fail|error/.test(v)) return 'failed';
  if (/cancel|abort/.test(v)) return 'cancelled';
  if (/run|progress|active|start/.test(v)) return 'running';
  return 'queued';
}

function progressOf(e: JobEvent | Job): Pick<JobProgress, 'fraction' | 'done' | 'total'> {
  const p = e.progress;
  const done = typeof p === 'object' && p ? p.done : 'done' in e ? e.done : undefined;
  const total = typeof p === 'object' && p ? p.total : 'total' in e ? e.total : undefined;
  let fraction = typeof p === 'number' ? (p > 1 ? p / 100 : p) : undefined;
  if (fraction === undefined && done !== undefined && total) fraction = done / total;
  return { fraction, done, total };
}

function errorText(e: unknown): string | undefined {
  if (e === undefined || e === null) return undefined;
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return JSON.stringify(e);
}

export function fromJob(job: Job | JobEvent, prev?: JobProgress): JobProgress {
  const stateField = job.state ?? job.status ?? ('type' in job ? job.type : undefined);
  const state = stateField ? toState(stateField) : (prev?.state ?? 'running');
  const p = progressOf(job);
  return {
    state,
    fraction: p.fraction ?? (state === 'succeeded' ? 1 : prev?.fraction),
    done: p.done ?? prev?.done,
    total: p.total ?? prev?.total,
    message: ('message' in job ? job.message : undefined) ?? prev?.message,
    result: job.result ?? prev?.result,
    error: errorText(job.error) ?? prev?.error,
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
  const finish = async () => {
    // The final event may not carry the result; fetch the job once to get it.
    if (last && !last.result && last.state === 'succeeded') {
      try {
        emit(fromJob(unwrapJob(await endpoints.job(jobId)), last));
      } catch {
        /* keep what we have */
      }
    }
  };
  const pollOnce = async () => {
    if (stopped) return;
    try {
      const p = fromJob(unwrapJob(await endpoints.job(jobId)), last);
      emit(p);
      if (FINAL.has(p.state)) return;
    } catch (err) {
      emit({
        ...(last ?? { state: 'failed' }),
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
    const onMessage = (ev: MessageEvent<string>) => {
      let data: JobEvent;
      try {
        data = JSON.parse(ev.data) as JobEvent;
      } catch {
        return;
      }
      if (ev.type && ev.type !== 'message' && !data.type && !data.state && !data.status) data.type = ev.type;
      const p = fromJob(data, last);
      emit(p);
      if (FINAL.has(p.state)) {
        source.close();
        void finish();
      }
    };
    for (const name of [
      'message',
      'progress',
      'state',
      'status',
      'done',
      'succeeded',
      'completed',
      'failed',
      'error',
      'cancelled',
      'job',
    ])
      source.addEventListener(name, onMessage as EventListener);
    source.onerror = () => {
      if (last && FINAL.has(last.state)) return;
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
