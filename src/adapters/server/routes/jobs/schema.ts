/** Request schemas of the job routes. */
import { z } from 'zod';

export const JobIdParams = z.object({ id: z.string().min(1).max(100).describe('Job id.') });
export const CreateJobBody = z.strictObject({
  kind: z.enum(['montecarlo', 'stability', 'ingest']).describe('What to run.'),
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
