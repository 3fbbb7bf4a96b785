/**
 * Sensitivity of a forecast to its inputs, as a KTAB user would find by re-running by hand:
 * - one-at-a-time (OAT): each actor's capability, and each of its positions and saliences, is moved to the low and
 *   the high end of its Monte Carlo range (the case's forecast.uncertainty) with everything else fixed; each model
 *   parameter is moved to its neighbours (numeric) or switched to each alternative (categorical);
 * - Sobol first-order and total indices (sobol.ts) for the top inputs of the OAT ranking, each drawn uniformly
 *   over its range: a spec the Monte Carlo pool runs like any other (`design`);
 * - who must move: the smallest change of one actor's position or salience on an issue that puts the forecast
 *   inside (or outside) a given actor's red line there.
 * Pure functions over a built input; `sensitivityOfCase` reads a case.
 */
import type { Case } from '../../case/schema.js';
import { isAcceptable, type Acceptable } from '../../case/resolve.js';
import type { ModelOptions, Uncertainty, UncertaintyOverride } from '../../case/schema-forecast.js';
import { runModel, type ModelId } from './models.js';
import { resolveRanges, runMonteCarloRange, snapToOptions, type MonteCarloSpec } from './monte-carlo.js';
import { caseInput, forecastSettings } from './forecast.js';
import type { FromCaseOptions } from './from-case.js';
import { sobolIndices, sobolEvaluations, type SobolDesign, type SobolIndices } from './sobol.js';
import {
  inputLabel,
  inputRange,
  inputValue,
  numericInputs,
  withInput,
  type InputRef,
  type NumericInputRef,
} from './inputs.js';

export type { InputRef, NumericInputRef } from './inputs.js';
import type { BargainingInput } from './types.js';
import { UnknownIdError } from '../../kit/errors.js';

export interface OatRow {
  input: InputRef;
  label: string;
  /** Input values at the base and at the low/high ends (positions and saliences in points 0–100). */
  base: number | string;
  low: number | string | null;
  high: number | string;
  /** Forecast of the issue at the low and high ends (null: no low end, e.g. a categorical switch). */
  outcomeLow: number | null;
  outcomeHigh: number;
  /** Largest absolute change of the forecast from its base value. */
  effect: number;
  /** (outcomeHigh − outcomeLow) / (high − low) for numeric inputs: the finite-difference derivative. */
  slope: number | null;
}

export interface IssueSensitivity {
  issue: string;
  base: number;
  /** Rows by decreasing effect. */
  rows: OatRow[];
  sobol?: { inputs: string[]; first: number[]; total: number[]; variance: number };
}

export interface RedLineCrossing {
  /** The red line's owner and issue. */
  owner: string;
  issue: string;
  /** Whether the forecast is inside that red line now; the crossing takes it to the other side. */
  insideNow: boolean;
  forecastNow: number;
  /** The smallest single move found, or null if no one actor's position or salience can do it. */
  smallest: Move | null;
  /** The smallest move per actor and field (those that can cross at all), smallest first. */
  moves: Move[];
}

export interface Move {
  actor: string;
  field: 'position' | 'salience';
  from: number;
  to: number;
  /** |to − from| in points. */
  change: number;
  forecastAfter: number;
}

/** Models that read each issue on its own: their OAT over an issue needs only that issue's inputs. */
const ONE_DIMENSIONAL: readonly ModelId[] = ['compromise', 'median', 'nash', 'bdm'];

interface ParameterVariant {
  name: string;
  base: number | string;
  low?: { value: number | string; options: ModelOptions };
  high: { value: number | string; options: ModelOptions };
}

const alternatives = <T extends string>(all: readonly T[], current: T) => all.filter((v) => v !== current);

/** Each model parameter moved to its neighbours (numeric) or switched to each other value (categorical). */
export function parameterVariants(model: ModelId, options: ModelOptions): ParameterVariant[] {
  const out: ParameterVariant[] = [];
  const swap = <K extends keyof ModelOptions>(key: K, field: string, values: readonly string[]) => {
    const current = (options[key] as Record<string, unknown>)[field] as string;
    for (const alt of alternatives(values, current))
      out.push({
        name: `${key}.${field} = ${alt}`,
        base: current,
        high: { value: alt, options: { ...options, [key]: { ...options[key], [field]: alt } } },
      });
  };
  const weightings = ['capability-salience', 'salience', 'capability', 'equal'] as const;
  switch (model) {
    case 'compromise':
      swap('compromise', 'weighting', weightings);
      break;
    case 'median':
      swap('median', 'weighting', weightings);
      swap('median', 'method', ['weighted', 'condorcet', 'plain']);
      break;
    case 'nash':
      swap('nash', 'utility', ['quadratic', 'linear']);
      swap('nash', 'weights', ['capability-salience', 'capability']);
      swap('nash', 'insideHull', ['status-quo', 'majority-side']);
      swap('nash', 'bargainers', ['veto-players', 'all']);
      break;
    case 'bdm': {
      const q = options.bdm.q;
      const at = (v: number) => ({ value: v, options: { ...options, bdm: { ...options.bdm, q: v } } });
      out.push({ name: 'bdm.q', base: q, low: at(Math.max(0, q - 0.1)), high: at(Math.min(1, q + 0.1)) });
      const r = options.bdm.rounds;
      const rounds = (v: number) => ({
        value: v,
        options: { ...options, bdm: { ...options.bdm, rounds: v } },
      });
      out.push({ name: 'bdm.rounds', base: r, low: rounds(Math.max(1, r - 1)), high: rounds(r + 1) });
      swap('bdm', 'probability', ['scholz-code', 'normalised']);
      swap('bdm', 'selection', ['scholz-code', 'least-movement']);
      swap('bdm', 'outcome', ['median', 'mean']);
      break;
    }
    case 'exchange': {
      const r = options.exchange.rounds;
      const at = (v: number) => ({ value: v, options: { ...options, exchange: { rounds: v } } });
      out.push({ name: 'exchange.rounds', base: r, ...(r > 1 ? { low: at(r - 1) } : {}), high: at(r + 1) });
      break;
    }
    case 'smp':
      // SMP's parameters are KTAB's enumerations; their alternatives are a study of their own (docs/models/SMP.md §3).
      break;
  }
  return out;
}

export interface SensitivitySpec {
  input: BargainingInput;
  model: ModelId;
  modelOptions: ModelOptions;
  uncertainty: Uncertainty;
  overrides?: readonly UncertaintyOverride[];
  redLines: readonly (readonly (Acceptable | null)[])[];
  optionValues: readonly (readonly number[] | null)[];
  seed: number;
}

/** The forecast of every issue for an input, or NaNs where the model refuses it. */
function forecastOf(spec: SensitivitySpec, input: BargainingInput, options = spec.modelOptions): number[] {
  try {
    return runModel(spec.model, input, { options, seed: spec.seed }).outcome;
  } catch {
    return input.dimensions.map(() => Number.NaN);
  }
}

/** The input cut down to one issue (for the one-dimensional models, whose issues do not interact). */
function onlyIssue(input: BargainingInput, d: number): BargainingInput {
  return {
    ...input,
    dimensions: [input.dimensions[d]!],
    position: input.position.map((row) => [row[d]!]),
    salience: input.salience.map((row) => [row[d]!]),
    ...(input.active ? { active: input.active.map((row) => [row[d]!]) } : {}),
    ...(input.statusQuo ? { statusQuo: [input.statusQuo[d] ?? null] } : {}),
  };
}

/** OAT on the target issues (all when absent), rows ranked by effect. */
export function oneAtATime(spec: SensitivitySpec, targets?: readonly number[]): IssueSensitivity[] {
  const { input } = spec;
  const issues = targets ?? input.dimensions.map((_, d) => d);
  const ranges = resolveRanges(input, spec.uncertainty, spec.overrides);
  const oneD = ONE_DIMENSIONAL.includes(spec.model);
  const base = forecastOf(spec, input);
  const rows: OatRow[][] = issues.map(() => []);
  const record = (
    row: Omit<OatRow, 'outcomeLow' | 'outcomeHigh' | 'effect'>,
    lo: number[] | null,
    hi: number[],
  ) =>
    issues.forEach((d, t) => {
      const oL = lo ? lo[d]! : null;
      const oH = hi[d]!;
      const effect = Math.max(Math.abs(oH - base[d]!), oL === null ? 0 : Math.abs(oL - base[d]!));
      rows[t]!.push({ ...row, outcomeLow: oL, outcomeHigh: oH, effect });
    });
  for (const ref of numericInputs(input, oneD ? issues : undefined)) {
    const [lo, hi] = inputRange(input, ranges, ref);
    if (hi === lo) continue;
    const v = inputValue(input, ref);
    const fLo = forecastOf(spec, withInput(input, ref, lo));
    const fHi = forecastOf(spec, withInput(input, ref, hi));
    issues.forEach((d, t) => {
      const oL = fLo[d]!;
      const oH = fHi[d]!;
      rows[t]!.push({
        input: ref,
        label: inputLabel(ref),
        base: v,
        low: lo,
        high: hi,
        outcomeLow: oL,
        outcomeHigh: oH,
        effect: Math.max(Math.abs(oH - base[d]!), Math.abs(oL - base[d]!)),
        slope: (oH - oL) / (hi - lo),
      });
    });
  }
  for (const p of parameterVariants(spec.model, spec.modelOptions)) {
    const hi = forecastOf(spec, input, p.high.options);
    const lo = p.low ? forecastOf(spec, input, p.low.options) : null;
    const numeric = typeof p.high.value === 'number' && p.low && typeof p.low.value === 'number';
    record(
      {
        input: { kind: 'parameter', name: p.name },
        label: p.name,
        base: p.base,
        low: p.low?.value ?? null,
        high: p.high.value,
        slope: null,
      },
      lo,
      hi,
    );
    if (numeric)
      issues.forEach((d, t) => {
        const row = rows[t]![rows[t]!.length - 1]!;
        row.slope = (hi[d]! - lo![d]!) / ((p.high.value as number) - (p.low!.value as number));
      });
  }
  return issues.map((d, t) => ({
    issue: input.dimensions[d]!.id,
    base: base[d]!,
    rows: rows[t]!.filter((r) => Number.isFinite(r.effect)).sort((a, b) => b.effect - a.effect),
  }));
}

/** The numeric inputs to take into the Sobol design: the top `k` by their largest OAT effect on any target. */
export function topInputs(oat: readonly IssueSensitivity[], k: number): NumericInputRef[] {
  const best = new Map<string, { ref: NumericInputRef; effect: number }>();
  for (const issue of oat)
    for (const row of issue.rows) {
      if (row.input.kind === 'parameter' || row.effect <= 0) continue;
      const prev = best.get(row.label);
      if (!prev || row.effect > prev.effect) best.set(row.label, { ref: row.input, effect: row.effect });
    }
  return [...best.values()]
    .sort((a, b) => b.effect - a.effect)
    .slice(0, k)
    .map((b) => b.ref);
}

/** The Sobol design as a Monte Carlo spec, so the worker pool runs it: run e is evaluation e of the design. */
export function sobolSpec(
  spec: SensitivitySpec,
  inputs: readonly NumericInputRef[],
  samples: number,
): MonteCarloSpec {
  const ranges = resolveRanges(spec.input, spec.uncertainty, spec.overrides);
  const design: SobolDesign = { inputs: inputs.length, samples, seed: spec.seed };
  return {
    input: spec.input,
    model: spec.model,
    modelOptions: spec.modelOptions,
    runs: sobolEvaluations(design),
    seed: spec.seed,
    design: {
      kind: 'sobol',
      sobol: design,
      inputs: inputs.map((ref) => ({ ref, range: inputRange(spec.input, ranges, ref) })),
    },
  };
}

/** The indices of each target issue from the design's outputs (rows in run order, one value per issue). */
export function sobolByIssue(
  spec: MonteCarloSpec,
  outputs: Float64Array,
  targets: readonly number[],
): SobolIndices[] {
  const design = spec.design!;
  const dims = spec.input.dimensions.length;
  return targets.map((d) => {
    const column = new Float64Array(spec.runs);
    for (let e = 0; e < spec.runs; e++) column[e] = outputs[e * dims + d]!;
    return sobolIndices(design.sobol, column);
  });
}

/**
 * Who must move: for each red line (of `owner` when given, on `issueIds` when given), the smallest change of one
 * actor's position or salience on that issue that moves the forecast to the other side of the red line.
 * Scans each direction in steps of `step` points, then bisects the first crossing to 0.01 points.
 */
export function whoMustMove(
  spec: SensitivitySpec,
  filter: { owner?: string; issue?: string; step?: number } = {},
): RedLineCrossing[] {
  const { input } = spec;
  const step = filter.step ?? 2;
  const oneD = ONE_DIMENSIONAL.includes(spec.model);
  const out: RedLineCrossing[] = [];
  input.actors.forEach((owner, o) => {
    if (filter.owner && owner.id !== filter.owner) return;
    input.dimensions.forEach((dim, d) => {
      if (filter.issue && dim.id !== filter.issue) return;
      const acc = spec.redLines[o]?.[d];
      if (!acc) return;
      // One-dimensional models are run on this issue alone: the same numbers, a fraction of the time.
      const local = oneD ? onlyIssue(input, d) : input;
      const dd = oneD ? 0 : d;
      const forecast = (inp: BargainingInput) => forecastOf(spec, inp)[dd]!;
      const inside = (x: number) =>
        Number.isFinite(x) && isAcceptable(acc, snapToOptions(x, spec.optionValues[d]));
      const now = forecast(local);
      const insideNow = inside(now);
      const moves: Move[] = [];
      input.actors.forEach((mover, i) => {
        if (input.active && input.active[i]?.[d] === false) return;
        for (const field of ['position', 'salience'] as const) {
          const ref: InputRef = { kind: field, actor: mover.id, issue: dim.id };
          const from = inputValue(local, ref);
          const crosses = (v: number) => inside(forecast(withInput(local, ref, v))) !== insideNow;
          let best: number | null = null;
          for (const dir of [-1, 1]) {
            let prev = from;
            for (let v = from + dir * step; dir < 0 ? v > -step : v < 100 + step; v += dir * step) {
              const at = Math.min(100, Math.max(0, v));
              if (best !== null && Math.abs(at - from) >= Math.abs(best - from)) break;
              if (crosses(at)) {
                let a = prev;
                let b = at;
                while (Math.abs(b - a) > 0.01) {
                  const mid = (a + b) / 2;
                  if (crosses(mid)) b = mid;
                  else a = mid;
                }
                if (best === null || Math.abs(b - from) < Math.abs(best - from)) best = b;
                break;
              }
              prev = at;
              if (at === 0 || at === 100) break;
            }
          }
          if (best !== null)
            moves.push({
              actor: mover.id,
              field,
              from,
              to: best,
              change: Math.abs(best - from),
              forecastAfter: forecast(withInput(local, ref, best)),
            });
        }
      });
      moves.sort((a, b) => a.change - b.change);
      out.push({
        owner: owner.id,
        issue: dim.id,
        insideNow,
        forecastNow: now,
        smallest: moves[0] ?? null,
        moves,
      });
    });
  });
  return out;
}

export interface CaseSensitivityOptions extends FromCaseOptions {
  model?: ModelId;
  issue?: string;
  seed?: number;
}

/** The sensitivity spec of a case (its ranges and model options), and the target issue indices. */
export function sensitivitySpecFor(
  c: Case,
  options: CaseSensitivityOptions = {},
): { spec: SensitivitySpec; targets: number[]; warnings: string[] } {
  const built = caseInput(c, options);
  const settings = forecastSettings(c);
  const ids = built.input.dimensions.map((d) => d.id);
  if (options.issue !== undefined && !ids.includes(options.issue))
    throw new UnknownIssueError(options.issue, ids);
  return {
    spec: {
      input: built.input,
      model: options.model ?? 'compromise',
      modelOptions: settings.models,
      uncertainty: settings.uncertainty,
      overrides: settings.overrides,
      redLines: built.redLines,
      optionValues: built.optionValues,
      seed: options.seed ?? settings.seed,
    },
    targets: options.issue === undefined ? ids.map((_, d) => d) : [ids.indexOf(options.issue)],
    warnings: built.warnings,
  };
}

export class UnknownIssueError extends UnknownIdError {
  constructor(
    readonly issueId: string,
    known: string[],
  ) {
    super(
      `engines/bargaining/sensitivity: no issue "${issueId}" in the forecast; known: ${known.join(', ')}`,
      known,
    );
  }
}

export interface SensitivityOptions extends CaseSensitivityOptions {
  /** Sobol base sample size N (0: no Sobol indices). */
  samples?: number;
  /** How many of the top OAT inputs enter the Sobol design. */
  top?: number;
  /** Who must move: only this actor's red lines (all red lines when absent). */
  redLineOwner?: string;
}

export interface SensitivityResult {
  model: ModelId;
  asOf: string;
  scenario: string | null;
  issues: IssueSensitivity[];
  crossings: RedLineCrossing[];
  /** The Sobol design's size, when one was run. */
  sobol: { samples: number; inputs: string[]; evaluations: number } | null;
  warnings: string[];
}

/** Most Sobol base samples one request may ask for. */
export const MAX_SOBOL_SAMPLES = 16_384;
export const DEFAULT_SOBOL_SAMPLES = 256;
export const DEFAULT_SOBOL_INPUTS = 8;

/**
 * The first phase of a case's sensitivity analysis: OAT and who-must-move, and the Sobol design to run (by the
 * caller, in this thread or on the worker pool) before `finishSensitivity`.
 */
export function prepareSensitivity(
  c: Case,
  options: SensitivityOptions = {},
): { result: SensitivityResult; design: MonteCarloSpec | null; targets: number[] } {
  const built = caseInput(c, options);
  const { spec, targets, warnings } = sensitivitySpecFor(c, options);
  const issues = oneAtATime(spec, targets);
  const crossings = whoMustMove(spec, {
    owner: options.redLineOwner,
    issue: options.issue,
  });
  const samples = options.samples ?? DEFAULT_SOBOL_SAMPLES;
  if (!Number.isInteger(samples) || samples < 0 || samples > MAX_SOBOL_SAMPLES)
    throw new RangeError(
      `engines/bargaining/sensitivity: samples must be a whole number from 0 to ${MAX_SOBOL_SAMPLES}; got ${samples}`,
    );
  const inputs = samples > 0 ? topInputs(issues, options.top ?? DEFAULT_SOBOL_INPUTS) : [];
  const design = inputs.length > 0 ? sobolSpec(spec, inputs, samples) : null;
  return {
    result: {
      model: spec.model,
      asOf: built.asOf,
      scenario: built.scenario,
      issues,
      crossings,
      sobol: design ? { samples, inputs: inputs.map(inputLabel), evaluations: design.runs } : null,
      warnings,
    },
    design,
    targets,
  };
}

/** Adds the Sobol indices computed from the design's outputs (run order, one value per issue). */
export function finishSensitivity(
  prepared: { result: SensitivityResult; design: MonteCarloSpec | null; targets: number[] },
  outputs: Float64Array | null,
): SensitivityResult {
  const { result, design, targets } = prepared;
  if (!design || !outputs || !result.sobol) return result;
  const indices = sobolByIssue(design, outputs, targets);
  return {
    ...result,
    issues: result.issues.map((issue, t) => ({
      ...issue,
      sobol: { inputs: result.sobol!.inputs, ...indices[t]! },
    })),
  };
}

/** Sensitivity of a case's forecast, all in this thread (the API; the CLI runs the Sobol design on its pool). */
export function sensitivityOfCase(c: Case, options: SensitivityOptions = {}): SensitivityResult {
  const prepared = prepareSensitivity(c, options);
  const outputs = prepared.design ? runMonteCarloRange(prepared.design, 0, prepared.design.runs) : null;
  return finishSensitivity(prepared, outputs);
}
