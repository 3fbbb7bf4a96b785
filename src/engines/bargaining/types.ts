/**
 * The common input of every bargaining model (compromise, median, Nash, BDM, SMP, exchange).
 *
 * Conventions: `actors[i]` is actor i; `dimensions[d]` is issue d; `position[i][d]` is actor i's position on
 * dimension d on the 0–100 scale; `salience[i][d]` is in [0, 1] (a file's 0–100 is divided by 100);
 * `capability[i]` ≥ 0. Models that need a 1-dimensional input take one dimension at a time.
 */
export interface BargainingInput {
  actors: readonly { id: string; name?: string }[];
  dimensions: readonly { id: string; name?: string }[];
  capability: readonly number[];
  position: readonly (readonly number[])[];
  salience: readonly (readonly number[])[];
  /**
   * Optional: whether actor i takes part in dimension d (`active[i][d]`); absent means everyone takes part.
   * An actor without a stance on an issue is inactive there and is ignored by the 1-dimensional models.
   */
  active?: readonly (readonly boolean[])[];
  /** Optional status quo (disagreement point) per dimension, 0–100; `null` where unknown. */
  statusQuo?: readonly (number | null)[];
  /** Optional veto flags per actor (used by the Nash model's bargainer set). */
  veto?: readonly boolean[];
}

import type { Convergence } from './convergence.js';

/** One model's forecast: the predicted outcome per dimension, plus optional round-by-round history. */
export interface ModelForecast {
  model: string;
  /** Per dimension: the last round's value, or the cycle's mean where the model cycles (see convergence). */
  outcome: number[];
  /** Iterative models: whether each dimension converged, the round, and any cycle. */
  convergence?: Convergence;
  /** Round-by-round actor positions: rounds[t][i][d]. */
  rounds?: number[][][];
  /** Round-by-round predicted outcome: outcomes[t][d]. */
  outcomes?: number[][];
  /** SMP only: KTAB's per-turn outputs, on the input's actor indices (null for actors SMP left out). */
  ktab?: KtabTurnOutputs;
  warnings: string[];
}

/** KTAB's own log fields of an SMP run. */
export interface KtabTurnOutputs {
  /** prob[t][i]: probability that actor i's position wins in state t (KTAB's `prob`). */
  prob: (number | null)[][];
  /** fractionalChange[t − 1]: movement of step t relative to the first step (KTAB's stop-rule ratio). */
  fractionalChange: number[];
  stopReason: 'converged' | 'maxTurns' | 'degenerate';
}

/** The actors taking part in one dimension, with their numbers side by side (index k, not actor index). */
export interface DimensionSlice {
  /** Indices into `input.actors` of the active actors. */
  actorIndex: number[];
  capability: number[];
  position: number[];
  salience: number[];
}

/** The active actors of dimension `d`. */
export function sliceDimension(input: BargainingInput, d: number): DimensionSlice {
  const slice: DimensionSlice = { actorIndex: [], capability: [], position: [], salience: [] };
  input.actors.forEach((_, i) => {
    if (input.active && input.active[i]?.[d] === false) return;
    slice.actorIndex.push(i);
    slice.capability.push(input.capability[i] ?? 0);
    slice.position.push(input.position[i]?.[d] ?? Number.NaN);
    slice.salience.push(input.salience[i]?.[d] ?? 0);
  });
  return slice;
}

/** Applies a 1-dimensional model to every dimension and collects outcomes and warnings. */
export function perDimension(
  input: BargainingInput,
  model: string,
  solve: (slice: DimensionSlice, d: number) => { outcome: number; warnings?: string[] },
): ModelForecast {
  const warnings: string[] = [];
  const outcome = input.dimensions.map((dim, d) => {
    const r = solve(sliceDimension(input, d), d);
    for (const w of r.warnings ?? []) warnings.push(`${dim.id}: ${w}`);
    return r.outcome;
  });
  return { model, outcome, warnings };
}
