/**
 * Forecast settings inside a case file: Monte Carlo uncertainty ranges, per-actor/issue overrides and the
 * options of each bargaining model. Owned by the bargaining engine (src/engines/bargaining), which reads its
 * model options from here so the CLI, API and JSON Schema list the same names.
 */
import { z } from 'zod';

/** Most Monte Carlo runs one forecast may ask for: beyond this a run would take hours, not a useful wait. */
export const MAX_FORECAST_RUNS = 1_000_000;

// A local id pattern: schema.ts imports this module, so importing IdSchema back would be circular.
const RefId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids use lowercase letters, digits, ".", "_" and "-"');

export const UncertaintySchema = z
  .strictObject({
    capability: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe(
        'Relative range of capability: each run multiplies it by a factor drawn from [1 − r, 1 + r] (0.2 = ±20 %).',
      ),
    salience: z
      .number()
      .min(0)
      .max(100)
      .default(10)
      .describe(
        'Range of salience in points of the 0–100 scale: each run adds a draw from [−r, +r], clipped to 0–100.',
      ),
    position: z
      .number()
      .min(0)
      .max(100)
      .default(5)
      .describe(
        'Range of position in points of the issue scale: each run adds a draw from [−r, +r], clipped to 0–100.',
      ),
    distribution: z
      .enum(['uniform', 'normal'])
      .default('uniform')
      .describe(
        'Shape of the draws: uniform over the range, or normal with standard deviation r/2 (clipped at ±r).',
      ),
  })
  .describe('How much the inputs are perturbed in each Monte Carlo run.');

export const UncertaintyOverrideSchema = z
  .strictObject({
    actor: RefId.optional().describe('Actor the override applies to; all actors when absent.'),
    issue: RefId.optional().describe(
      'Issue the override applies to (salience and position only); all issues when absent.',
    ),
    capability: z.number().min(0).max(1).optional().describe('Relative capability range for this actor.'),
    salience: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Salience range in points for this actor/issue.'),
    position: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Position range in points for this actor/issue.'),
  })
  .refine((o) => o.actor !== undefined || o.issue !== undefined, {
    message: 'an override names an actor, an issue or both',
    params: { code: 'override_target' },
  })
  .describe('A narrower or wider range for one actor and/or issue; the most specific override wins.');

export const BdmOptionsSchema = z
  .strictObject({
    rounds: z.number().int().min(1).max(1000).default(8).describe('Number of rounds (Scholz reports 8).'),
    probability: z
      .enum(['scholz-code', 'normalised'])
      .default('scholz-code')
      .describe(
        "How P(i beats j) is computed: 'scholz-code' divides i's support by the total absolute support over all " +
          "voters and all ordered pairs of actors (needed for Scholz et al. 2011 Table 2); 'normalised' divides by " +
          'the absolute support over the pair only (eqs. 30–31, so P(i,j) + P(j,i) = 1).',
      ),
    selection: z
      .enum(['scholz-code', 'least-movement'])
      .default('scholz-code')
      .describe(
        "Which compromise offer an actor accepts: 'scholz-code' takes the smallest EU-weighted position (needed " +
          "for rounds 6–8 of Table 2); 'least-movement' the one that moves it least (Scholz §6.2 as printed).",
      ),
    q: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe(
        'Probability Q that the status quo persists without a challenge (1 = BDM 1994 and Table 2; 0.5 = BDM 2009).',
      ),
    stopWhenStable: z.boolean().default(false).describe('Stop before `rounds` when a round moves nobody.'),
    outcome: z
      .enum(['median', 'mean'])
      .default('median')
      .describe(
        'Which summary of the final positions is the forecast: the median voter (default) or the c·s-weighted mean.',
      ),
  })
  .describe('Options of the BDM expected-utility model (Scholz, Calbert & Smith 2011).');

export const WeightingSchema = z
  .enum(['capability-salience', 'salience', 'capability', 'equal'])
  .describe('Actor weights: capability × salience, salience only, capability only, or equal.');

export const ModelOptionsSchema = z
  .strictObject({
    compromise: z
      .strictObject({ weighting: WeightingSchema.default('capability-salience') })
      .default({ weighting: 'capability-salience' })
      .describe('Compromise model: the weighted mean of positions.'),
    median: z
      .strictObject({
        weighting: WeightingSchema.default('capability-salience'),
        method: z
          .enum(['weighted', 'condorcet', 'plain'])
          .default('weighted')
          .describe('Weighted median, Condorcet winner among the positions, or plain median of positions.'),
      })
      .default({ weighting: 'capability-salience', method: 'weighted' })
      .describe('Median-voter model.'),
    nash: z
      .strictObject({
        utility: z
          .enum(['quadratic', 'linear'])
          .default('quadratic')
          .describe('Shape of each actor’s utility around its position.'),
        weights: z
          .enum(['capability-salience', 'capability'])
          .default('capability-salience')
          .describe('Bargaining weights.'),
        insideHull: z
          .enum(['status-quo', 'majority-side'])
          .default('majority-side')
          .describe(
            'When the status quo lies between the positions: return it, or bargain among the heavier side.',
          ),
        bargainers: z
          .enum(['veto-players', 'all'])
          .default('veto-players')
          .describe('Who bargains: the actors with a veto when there are any on the issue, or everyone.'),
      })
      .default({
        utility: 'quadratic',
        weights: 'capability-salience',
        insideHull: 'majority-side',
        bargainers: 'veto-players',
      })
      .describe('Asymmetric Nash bargaining solution with the status quo as disagreement point.'),
    bdm: BdmOptionsSchema.default(BdmOptionsSchema.parse({})),
    exchange: z
      .strictObject({
        rounds: z.number().int().min(1).max(100).default(1).describe('Rounds of vote exchange.'),
      })
      .default({ rounds: 1 })
      .describe('Stokman equal-gain exchange model.'),
    smp: z
      .looseObject({})
      .default({})
      .describe(
        'KTAB SMP parameters (victoryProbModel, pceModel, votingRule, …); checked by the SMP engine when it runs.',
      ),
  })
  .describe('Options of each bargaining model.');

export const ForecastSettingsSchema = z
  .strictObject({
    runs: z
      .number()
      .int()
      .min(1)
      .max(MAX_FORECAST_RUNS)
      .default(1000)
      .describe(`Default number of Monte Carlo runs (at most ${MAX_FORECAST_RUNS}).`),
    seed: z
      .number()
      .int()
      .default(1)
      .describe('Default seed of the Monte Carlo runs; the same seed gives the same result.'),
    uncertainty: UncertaintySchema.default(UncertaintySchema.parse({})),
    overrides: z
      .array(UncertaintyOverrideSchema)
      .default([])
      .describe('Per-actor or per-issue uncertainty ranges.'),
    models: ModelOptionsSchema.default(ModelOptionsSchema.parse({})),
  })
  .describe('Settings for forecasts: Monte Carlo uncertainty ranges, overrides and model options.');

export type ForecastSettings = z.infer<typeof ForecastSettingsSchema>;
export type Uncertainty = z.infer<typeof UncertaintySchema>;
export type UncertaintyOverride = z.infer<typeof UncertaintyOverrideSchema>;
export type ModelOptions = z.infer<typeof ModelOptionsSchema>;
export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = ForecastSettingsSchema.parse({});
