/**
 * Analysis routes: red-line check, proposal diff, zone of agreement, forecasts, GMCR stability, scenarios
 * side by side, stored results. Responses are the engines' result objects as JSON (typed arrays as arrays);
 * `drift.ts` checks at compile time that each schema and its engine type describe the same object.
 */
import { z } from 'zod';
import { PointSchema } from '../case/schema.js';
import { MODEL_IDS } from '../engines/bargaining/models.js';
import { STABILITY_CONCEPTS } from '../engines/gmcr/types.js';
import { AcceptableWire, AsOf, pageOf, ScenarioId } from './common.js';

const Id = z.string().min(1).max(200);

// ---------------------------------------------------------------- requests

export const CheckQuery = z.object({
  proposal: Id.describe('Proposal id.'),
  asOf: AsOf,
  scenario: ScenarioId,
});
export const DiffQuery = z.object({
  from: Id.describe('Proposal id (the earlier text).'),
  to: Id.describe('Proposal id (the later text).'),
  asOf: AsOf,
  scenario: ScenarioId,
});
export const ZopaQuery = z.object({ asOf: AsOf, scenario: ScenarioId });
const Models = z.array(z.enum(MODEL_IDS)).min(1).max(20);
export const ForecastBody = z
  .strictObject({
    models: Models.optional().describe('Models to run (default: all).'),
    asOf: AsOf,
    scenario: ScenarioId,
    trajectory: z.boolean().optional().describe('Include round-by-round outcomes.'),
    seed: z.number().int().optional(),
    save: z.boolean().optional().describe('Also store the result with the case (default false).'),
  })
  .default({});
export type ForecastBody = z.input<typeof ForecastBody>;
export const StabilityQuery = z.object({
  conflict: Id.optional().describe('Conflict id (default: the only one).'),
  concepts: z
    .string()
    .max(200)
    .optional()
    .describe(`Comma-separated subset of ${STABILITY_CONCEPTS.join(',')}.`),
});
export const AnalysisListQuery = z.object({
  kind: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
});
export const AnalysisIdParams = z.object({ id: Id.describe('Analysis id.') });
export const ScenariosQuery = z.object({
  proposal: Id.optional().describe('Also check this proposal under each scenario.'),
  asOf: AsOf,
});
export const ScenarioForecastBody = z
  .strictObject({
    models: Models.optional(),
    scenarios: z.array(Id).max(100).optional().describe('Scenario ids (default: all).'),
    asOf: AsOf,
    trajectory: z.boolean().optional(),
    seed: z.number().int().optional(),
  })
  .default({});
export type ScenarioForecastBody = z.input<typeof ScenarioForecastBody>;

// ---------------------------------------------------------------- red-line check

export const CellStatus = z.enum(['inside', 'crosses', 'no-red-line', 'silent']);
export const VerdictKind = z.enum(['accepts', 'would-veto', 'objects', 'not-bound']);

export const IssueJudgement = z.strictObject({
  issue: z.string(),
  value: z.number(),
  position: z.number().optional(),
  redLine: AcceptableWire.optional(),
  status: z.enum(['inside', 'crosses', 'no-red-line', 'no-stance']),
  distance: z.number(),
});
export const PointCell = z.strictObject({
  point: z.number(),
  actor: z.string(),
  status: CellStatus,
  issues: z.array(IssueJudgement),
  reason: z.string(),
});
export type PointCell = z.infer<typeof PointCell>;
export const Crossing = z.strictObject({
  point: z.number(),
  issue: z.string(),
  value: z.number(),
  redLine: AcceptableWire,
  distance: z.number(),
});
export const IssueUtility = z.strictObject({
  issue: z.string(),
  salience: z.number(),
  planValue: z.number().optional(),
  statusQuo: z.number().optional(),
  delta: z.number(),
});
export const ActorVerdict = z.strictObject({
  actor: z.string(),
  name: z.string(),
  veto: z.boolean(),
  verdict: VerdictKind,
  crossings: z.array(Crossing),
  utility: z.number().nullable(),
  gainsOnStatusQuo: z.boolean().nullable(),
  utilityByIssue: z.array(IssueUtility),
  reasons: z.array(z.string()),
});
export type ActorVerdict = z.infer<typeof ActorVerdict>;
export const Settlement = z.strictObject({
  issue: z.string(),
  value: z.number(),
  points: z.array(z.number()),
});
export const CheckResult = z.strictObject({
  proposal: z.strictObject({ id: z.string(), title: z.string(), kind: z.string(), date: z.string() }),
  asOf: z.string(),
  issues: z.array(Settlement),
  points: z.array(z.strictObject({ number: z.number(), summary: z.string(), issues: z.array(z.string()) })),
  actors: z.array(z.string()),
  cells: z.array(PointCell),
  verdicts: z.array(ActorVerdict),
  acceptedBy: z.array(z.string()),
  vetoedBy: z.array(z.string()),
  objectedBy: z.array(z.string()),
  passes: z.boolean(),
  warnings: z.array(z.string()),
});
export type CheckResult = z.infer<typeof CheckResult>;

// ---------------------------------------------------------------- proposal diff

export const IssueDiff = z.strictObject({
  issue: z.string(),
  from: z.number().optional(),
  to: z.number().optional(),
  statusQuo: z.number().optional(),
  change: z.enum(['added', 'dropped', 'moved', 'unchanged']),
  delta: z.number().optional(),
  fromPoints: z.array(z.number()),
  toPoints: z.array(z.number()),
  favours: z.array(z.strictObject({ actor: z.string(), gain: z.number() })),
});
const RedLineChange = z.strictObject({ issue: z.string(), value: z.number().optional() });
export const ActorDiff = z.strictObject({
  actor: z.string(),
  name: z.string(),
  veto: z.boolean(),
  gain: z.number(),
  direction: z.enum(['toward', 'away', 'neutral']),
  perIssue: z.array(z.strictObject({ issue: z.string(), gain: z.number() })),
  newlyCrossed: z.array(RedLineChange),
  cleared: z.array(RedLineChange),
});
const ProposalRef = z.strictObject({ id: z.string(), title: z.string(), date: z.string() });
export const DiffResult = z.strictObject({
  from: ProposalRef,
  to: ProposalRef,
  asOf: z.string(),
  issues: z.array(IssueDiff),
  actors: z.array(ActorDiff),
  points: z.strictObject({
    added: z.array(PointSchema),
    dropped: z.array(PointSchema),
    matched: z.array(z.strictObject({ from: z.number(), to: z.number(), similarity: z.number() })),
  }),
  warnings: z.array(z.string()),
});
export type DiffResult = z.infer<typeof DiffResult>;

// ---------------------------------------------------------------- zone of agreement

export const RelaxationMove = z.strictObject({
  actor: z.string(),
  issue: z.string(),
  widenBy: z.number(),
  direction: z.enum(['up', 'down']),
  cost: z.number(),
});
export const IssueZone = z.strictObject({
  issue: z.string(),
  constraints: z.array(
    z.strictObject({
      actor: z.string(),
      redLine: AcceptableWire,
      salience: z.number(),
      position: z.number(),
    }),
  ),
  zone: AcceptableWire.nullable(),
  suggested: z.number().nullable(),
  relaxation: z
    .strictObject({ point: z.number(), cost: z.number(), moves: z.array(RelaxationMove) })
    .optional(),
});
export type IssueZone = z.infer<typeof IssueZone>;
export const ZoneResult = z.strictObject({
  asOf: z.string(),
  vetoPlayers: z.array(z.string()),
  issues: z.array(IssueZone),
  feasible: z.boolean(),
  package: z.record(z.string(), z.number()),
  verdicts: z.array(
    z.strictObject({
      actor: z.string(),
      insideRedLines: z.boolean(),
      utility: z.number().nullable(),
      improves: z.boolean().nullable(),
    }),
  ),
  allAccept: z.boolean(),
  relaxation: z.strictObject({ totalCost: z.number(), moves: z.array(RelaxationMove) }),
  warnings: z.array(z.string()),
});
export type ZoneResult = z.infer<typeof ZoneResult>;

// ---------------------------------------------------------------- forecasts

const Named = z.strictObject({ id: z.string(), name: z.string().optional() });
const ConvergenceStatus = z.enum(['converged', 'cycling', 'not-converged', 'closed-form']);
export const Convergence = z.strictObject({
  status: ConvergenceStatus,
  issues: z.array(
    z.strictObject({
      issue: z.string(),
      status: ConvergenceStatus,
      round: z.number().nullable(),
      rounds: z.number(),
      cycle: z
        .strictObject({
          period: z.number(),
          start: z.number(),
          values: z.array(z.number()),
          mean: z.number(),
          min: z.number(),
          max: z.number(),
          last: z.number(),
        })
        .optional(),
    }),
  ),
});
export const ModelResult = z.strictObject({
  model: z.enum(MODEL_IDS),
  outcome: z.array(z.number()).nullable(),
  error: z.string().optional(),
  warnings: z.array(z.string()),
  convergence: Convergence.optional(),
  finalPositions: z.array(z.array(z.number())).optional(),
  ktab: z
    .strictObject({
      prob: z.array(z.array(z.number().nullable())),
      fractionalChange: z.array(z.number()),
      stopReason: z.enum(['converged', 'maxTurns', 'degenerate']),
    })
    .optional(),
  outcomes: z.array(z.array(z.number())).optional(),
  rounds: z.array(z.array(z.array(z.number()))).optional(),
  redLines: z.record(z.string(), z.record(z.string(), z.boolean())),
});
export type ModelResult = z.infer<typeof ModelResult>;
export const CaseForecast = z.strictObject({
  asOf: z.string(),
  scenario: z.string().nullable(),
  actors: z.array(Named),
  issues: z.array(Named),
  results: z.array(ModelResult),
  warnings: z.array(z.string()),
});
export type CaseForecast = z.infer<typeof CaseForecast>;

export const ScenarioComparison = z.strictObject({
  baseline: CaseForecast,
  scenarios: z.array(z.strictObject({ id: z.string(), name: z.string(), forecast: CaseForecast })),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

export const ScenarioRedLines = z.strictObject({
  scenario: z.string().nullable(),
  name: z.string(),
  vetoPlayers: z.array(z.string()),
  proposal: z
    .strictObject({
      id: z.string(),
      passes: z.boolean(),
      vetoedBy: z.array(z.string()),
      objectedBy: z.array(z.string()),
      utilities: z.record(z.string(), z.number().nullable()),
    })
    .optional(),
  zone: z.strictObject({
    feasible: z.boolean(),
    relaxationCost: z.number(),
    emptyIssues: z.array(z.string()),
    allAccept: z.boolean(),
  }),
});
export const ScenarioRedLinesList = z.array(ScenarioRedLines);

/** A Monte Carlo job's result (src/engines/bargaining/monte-carlo.ts). NaN statistics arrive as null. */
const Stat = z.number().nullable();
export const MonteCarloSummary = z.strictObject({
  model: z.enum(MODEL_IDS),
  runs: z.number().int(),
  seed: z.number(),
  failedRuns: z.number().int(),
  issues: z.array(
    z.strictObject({
      issue: z.string(),
      mean: Stat,
      meanSE: Stat,
      sd: Stat,
      min: Stat,
      max: Stat,
      quantiles: z.strictObject({ p05: Stat, p25: Stat, p50: Stat, p75: Stat, p95: Stat }),
      quantileIntervals: z.strictObject({
        p05: z.tuple([Stat, Stat]),
        p25: z.tuple([Stat, Stat]),
        p50: z.tuple([Stat, Stat]),
        p75: z.tuple([Stat, Stat]),
        p95: z.tuple([Stat, Stat]),
      }),
    }),
  ),
  actors: z.array(
    z.strictObject({
      actor: z.string(),
      byIssue: z.record(z.string(), z.number()),
      byIssueSE: z.record(z.string(), z.number()),
      all: z.number().nullable(),
      allSE: z.number().nullable(),
    }),
  ),
  everyRedLineHolds: z.number().nullable(),
  everyRedLineHoldsSE: z.number().nullable(),
});

/** The body of POST /api/cases/:id/sensitivity. */
export const MAX_API_SOBOL_SAMPLES = 1024;
export const SensitivityBody = z
  .strictObject({
    model: z.enum(MODEL_IDS).default('compromise').describe('Model to analyse.'),
    issue: z.string().min(1).max(200).optional().describe('Only this issue (default: every issue).'),
    redLineOwner: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Who must move: only this actor’s red lines (default: every red line).'),
    asOf: z.iso.date('asOf is a date written YYYY-MM-DD').optional(),
    scenario: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Analyse this scenario instead of the baseline.'),
    samples: z
      .number()
      .int()
      .min(0)
      .max(MAX_API_SOBOL_SAMPLES)
      .default(256)
      .describe('Sobol base sample size N (0: no Sobol indices); N·(k + 2) model runs.'),
    top: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(8)
      .describe('Inputs taken into the Sobol design (the top of the one-at-a-time ranking).'),
  })
  .default({ model: 'compromise', samples: 256, top: 8 });

const InputRefWire = z.union([
  z.strictObject({ kind: z.literal('capability'), actor: z.string() }),
  z.strictObject({ kind: z.enum(['position', 'salience']), actor: z.string(), issue: z.string() }),
  z.strictObject({ kind: z.literal('parameter'), name: z.string() }),
]);
const MoveWire = z.strictObject({
  actor: z.string(),
  field: z.enum(['position', 'salience']),
  from: z.number(),
  to: z.number(),
  change: z.number(),
  forecastAfter: z.number(),
});
/** Sensitivity of a forecast (src/engines/bargaining/sensitivity.ts). */
export const SensitivityResult = z.strictObject({
  model: z.enum(MODEL_IDS),
  asOf: z.string(),
  scenario: z.string().nullable(),
  issues: z.array(
    z.strictObject({
      issue: z.string(),
      base: Stat,
      rows: z.array(
        z.strictObject({
          input: InputRefWire,
          label: z.string(),
          base: z.union([z.number(), z.string()]),
          low: z.union([z.number(), z.string()]).nullable(),
          high: z.union([z.number(), z.string()]),
          outcomeLow: Stat,
          outcomeHigh: Stat,
          effect: z.number(),
          slope: Stat,
        }),
      ),
      sobol: z
        .strictObject({
          inputs: z.array(z.string()),
          first: z.array(Stat),
          total: z.array(Stat),
          variance: Stat,
        })
        .optional(),
    }),
  ),
  crossings: z.array(
    z.strictObject({
      owner: z.string(),
      issue: z.string(),
      insideNow: z.boolean(),
      forecastNow: Stat,
      smallest: MoveWire.nullable(),
      moves: z.array(MoveWire),
    }),
  ),
  sobol: z
    .strictObject({ samples: z.number(), inputs: z.array(z.string()), evaluations: z.number() })
    .nullable(),
  warnings: z.array(z.string()),
});
export type SensitivityResult = z.infer<typeof SensitivityResult>;
export type MonteCarloSummary = z.infer<typeof MonteCarloSummary>;

// ---------------------------------------------------------------- GMCR stability

export const StabilityConceptSchema = z.enum(STABILITY_CONCEPTS);
const Step = z.strictObject({
  player: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  improvement: z.boolean(),
});
export const StabilityReport = z.strictObject({
  conflict: z.strictObject({ id: z.string().nullable(), name: z.string().nullable() }),
  concepts: z.array(StabilityConceptSchema),
  options: z.array(
    z.strictObject({
      index: z.number().int(),
      id: z.string(),
      name: z.string(),
      owner: z.string(),
      direction: z.string(),
    }),
  ),
  decisionMakers: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  states: z.array(
    z.strictObject({
      state: z.number().int().describe('Ordered state number, 1-based.'),
      code: z.number().int(),
      yn: z.string().describe('Y / N / - per option.'),
      payoffs: z.record(z.string(), z.number()),
      stability: z
        .record(z.string(), z.record(z.string(), z.boolean()))
        .describe('concept → player (decision-maker id when alone) → stable.'),
      equilibria: z.array(StabilityConceptSchema),
    }),
  ),
  players: z.array(z.strictObject({ name: z.string(), members: z.array(z.string()) })),
  settings: z.strictObject({
    sanctions: z.enum(['standard', 'each-opponent-once']),
    seqSim: z.enum(['and', 'or']),
  }),
  stability: z.record(z.string(), z.record(z.string(), z.array(z.boolean()))),
  equilibria: z.record(z.string(), z.array(z.number().int())),
  statusQuo: z
    .strictObject({
      from: z.number().int(),
      depth: z.number().int(),
      players: z.array(z.strictObject({ name: z.string(), members: z.array(z.number().int()) })),
      reached: z.array(
        z.strictObject({
          state: z.number().int(),
          steps: z.number().int().optional(),
          path: z.array(Step).optional(),
          improvementSteps: z.number().int().optional(),
          improvementPath: z.array(Step).optional(),
        }),
      ),
      movesPerLevel: z.array(z.number().int()),
    })
    .nullable(),
  warnings: z.array(z.string()),
});
export type StabilityReport = z.infer<typeof StabilityReport>;

// ---------------------------------------------------------------- stored results

export const StoredAnalysisSummary = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseVersion: z.number().int(),
  kind: z.string(),
  params: z.unknown(),
  jobId: z.string().nullable(),
  createdAt: z.string(),
});
export const AnalysisList = pageOf(StoredAnalysisSummary);
export const StoredAnalysis = z.strictObject({
  analysis: StoredAnalysisSummary.extend({ result: z.unknown() }),
});
