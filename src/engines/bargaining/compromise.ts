/**
 * Compromise model: the capability × salience weighted mean of positions, issue by issue.
 * [Reference] van den Bos (1991); Achen (2006) in Thomson et al., The European Union Decides; docs/models/baselines.md §1.
 */
import { perDimension, type BargainingInput, type ModelForecast } from './types.js';

export type CompromiseWeighting = 'capability-salience' | 'salience' | 'capability' | 'equal';

export interface CompromiseOptions {
  /** Which weights: c·s (default), s only (equal capability), c only, or the unweighted mean. */
  weighting?: CompromiseWeighting;
}

/** Σ w x / Σ w; NaN when the weights sum to 0 (the model is undefined there). */
export function weightedMean(x: readonly number[], w: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < x.length; k++) {
    num += (w[k] ?? 0) * (x[k] ?? 0);
    den += w[k] ?? 0;
  }
  return den > 0 ? num / den : Number.NaN;
}

/** The weight of each actor under a weighting scheme. */
export function weightsFor(
  weighting: CompromiseWeighting,
  c: readonly number[],
  s: readonly number[],
): number[] {
  return c.map((ck, k) => {
    const sk = s[k] ?? 0;
    switch (weighting) {
      case 'capability-salience':
        return ck * sk;
      case 'salience':
        return sk;
      case 'capability':
        return ck;
      case 'equal':
        return 1;
    }
  });
}

/** Forecasts every dimension with the compromise model. */
export function compromise(input: BargainingInput, options: CompromiseOptions = {}): ModelForecast {
  const weighting = options.weighting ?? 'capability-salience';
  return perDimension(input, 'compromise', (slice) => {
    const outcome = weightedMean(slice.position, weightsFor(weighting, slice.capability, slice.salience));
    return Number.isNaN(outcome)
      ? { outcome, warnings: ['the weights sum to 0, so the compromise model is undefined'] }
      : { outcome };
  });
}
