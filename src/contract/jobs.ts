/** Job routes: start, read, list, cancel; progress as Server-Sent Events carrying the same job record. */
import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES } from './job-status.js';
import { pageOf } from './common.js';

export const JobIdParams = z.object({ id: z.string().min(1).max(100).describe('Job id.') });
export const CreateJobBody = z.strictObject({
  kind: z.enum(JOB_KINDS).describe('What to run.'),
  params: z.record(z.string(), z.unknown()).default({}).describe('Parameters of the job kind (docs/api.md).'),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Sending the same key again returns the first job.'),
});
export const JobListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
});

export const JobStatusSchema = z.enum(JOB_STATUSES);

export const Job = z.strictObject({
  id: z.string(),
  caseId: z.string().nullable(),
  kind: z.string(),
  params: z.unknown(),
  status: JobStatusSchema,
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  result: z
    .unknown()
    .describe('Once succeeded: MonteCarloSummary (montecarlo), StabilityReport (stability), IngestSummary.'),
  error: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  parts: z.number().int(),
  partsDone: z.number().int(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
export const JobEnvelope = z.strictObject({ job: Job });
export const JobList = pageOf(Job);

/** The SSE stream sends `progress` whenever the record changes and `done` once, both with the job as data. */
export const JOB_EVENTS = ['progress', 'done'] as const;
