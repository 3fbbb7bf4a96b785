/**
 * Forecasting a case: its stances as of a date (optionally under a scenario) run through the chosen models,
 * with each model's outcome read against every actor's red lines. Monte Carlo specs are built here too, so
 * the sequential engine and the parallel adapter run the same thing.
 */
import type { Case } from '../../case/schema.js';
import { ForecastSettingsSchema, type ForecastSettings } from '../../case/schema-forecast.js';
import { isAcceptable } from '../../case/resolve.js';
import { bargainingInputFromCase, type CaseBargainingInput, type FromCaseOptions } from './from-case.js';
import { runModel, MODEL_IDS, type ModelId } from './models.js';
import { snapToOptions, type MonteCarloSpec } from './monte-carlo.js';
import { assertValidInput, BargainingInputError } from './validate.js';
import { closedForm, type Convergence } from './convergence.js';
import type { KtabTurnOutputs } from './types.js';

export interface CaseForecastOptions {
  asOf?: string;
  scenario?: string;
  /** Leave out issues with fewer than 2 stances (with a warning) instead of refusing the case. */
  skipIncomplete?: boolean;
  models?: readonly ModelId[];
  /** Keep round-by-round positions and outcomes (default false). */
  trajectory?: boolean;
  seed?: number;
}

export interface ModelResult {
  model: ModelId;
  /** Outcome per issue (0–100), or null when the model could not run. */
  outcome: number[] | null;
  error?: string;
  warnings: string[];
  /** Whether each issue converged, at which round, and any cycle (closed-form for non-iterative models). */
  convergence?: Convergence;
  /** Models with rounds: every actor's final position per issue, finalPositions[actor][issue]. */
  finalPositions?: number[][];
  /** SMP with trajectory: KTAB's per-turn prob and fractional change. */
  ktab?: KtabTurnOutputs;
  outcomes?: number[][];
  rounds?: number[][][];
  /** redLines[actor][issue]: true inside, false crossed; absent where the actor has no red line. */
  redLines: Record<string, Record<string, boolean>>;
}

export interface CaseForecast {
  asOf: string;
  scenario: string | null;
  actors: { id: string; name?: string }[];
  issues: { id: string; name?: string }[];
  results: ModelResult[];
  warnings: string[];
}

/** The case's forecast settings with defaults filled in. */
export function forecastSettings(c: Case): ForecastSettings {
  return ForecastSettingsSchema.parse(c.forecast ?? {});
}

/** Builds and checks the input; throws BargainingInputError naming every problem. */
export function caseInput(c: Case, options: FromCaseOptions = {}): CaseBargainingInput {
  const built = bargainingInputFromCase(c, options);
  if (built.input.dimensions.length === 0) {
    throw new BargainingInputError([
      {
        code: 'no_dimensions',
        path: ['stances'],
        message: `no stance is dated on or before ${built.asOf}`,
        hint: 'choose a later --as-of date, or add stances',
      },
    ]);
  }
  assertValidInput(built.input);
  return built;
}

function readRedLines(built: CaseBargainingInput, outcome: readonly number[]): ModelResult['redLines'] {
  const out: ModelResult['redLines'] = {};
  built.input.actors.forEach((a, i) => {
    built.input.dimensions.forEach((dim, d) => {
      const acc = built.redLines[i]?.[d];
      if (!acc) return;
      (out[a.id] ??= {})[dim.id] = isAcceptable(acc, snapToOptions(outcome[d]!, built.optionValues[d]));
    });
  });
  return out;
}

/** Point forecasts of the chosen models for a case. */
export function forecastCase(c: Case, options: CaseForecastOptions = {}): CaseForecast {
  const built = caseInput(c, options);
  const settings = forecastSettings(c);
  const results = (options.models ?? MODEL_IDS).map((model): ModelResult => {
    try {
      const f = runModel(model, built.input, {
        options: settings.models,
        seed: options.seed ?? settings.seed,
      });
      const r: ModelResult = {
        model,
        outcome: f.outcome,
        warnings: f.warnings,
        convergence: f.convergence ?? closedForm(built.input.dimensions.map((d) => d.id)),
        redLines: readRedLines(built, f.outcome),
      };
      const last = f.rounds?.[f.rounds.length - 1];
      if (last) r.finalPositions = last.map((row) => [...row]);
      if (options.trajectory) {
        r.outcomes = f.outcomes ?? [f.outcome];
        r.rounds = f.rounds;
        if (f.ktab) r.ktab = f.ktab;
      }
      return r;
    } catch (e) {
      return {
        model,
        outcome: null,
        error: e instanceof Error ? e.message : String(e),
        warnings: [],
        redLines: {},
      };
    }
  });
  return {
    asOf: built.asOf,
    scenario: built.scenario,
    actors: built.input.actors.map((a) => ({ ...a })),
    issues: built.input.dimensions.map((d) => ({ ...d })),
    results,
    warnings: [...built.warnings, ...overrideWarnings(c, settings)],
  };
}

/** Overrides that name an actor or issue the case does not have (they would silently do nothing). */
function overrideWarnings(c: Case, settings: ForecastSettings): string[] {
  const out: string[] = [];
  settings.overrides.forEach((o, k) => {
    if (o.actor !== undefined && !c.actors.some((a) => a.id === o.actor))
      out.push(
        `forecast.overrides[${k}].actor: no actor "${o.actor}" in the case; the override does nothing`,
      );
    if (o.issue !== undefined && !c.issues.some((i) => i.id === o.issue))
      out.push(
        `forecast.overrides[${k}].issue: no issue "${o.issue}" in the case; the override does nothing`,
      );
  });
  return out;
}

/** The Monte Carlo spec of one model on a case (ranges and model options from the case's settings). */
export function monteCarloSpecFor(
  c: Case,
  model: ModelId,
  options: FromCaseOptions & { runs?: number; seed?: number } = {},
): MonteCarloSpec {
  const built = caseInput(c, options);
  const settings = forecastSettings(c);
  return {
    input: built.input,
    model,
    modelOptions: settings.models,
    uncertainty: settings.uncertainty,
    overrides: settings.overrides,
    redLines: built.redLines,
    optionValues: built.optionValues,
    runs: options.runs ?? settings.runs,
    seed: options.seed ?? settings.seed,
  };
}
