/**
 * The states a job goes through, in order. Kept free of zod so the dashboard can import it at run time
 * without pulling the validator into its bundle.
 */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** States a job never leaves. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/** The kinds of job the queue knows. */
export const JOB_KINDS = ['montecarlo', 'stability', 'ingest'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
