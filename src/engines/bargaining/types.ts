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
