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

/** One model's forecast: the predicted outcome per dimension, plus optional round-by-round history. */
export interface ModelForecast {
  model: string;
  outcome: number[];
  /** Round-by-round actor positions: rounds[t][i][d]. */
  rounds?: number[][][];
  /** Round-by-round predicted outcome: outcomes[t][d]. */
  outcomes?: number[][];
  warnings: string[];
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
