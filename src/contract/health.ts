/** GET /api/health: liveness, the store in use, engines and job kinds of this build. */
import { z } from 'zod';

export const Health = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  engines: z.strictObject({
    check: z.boolean(),
    diff: z.boolean(),
    zone: z.boolean(),
    forecast: z.boolean(),
    montecarlo: z.boolean(),
    stability: z.boolean(),
    evidence: z.boolean(),
  }),
  jobKinds: z.array(z.string()),
});
export type Health = z.infer<typeof Health>;
