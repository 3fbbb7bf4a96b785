/** Request schemas of the scenario comparisons. */
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '../../../../index.js';

const AsOf = z.iso.date('asOf is a date written YYYY-MM-DD').optional();

export const ScenariosQuery = z.object({
  proposal: z.string().min(1).max(200).optional().describe('Also check this proposal under each scenario.'),
  asOf: AsOf,
});

export const ScenarioForecastBody = z
  .strictObject({
    models: z
      .array(z.enum(MODEL_IDS as unknown as [ModelId, ...ModelId[]]))
      .min(1)
      .max(20)
      .optional(),
    scenarios: z
      .array(z.string().min(1).max(200))
      .max(100)
      .optional()
      .describe('Scenario ids (default: all).'),
    asOf: AsOf,
    trajectory: z.boolean().optional(),
    seed: z.number().int().optional(),
  })
  .default({});
