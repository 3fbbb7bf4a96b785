/** Request schemas of the analysis routes (check, diff, zone of agreement, forecast, stability). */
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '../../../../index.js';

const AsOf = z.iso
  .date('asOf is a date written YYYY-MM-DD')
  .optional()
  .describe('Analysis date (default: the case’s asOf or latest stance).');
const Scenario = z.string().min(1).max(200).optional().describe('Scenario id to apply first.');

export const CheckQuery = z.object({
  proposal: z.string().min(1).max(200).describe('Proposal id.'),
  asOf: AsOf,
  scenario: Scenario,
});
export const DiffQuery = z.object({
  from: z.string().min(1).max(200).describe('Proposal id (the earlier text).'),
  to: z.string().min(1).max(200).describe('Proposal id (the later text).'),
  asOf: AsOf,
  scenario: Scenario,
});
export const ZopaQuery = z.object({ asOf: AsOf, scenario: Scenario });
export const ForecastBody = z
  .strictObject({
    models: z
      .array(z.enum(MODEL_IDS as unknown as [ModelId, ...ModelId[]]))
      .min(1)
      .max(20)
      .optional()
      .describe('Models to run (default: all).'),
    asOf: AsOf,
    scenario: Scenario,
    trajectory: z.boolean().optional().describe('Include round-by-round outcomes.'),
    seed: z.number().int().optional(),
    save: z.boolean().optional().describe('Also store the result with the case (default false).'),
  })
  .default({});
export const StabilityQuery = z.object({
  conflict: z.string().min(1).max(200).optional().describe('Conflict id (default: the only one).'),
  concepts: z
    .string()
    .max(200)
    .optional()
    .describe('Comma-separated subset of Nash,GMR,SMR,SEQ,SIM,SEQ+SIM.'),
});
export const AnalysisListQuery = z.object({
  kind: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
});
