/**
 * Paired bootstrap by group: how sure is a difference in mean absolute error between two forecasts of the same
 * issues? Groups (DEU proposals) are resampled with replacement, keeping each proposal's issues together, since
 * issues of one proposal are not independent. [Reference] Efron & Tibshirani (1993), ch. 16 (paired designs).
 */
import { createRandom } from '../../kit/random.js';

export interface PairedDifference {
  /** MAE(a) − MAE(b) on all issues; negative means a is better. */
  difference: number;
  /** 2.5 % and 97.5 % quantiles of the bootstrap distribution of the difference. */
  ci95: [number, number];
}

export function pairedBootstrap(
  forecastA: readonly number[],
  forecastB: readonly number[],
  outcome: readonly number[],
  groups: readonly string[],
  options: { resamples?: number; seed?: number } = {},
): PairedDifference {
  const resamples = options.resamples ?? 2000;
  const random = createRandom(options.seed ?? 1);
  const ids = [...new Set(groups)];
  // Per group: summed difference of absolute errors and number of issues.
  const sum = new Map(ids.map((g) => [g, 0]));
  const count = new Map(ids.map((g) => [g, 0]));
  outcome.forEach((y, k) => {
    const g = groups[k]!;
    sum.set(g, sum.get(g)! + Math.abs(forecastA[k]! - y) - Math.abs(forecastB[k]! - y));
    count.set(g, count.get(g)! + 1);
  });
  const total = ids.reduce((a, g) => a + sum.get(g)!, 0);
  const draws: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    let n = 0;
    for (let j = 0; j < ids.length; j++) {
      const g = ids[random.int(ids.length)]!;
      s += sum.get(g)!;
      n += count.get(g)!;
    }
    draws.push(s / n);
  }
  draws.sort((a, b) => a - b);
  const at = (p: number) => draws[Math.min(draws.length - 1, Math.floor(p * draws.length))]!;
  return { difference: total / outcome.length, ci95: [at(0.025), at(0.975)] };
}
