/**
 * KTAB's Spatial Model of Politics: the run loop and stop rule (SMP.md §8), from a BargainingInput to the
 * whole trajectory.
 */
import type { BargainingInput } from '../types.js';
import { DEFAULT_SMP_PARAMS, SmpParamsSchema, type SmpParams } from './params.js';

export interface SmpOptions {
  /** Seed for Stochastic state transitions (ignored when Deterministic). Default 0. */
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
  /** KTAB's "fractional change compared to first step" after each step: fractionalChange[t-1] for state t. */
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

/** Runs SMP on `input` (positions 0–100, salience 0–1, capability > 0). */
export function runSmp(
  input: BargainingInput,
  params?: Partial<SmpParams>,
  options: SmpOptions = {},
): SmpResult {
  const full = SmpParamsSchema.parse({ ...DEFAULT_SMP_PARAMS, ...params });
  if (options.maxTurns !== undefined) full.maxTurns = options.maxTurns;
  // Placeholder until the engine lands: the initial state only.
  const initial = input.position.map((row) => [...row]);
  const outcome = weightedMean(input, initial);
  return {
    model: 'smp',
    params: full,
    turns: [initial],
    ideals: [initial.map((r) => [...r])],
    prob: [input.actors.map(() => 1 / input.actors.length)],
    fractionalChange: [],
    outcome,
    outcomes: [outcome],
    rounds: [initial],
    stopReason: 'converged',
    warnings: ['smp: engine not implemented yet (stub)'],
  };
}

function weightedMean(input: BargainingInput, positions: readonly (readonly number[])[]): number[] {
  return input.dimensions.map((_, d) => {
    let num = 0;
    let den = 0;
    positions.forEach((row, i) => {
      const w = (input.capability[i] ?? 0) * (input.salience[i]?.[d] ?? 0);
      num += w * (row[d] ?? 0);
      den += w;
    });
    return den > 0 ? num / den : NaN;
  });
}
