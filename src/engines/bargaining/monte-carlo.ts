/**
 * Monte Carlo uncertainty for any bargaining model: run k perturbs capability, salience and position within the
 * case's stated ranges using `random.fork(k)` of one seed, so any split of the runs (threads, machines) gives
 * the same numbers as a sequential run. Results are distributions per issue and, per actor, the probability
 * that the outcome lands inside its red lines.
 */
import { createRandom, type Random } from '../../kit/random.js';
import {
  MAX_FORECAST_RUNS,
  DEFAULT_FORECAST_SETTINGS,
  type ModelOptions,
  type Uncertainty,
  type UncertaintyOverride,
} from '../../case/schema-forecast.js';
import { isAcceptable, type Acceptable } from '../../case/resolve.js';
import { runModel, type ModelId } from './models.js';
import type { BargainingInput } from './types.js';
import { proportionSE, quantileBootstrapInterval } from './stats.js';
import { sobolPoint, type SobolDesign } from './sobol.js';
import { withInput, type NumericInputRef } from './inputs.js';

/**
 * A designed experiment instead of random perturbations: run e sets each listed input to lo + u·(hi − lo),
 * with u the e-th point of the design (sensitivity.ts builds it), and perturbs nothing else.
 */
export interface MonteCarloDesign {
  kind: 'sobol';
  sobol: SobolDesign;
  inputs: { ref: NumericInputRef; range: [number, number] }[];
}

/** The input of run e of a design. */
export function designInput(input: BargainingInput, design: MonteCarloDesign, e: number): BargainingInput {
  const u = sobolPoint(design.sobol, e);
  let out = input;
  design.inputs.forEach(({ ref, range: [lo, hi] }, k) => {
    out = withInput(out, ref, lo + u[k]! * (hi - lo));
  });
  return out;
}

/** Everything a Monte Carlo run needs; plain data, so it can be sent to worker threads. */
export interface MonteCarloSpec {
  input: BargainingInput;
  model: ModelId;
  modelOptions?: ModelOptions;
  uncertainty?: Uncertainty;
  overrides?: readonly UncertaintyOverride[];
  redLines?: readonly (readonly (Acceptable | null)[])[];
  /**
   * Per dimension, the values of an options scale (null for continuous issues): a forecast there is read as the
   * nearest option before its red lines are checked.
   */
  optionValues?: readonly (readonly number[] | null)[];
  runs: number;
  seed: number;
  /** When present, runs follow this design instead of the random perturbation model. */
  design?: MonteCarloDesign;
}

/** Per-actor and per-issue ranges after applying the overrides (most specific wins). */
export interface ResolvedRanges {
  capability: number[];
  salience: number[][];
  position: number[][];
  distribution: 'uniform' | 'normal';
}

export function resolveRanges(
  input: BargainingInput,
  uncertainty: Uncertainty,
  overrides: readonly UncertaintyOverride[] = [],
): ResolvedRanges {
  const pick = (
    field: 'capability' | 'salience' | 'position',
    actor: string,
    issue: string | null,
  ): number => {
    let best = uncertainty[field];
    let rank = -1;
    for (const o of overrides) {
      const value = o[field];
      if (value === undefined) continue;
      if (o.actor !== undefined && o.actor !== actor) continue;
      if (o.issue !== undefined && o.issue !== issue) continue;
      if (o.issue !== undefined && issue === null) continue;
      const r = (o.actor !== undefined ? 2 : 0) + (o.issue !== undefined ? 1 : 0);
      if (r >= rank) {
        rank = r;
        best = value;
      }
    }
    return best;
  };
  return {
    capability: input.actors.map((a) => pick('capability', a.id, null)),
    salience: input.actors.map((a) => input.dimensions.map((d) => pick('salience', a.id, d.id))),
    position: input.actors.map((a) => input.dimensions.map((d) => pick('position', a.id, d.id))),
    distribution: uncertainty.distribution,
  };
}

/** A draw in [−r, r]: uniform, or normal with sd r/2 clipped at ±r. */
function draw(random: Random, r: number, distribution: 'uniform' | 'normal'): number {
  if (r === 0) return 0;
  if (distribution === 'uniform') return (2 * random.next() - 1) * r;
  return Math.max(-r, Math.min(r, (random.normal() * r) / 2));
}

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The input of one run: every actor's capability, then each (actor, issue) salience and position, perturbed. */
export function perturbInput(
  input: BargainingInput,
  ranges: ResolvedRanges,
  random: Random,
): BargainingInput {
  const dist = ranges.distribution;
  const capability = input.capability.map((c, i) =>
    Math.max(0, c * (1 + draw(random, ranges.capability[i]!, dist))),
  );
  const salience: number[][] = [];
  const position: number[][] = [];
  input.actors.forEach((_, i) => {
    salience.push([]);
    position.push([]);
    input.dimensions.forEach((_, d) => {
      const s = input.salience[i]![d]!;
      const x = input.position[i]![d]!;
      // Always draw both, so a run's stream does not depend on which actors are active.
      const ds = draw(random, ranges.salience[i]![d]! / 100, dist);
      const dx = draw(random, ranges.position[i]![d]!, dist);
      salience[i]!.push(clip(s + ds, 0, 1));
      position[i]!.push(clip(x + dx, 0, 100));
    });
  });
  return { ...input, capability, salience, position };
}

/** Refuses run counts the engine will not attempt. */
export function assertRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_FORECAST_RUNS) {
    throw new RangeError(
      `engines/bargaining/monte-carlo: runs must be a whole number from 1 to ${MAX_FORECAST_RUNS.toLocaleString('en')}; got ${runs}`,
    );
  }
}

/** Outcomes of runs [from, to): a flat array, (to − from) rows of one value per dimension. */
export function runMonteCarloRange(
  spec: MonteCarloSpec,
  from: number,
  to: number,
  onRun?: () => void,
): Float64Array {
  const dims = spec.input.dimensions.length;
  const ranges = resolveRanges(
    spec.input,
    spec.uncertainty ?? DEFAULT_FORECAST_SETTINGS.uncertainty,
    spec.overrides,
  );
  const root = createRandom(spec.seed);
  const out = new Float64Array((to - from) * dims);
  for (let k = from; k < to; k++) {
    const random = root.fork(k);
    const input = spec.design
      ? designInput(spec.input, spec.design, k)
      : perturbInput(spec.input, ranges, random);
    let outcome: number[];
    try {
      outcome = runModel(spec.model, input, {
        options: spec.modelOptions,
        seed: random.int(2 ** 31),
      }).outcome;
    } catch {
      // A perturbed input the model refuses (e.g. every salience drawn to 0) counts as a failed run.
      outcome = new Array(dims).fill(Number.NaN);
    }
    for (let d = 0; d < dims; d++) out[(k - from) * dims + d] = outcome[d]!;
    onRun?.();
  }
  return out;
}

export interface Quantiles {
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface IssueDistribution {
  issue: string;
  mean: number;
  /** Standard error of the mean (sd / √runs). */
  meanSE: number;
  sd: number;
  min: number;
  max: number;
  /** Quantiles at 5, 25, 50, 75 and 95 %. */
  quantiles: Quantiles;
  /** 95 % bootstrap interval of each quantile (exact bootstrap, see stats.ts): its Monte Carlo error. */
  quantileIntervals: Record<keyof Quantiles, [number, number]>;
}

export interface ActorRedLineOdds {
  actor: string;
  /** Probability that the outcome lies inside the actor's red line, per issue where it has one. */
  byIssue: Record<string, number>;
  /** Standard error of each probability in `byIssue`: √(p(1 − p)/runs). */
  byIssueSE: Record<string, number>;
  /** Probability that every one of its red lines holds at once (null if it has none). */
  all: number | null;
  allSE: number | null;
}

export interface MonteCarloSummary {
  model: ModelId;
  runs: number;
  seed: number;
  /** Runs the model could not complete (left out of the statistics). */
  failedRuns: number;
  issues: IssueDistribution[];
  actors: ActorRedLineOdds[];
  /** Probability that no actor's red line is crossed on any issue (null if nobody has a red line). */
  everyRedLineHolds: number | null;
  everyRedLineHoldsSE: number | null;
}

/** Linear-interpolation quantile of sorted values (type 7, as in R and NumPy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The outcome as the red-line check reads it: on an options scale, the nearest option. */
export function snapToOptions(x: number, options: readonly number[] | null | undefined): number {
  if (!options || options.length === 0) return x;
  let best = options[0]!;
  for (const v of options) if (Math.abs(v - x) < Math.abs(best - x)) best = v;
  return best;
}

/** Statistics of all runs' outcomes (rows in run order). */
export function summariseMonteCarlo(spec: MonteCarloSpec, outcomes: Float64Array): MonteCarloSummary {
  const dims = spec.input.dimensions.length;
  const runs = outcomes.length / dims;
  const ok: number[] = [];
  for (let k = 0; k < runs; k++) {
    let good = true;
    for (let d = 0; d < dims; d++) if (!Number.isFinite(outcomes[k * dims + d]!)) good = false;
    if (good) ok.push(k);
  }
  const issues = spec.input.dimensions.map((dim, d) => {
    const v = ok.map((k) => outcomes[k * dims + d]!);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length - 1));
    const sorted = Float64Array.from(v).sort();
    const interval = (p: number) => quantileBootstrapInterval(sorted, p);
    return {
      issue: dim.id,
      mean,
      meanSE: v.length > 0 ? sd / Math.sqrt(v.length) : Number.NaN,
      sd,
      min: sorted[0] ?? Number.NaN,
      max: sorted[sorted.length - 1] ?? Number.NaN,
      quantiles: {
        p05: quantile(sorted, 0.05),
        p25: quantile(sorted, 0.25),
        p50: quantile(sorted, 0.5),
        p75: quantile(sorted, 0.75),
        p95: quantile(sorted, 0.95),
      },
      quantileIntervals: {
        p05: interval(0.05),
        p25: interval(0.25),
        p50: interval(0.5),
        p75: interval(0.75),
        p95: interval(0.95),
      },
    };
  });
  const redLines = spec.redLines ?? [];
  let everyHolds = 0;
  const anyRedLine = redLines.some((row) => row.some((r) => r !== null));
  const holdsAll = new Array(spec.input.actors.length).fill(0);
  const holds = spec.input.actors.map(() => new Array(dims).fill(0) as number[]);
  for (const k of ok) {
    let all = true;
    spec.input.actors.forEach((_, i) => {
      let mine = true;
      for (let d = 0; d < dims; d++) {
        const acc = redLines[i]?.[d];
        if (!acc) continue;
        if (isAcceptable(acc, snapToOptions(outcomes[k * dims + d]!, spec.optionValues?.[d])))
          holds[i]![d]!++;
        else mine = false;
      }
      if (mine) holdsAll[i]++;
      else all = false;
    });
    if (all) everyHolds++;
  }
  const n = ok.length;
  const actors = spec.input.actors.map((a, i) => {
    const byIssue: Record<string, number> = {};
    const byIssueSE: Record<string, number> = {};
    let has = false;
    spec.input.dimensions.forEach((dim, d) => {
      if (!redLines[i]?.[d]) return;
      has = true;
      if (n === 0) return;
      byIssue[dim.id] = holds[i]![d]! / n;
      byIssueSE[dim.id] = proportionSE(byIssue[dim.id]!, n);
    });
    // With every run failed there is nothing to count: no probabilities rather than 0/0.
    const all = has && n > 0 ? holdsAll[i]! / n : null;
    return { actor: a.id, byIssue, byIssueSE, all, allSE: all === null ? null : proportionSE(all, n) };
  });
  const every = anyRedLine && n > 0 ? everyHolds / n : null;
  return {
    model: spec.model,
    runs,
    seed: spec.seed,
    failedRuns: runs - n,
    issues,
    actors,
    everyRedLineHolds: every,
    everyRedLineHoldsSE: every === null ? null : proportionSE(every, n),
  };
}

/**
 * A key that is equal for two specs exactly when their runs give the same outcomes and summaries: the input
 * fields the model reads, its options, the ranges, red lines, runs and seed. Scenarios that change only what a
 * model ignores (a veto or status quo, for every model but Nash) share one Monte Carlo.
 */
export function monteCarloKey(spec: MonteCarloSpec): string {
  const { input } = spec;
  const readsVetoAndStatusQuo = spec.model === 'nash';
  const options = spec.modelOptions?.[spec.model as keyof ModelOptions];
  return JSON.stringify([
    spec.model,
    options ?? null,
    input.actors.map((a) => a.id),
    input.dimensions.map((d) => d.id),
    input.capability,
    input.position,
    input.salience,
    input.active ?? null,
    readsVetoAndStatusQuo ? [input.veto ?? null, input.statusQuo ?? null] : null,
    spec.uncertainty ?? null,
    spec.overrides ?? null,
    spec.redLines ?? null,
    spec.optionValues ?? null,
    spec.runs,
    spec.seed,
    spec.design ?? null,
  ]);
}

/** All runs in this thread (the parallel adapter splits `runMonteCarloRange` over workers instead). */
export function monteCarlo(spec: MonteCarloSpec, onRun?: () => void): MonteCarloSummary {
  assertRuns(spec.runs);
  return summariseMonteCarlo(spec, runMonteCarloRange(spec, 0, spec.runs, onRun));
}
