/**
 * Options of the BDM expected-utility model. The schema lives with the case's forecast settings
 * (src/case/schema-forecast.ts) so case files, the CLI and the JSON Schema share it. The defaults are the
 * "reproduction variant" of docs/models/BDM.md §3 that reproduces Scholz, Calbert & Smith (2011) Table 2.
 */
import { BdmOptionsSchema } from '../../../case/schema-forecast.js';
import type { z } from 'zod';

export { BdmOptionsSchema };
export type BdmOptions = z.infer<typeof BdmOptionsSchema>;
export type BdmOptionsInput = z.input<typeof BdmOptionsSchema>;
export const DEFAULT_BDM_OPTIONS: BdmOptions = BdmOptionsSchema.parse({});
