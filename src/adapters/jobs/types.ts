/** The contract between job kinds and the queues that run them. */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CaseVersion, CoreDatabase, Job, Store } from '../store/index.js';

/** Bad job parameters: the API answers 400 with this message. */
export class JobParamsError extends Error {
  constructor(
    message: string,
    readonly issues: unknown[] = [],
  ) {
    super(message);
  }
}

/**
 * The checks every job that belongs to a case starts with: a case id, a case that exists (its current version
 * returned, so the job can pin it), and parameters that fit the job's schema.
 */
export async function caseJobInput<S extends z.ZodType>(
  store: Store,
  caseId: string | null | undefined,
  params: unknown,
  schema: S,
  job: { name: string; invalid: string },
): Promise<{ caseId: string; current: CaseVersion; params: z.infer<S> }> {
  if (!caseId) throw new JobParamsError(`${job.name} belongs to a case`);
  const parsed = schema.safeParse(params ?? {});
  if (!parsed.success) throw new JobParamsError(job.invalid, parsed.error.issues);
  const current = await store.cases.get(caseId);
  if (!current) throw new JobParamsError(`case "${caseId}" does not exist`);
  return { caseId, current, params: parsed.data };
}

export interface PartContext {
  store: Store;
  job: Job;
  workerId: string;
  /** Aborted when the job is cancelled (checked between parts; long parts may poll it). */
  signal: AbortSignal;
}

export interface Finished {
  /** Stored on the job record and returned by GET /api/jobs/:id. */
  result: unknown;
  /** Applied in the transaction that marks the job done, so exactly once. */
  effect?: (trx: Transaction<CoreDatabase>) => Promise<void>;
}

export interface JobHandler {
  /** Validates and normalises parameters at enqueue time; says how many parts the work splits into. */
  prepare(
    store: Store,
    caseId: string | null,
    params: unknown,
  ): Promise<{ params: Record<string, unknown>; parts: number }>;
  /** Computes one part; its (JSON) result is recorded once per (job, part). */
  runPart(ctx: PartContext, part: number): Promise<unknown>;
  /** Combines the parts' results once every part is recorded. */
  finish(ctx: PartContext, partResults: unknown[]): Promise<Finished>;
}

export type JobHandlers = Record<string, JobHandler>;
