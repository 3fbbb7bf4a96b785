/**
 * Weighted median, plain median and Condorcet winner (median voter) of positions, issue by issue.
 * [Reference] Black (1948); docs/models/baselines.md §2. In one dimension with linear single-peaked utilities the
 * Condorcet winner among the actors' positions is the weighted median.
 */
import { weightsFor, type CompromiseWeighting } from './compromise.js';
import { perDimension, type BargainingInput, type ModelForecast } from './types.js';

/** Smallest position at which the cumulative weight reaches half the total (ties in position merged). */
export function weightedMedian(x: readonly number[], w: readonly number[]): number {
  const order = x.map((_, k) => k).sort((a, b) => (x[a] ?? 0) - (x[b] ?? 0));
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return Number.NaN;
  let cumulative = 0;
  for (let j = 0; j < order.length; j++) {
    const k = order[j]!;
    cumulative += w[k] ?? 0;
    const next = order[j + 1];
    // Merge ties: only decide at the last of equal positions.
    if (next !== undefined && x[next] === x[k]) continue;
    if (cumulative >= total / 2) return x[k]!;
  }
  return x[order[order.length - 1]!]!;
}

/** Median of positions: the middle one, or the mean of the two middle ones when their number is even. */
export function plainMedian(x: readonly number[]): number {
  if (x.length === 0) return Number.NaN;
  const sorted = [...x].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The Condorcet winner among the positions: the first (ascending) position y with
 * V(y, z) = Σ w_k (|x_k − z| − |x_k − y|) ≥ 0 against every other position z. NaN if none exists
 * (impossible in one dimension with positive weights).
 */
export function condorcetWinner(x: readonly number[], w: readonly number[]): number {
  const candidates = [...new Set(x)].sort((a, b) => a - b);
  for (const y of candidates) {
    let beatsAll = true;
    for (const z of candidates) {
      if (z === y) continue;
      let v = 0;
      for (let k = 0; k < x.length; k++) v += (w[k] ?? 0) * (Math.abs(x[k]! - z) - Math.abs(x[k]! - y));
      if (v < 0) {
        beatsAll = false;
        break;
      }
    }
    if (beatsAll) return y;
  }
  return Number.NaN;
}

export interface MedianOptions {
  /** Weights (default c·s); 'equal' with method 'plain' gives the median of positions. */
  weighting?: CompromiseWeighting;
  /** 'weighted' median (default), 'condorcet' winner, or 'plain' median of positions. */
  method?: 'weighted' | 'condorcet' | 'plain';
}

/** Forecasts every dimension with the weighted median (median voter). */
export function median(input: BargainingInput, options: MedianOptions = {}): ModelForecast {
  const weighting = options.weighting ?? 'capability-salience';
  const method = options.method ?? 'weighted';
  return perDimension(input, 'median', (slice) => {
    const w = weightsFor(weighting, slice.capability, slice.salience);
    const outcome =
      method === 'plain'
        ? plainMedian(slice.position)
        : method === 'condorcet'
          ? condorcetWinner(slice.position, w)
          : weightedMedian(slice.position, w);
    return Number.isNaN(outcome)
      ? { outcome, warnings: ['the weights sum to 0, so the median is undefined'] }
      : { outcome };
  });
}
