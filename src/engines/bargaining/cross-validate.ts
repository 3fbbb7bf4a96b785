/**
 * Grouped cross-validation of a convex blend of forecasts: weights on a simplex grid are fitted by mean absolute
 * error on the training folds and scored on the held-out fold. Groups (DEU proposals) never straddle folds, so
 * issues of one proposal cannot inform each other's forecast.
 */

export interface BlendOptions {
  /** Number of folds (groups are dealt to folds in order of first appearance). */
  folds: number;
  /** Grid step of the weights (default 0.1). */
  step?: number;
}

export interface BlendResult {
  /** MAE of the out-of-fold forecasts. */
  cvMae: number;
  /** Weights fitted on all issues (reported for information) and their in-sample MAE. */
  fullWeights: number[];
  inSampleMae: number;
  /** Out-of-fold forecast per issue. */
  outOfFold: number[];
}

/** Every weight vector on the simplex with the given step. */
export function simplexGrid(parts: number, step: number): number[][] {
  const units = Math.round(1 / step);
  const out: number[][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === parts - 1) {
      out.push([...prefix, left].map((u) => u / units));
      return;
    }
    for (let u = 0; u <= left; u++) rec([...prefix, u], left - u);
  };
  rec([], units);
  return out;
}

/** Cross-validates a convex blend of `components[c][issue]` against `outcome[issue]`, folding by `groups`. */
export function crossValidateBlend(
  components: readonly (readonly number[])[],
  outcome: readonly number[],
  groups: readonly string[],
  options: BlendOptions,
): BlendResult {
  const grid = simplexGrid(components.length, options.step ?? 0.1);
  const groupIds = [...new Set(groups)];
  const foldOfGroup = new Map(groupIds.map((g, k) => [g, k % options.folds]));
  const fold = groups.map((g) => foldOfGroup.get(g)!);
  const n = outcome.length;
  const blend = (w: readonly number[], k: number) =>
    w.reduce((acc, wc, c) => acc + wc * components[c]![k]!, 0);
  // err[g][f]: summed absolute error of grid point g on fold f.
  const err = grid.map((w) => {
    const perFold = new Array(options.folds).fill(0);
    for (let k = 0; k < n; k++) perFold[fold[k]!] += Math.abs(blend(w, k) - outcome[k]!);
    return perFold as number[];
  });
  const total = err.map((perFold) => perFold.reduce((a, b) => a + b, 0));
  const outOfFold = new Array(n).fill(Number.NaN) as number[];
  for (let f = 0; f < options.folds; f++) {
    let best = 0;
    for (let g = 1; g < grid.length; g++)
      if (total[g]! - err[g]![f]! < total[best]! - err[best]![f]!) best = g;
    for (let k = 0; k < n; k++) if (fold[k] === f) outOfFold[k] = blend(grid[best]!, k);
  }
  let bestAll = 0;
  for (let g = 1; g < grid.length; g++) if (total[g]! < total[bestAll]!) bestAll = g;
  const cvMae = outOfFold.reduce((acc, v, k) => acc + Math.abs(v - outcome[k]!), 0) / n;
  return { cvMae, fullWeights: grid[bestAll]!, inSampleMae: total[bestAll]! / n, outOfFold };
}
