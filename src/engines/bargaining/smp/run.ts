/**
 * KTAB's Spatial Model of Politics: input checks, the run loop and stop rule (SMP.md §8), from a
 * BargainingInput to the whole trajectory on the 0–100 scale.
 */
import { createRandom } from '../../../kit/random.js';
import type { BargainingInput } from '../types.js';
import { SmpParamsSchema, type SmpParams } from './params.js';
import { positionProbabilities, setupState, type SmpModel, type SmpState } from './state.js';
import { step } from './turn.js';
import { euclidean } from './utility.js';

export interface SmpOptions {
  /** Seed for Stochastic state transitions (no draws are made when Deterministic). Default 0. */
  seed?: number;
  /** Overrides params.maxTurns (number of steps after the initial state). */
  maxTurns?: number;
}

/** Why the run ended. */
export type SmpStopReason = 'converged' | 'maxTurns' | 'degenerate';

export interface SmpResult {
  model: 'smp';
  /** The parameters actually used (defaults filled in). */
  params: SmpParams;
  /** Positions per state on 0–100: turns[t][actor][dim]; turns[0] is the input. */
  turns: number[][][];
  /** Ideal points per state on 0–100 (equal to `turns` unless an accommodation matrix is given). */
  ideals: number[][][];
  /**
   * KTAB's reported "prob" per state: prob[t][actor] is the probabilistic-Condorcet-election probability of
   * the unique position the actor holds (SMP.md §9.2). Actors sharing a position share the value.
   */
  prob: number[][];
  /** KTAB's "fractional change compared to first step" of each step: fractionalChange[t-1] for state t. */
  fractionalChange: number[];
  /**
   * Forecast per dimension on 0–100: the capability × salience weighted mean of the final positions
   * (KTAB itself reports positions and probabilities, not a single outcome).
   */
  outcome: number[];
  /** The same weighted mean for every state: outcomes[t][dim]. */
  outcomes: number[][];
  /** Same as `turns`, under the name the other bargaining models use. */
  rounds: number[][][];
  stopReason: SmpStopReason;
  warnings: string[];
}

/** Thrown by runSmp when the input cannot be run; `problems` names each actor/dimension/field at fault. */
export class SmpInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`engines/bargaining/smp: invalid input:\n  ${problems.join('\n  ')}`);
    this.name = 'SmpInputError';
  }
}

/** Salience sums up to 1 + this are accepted (KTAB crashes on 1.0000000000000002, SMP.md §12.11). */
const SALIENCE_SUM_TOLERANCE = 1e-9;
const ACCOMMODATION_ROW_TOLERANCE = 1e-10;

/** Every reason `input` (and an optional accommodation matrix) cannot be run by SMP; empty when fine. */
export function checkSmpInput(
  input: BargainingInput,
  accommodation?: readonly (readonly number[])[],
): string[] {
  const problems: string[] = [];
  const n = input.actors.length;
  const dims = input.dimensions.length;
  if (n < 3) problems.push(`SMP needs at least 3 actors; got ${n}`);
  if (dims < 1) problems.push('SMP needs at least 1 dimension (issue)');
  const name = (i: number) => input.actors[i]?.name ?? input.actors[i]?.id ?? `#${i}`;
  const dim = (k: number) => input.dimensions[k]?.name ?? input.dimensions[k]?.id ?? `#${k}`;
  for (let i = 0; i < n; i++) {
    const c = input.capability[i];
    if (c === undefined || !Number.isFinite(c) || c <= 0) {
      problems.push(`actor ${name(i)}: capability must be a finite number > 0; got ${c}`);
    }
    const pos = input.position[i];
    const sal = input.salience[i];
    if (!pos || pos.length !== dims || !sal || sal.length !== dims) {
      problems.push(`actor ${name(i)}: needs exactly ${dims} positions and ${dims} saliences`);
      continue;
    }
    let total = 0;
    for (let k = 0; k < dims; k++) {
      const p = pos[k]!;
      const s = sal[k]!;
      if (!Number.isFinite(p) || p < 0 || p > 100) {
        problems.push(`actor ${name(i)}, issue ${dim(k)}: position must be within 0–100; got ${p}`);
      }
      if (!Number.isFinite(s) || s < 0 || s > 1) {
        problems.push(`actor ${name(i)}, issue ${dim(k)}: salience must be within 0–1; got ${s}`);
      }
      total += s;
    }
    if (!(total > 0))
      problems.push(`actor ${name(i)}: total salience is 0; give it some salience on an issue`);
    if (total > 1 + SALIENCE_SUM_TOLERANCE) {
      problems.push(`actor ${name(i)}: saliences sum to ${total}, more than 1 (100 on the file scale)`);
    }
  }
  if (accommodation) {
    if (accommodation.length !== n || accommodation.some((row) => row.length !== n)) {
      problems.push(`accommodation matrix must be ${n}×${n}`);
    } else {
      accommodation.forEach((row, i) => {
        if (row.some((a) => !Number.isFinite(a) || a < 0 || a > 1)) {
          problems.push(`accommodation row of actor ${name(i)}: entries must be within 0–1`);
        }
        const sum = row.reduce((s, a) => s + a, 0);
        if (sum > 1 + ACCOMMODATION_ROW_TOLERANCE) {
          problems.push(`accommodation row of actor ${name(i)}: sums to ${sum}, more than 1`);
        }
      });
    }
  }
  return problems;
}

function buildModel(input: BargainingInput, params: SmpParams): SmpModel {
  const n = input.actors.length;
  const dims = input.dimensions.length;
  const salience = new Float64Array(n * dims);
  const salSqSum = new Float64Array(n);
  const totalSalience = new Float64Array(n);
  const capability = Float64Array.from(input.capability);
  const challengeWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sq = 0;
    let total = 0;
    for (let k = 0; k < dims; k++) {
      const s = input.salience[i]![k]!;
      salience[i * dims + k] = s;
      sq += s * s;
      total += s;
    }
    salSqSum[i] = sq;
    totalSalience[i] = Math.min(1, total);
    challengeWeight[i] = capability[i]! * totalSalience[i]!;
  }
  const accommodation = params.accommodation ? Float64Array.from(params.accommodation.flat()) : undefined;
  return { n, dims, params, capability, salience, salSqSum, totalSalience, challengeWeight, accommodation };
}

/** Total Euclidean movement of all actors between two states (SMP.md §8). */
function movement(a: SmpState, b: SmpState, n: number, dims: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += euclidean(a.pos, i, b.pos, i, dims);
  return sum;
}

/** Back to the 0–100 scale, dropping float noise below 1e-10. */
function toScale(flat: Float64Array, n: number, dims: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let k = 0; k < dims; k++) row.push(Math.round(flat[i * dims + k]! * 1e12) / 1e10);
    rows.push(row);
  }
  return rows;
}

function weightedMean(input: BargainingInput, positions: readonly (readonly number[])[]): number[] {
  return input.dimensions.map((_, d) => {
    let num = 0;
    let den = 0;
    positions.forEach((row, i) => {
      const w = input.capability[i]! * input.salience[i]![d]!;
      num += w * row[d]!;
      den += w;
    });
    return den > 0 ? num / den : NaN;
  });
}

/**
 * Runs SMP on `input` (positions 0–100, salience 0–1, capability > 0) and returns every state. Throws
 * SmpInputError when the input cannot be run (see checkSmpInput).
 */
export function runSmp(
  input: BargainingInput,
  params?: Partial<SmpParams>,
  options: SmpOptions = {},
): SmpResult {
  const full = SmpParamsSchema.parse(params ?? {});
  if (options.maxTurns !== undefined) full.maxTurns = options.maxTurns;
  const problems = checkSmpInput(input, full.accommodation);
  if (problems.length > 0) throw new SmpInputError(problems);
  const model = buildModel(input, full);
  const { n, dims } = model;
  const random = full.stateTransitions === 'Stochastic' ? createRandom(options.seed ?? 0) : undefined;
  const warnings: string[] = [];
  const pos0 = new Float64Array(n * dims);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < dims; k++) pos0[i * dims + k] = input.position[i]![k]! / 100;
  const states: SmpState[] = [setupState(model, pos0, Float64Array.from(pos0))];
  const fractionalChange: number[] = [];
  let stopReason: SmpStopReason = 'maxTurns';
  let firstMove = 0;
  if (states[0]!.degenerate) {
    stopReason = 'degenerate';
  } else {
    for (let t = 1; t <= full.maxTurns; t++) {
      const prev = states[t - 1]!;
      const { state, warnings: turnWarnings } = step(model, prev, random);
      warnings.push(...turnWarnings.map((w) => `turn ${t}: ${w}`));
      states.push(state);
      const moved = movement(prev, state, n, dims);
      if (t === 1) firstMove = moved;
      const ratio = moved / (firstMove + 1e-4);
      fractionalChange.push(ratio);
      if (state.degenerate) {
        stopReason = 'degenerate';
        break;
      }
      if (t >= full.minTurns && ratio < full.stopRatio) {
        stopReason = 'converged';
        break;
      }
    }
  }
  if (stopReason === 'degenerate') {
    warnings.push(
      `state ${states.length - 1}: every position is equally likely to win (e.g. all actors agree), so risk ` +
        'attitudes are undefined; stopped there (KTAB aborts)',
    );
  } else if (stopReason === 'maxTurns') {
    warnings.push(`stopped after ${full.maxTurns} turns without meeting the stop rule`);
  }
  const prob = states.map((s) => {
    const r = positionProbabilities(model, s);
    if (r.warning) warnings.push(r.warning);
    return r.prob;
  });
  const turns = states.map((s) => toScale(s.pos, n, dims));
  const ideals = states.map((s) => toScale(s.ideal, n, dims));
  const outcomes = turns.map((positions) => weightedMean(input, positions));
  return {
    model: 'smp',
    params: full,
    turns,
    ideals,
    prob,
    fractionalChange,
    outcome: outcomes[outcomes.length - 1]!,
    outcomes,
    rounds: turns,
    stopReason,
    warnings,
  };
}
