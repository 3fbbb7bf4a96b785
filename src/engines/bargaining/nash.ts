/**
 * Asymmetric Nash bargaining solution on each issue: x* = argmax Σ w_i ln(u_i(x) − u_i(D)) over the points
 * every bargainer prefers to the disagreement point D.
 * [Reference] Nash (1950); Roth (1979) for the asymmetric form; docs/models/baselines.md §3 (including the one-dimensional
 * degeneracy when D lies between the bargainers' ideal points).
 */
import { weightedMean } from './compromise.js';
import { perDimension, type BargainingInput, type ModelForecast } from './types.js';

export interface NashOptions {
  /** Utility shape: quadratic u = −(x − x_i)² (default) or linear u = −|x − x_i|. */
  utility?: 'quadratic' | 'linear';
  /** Bargaining weights: capability × salience (default) or capability. */
  weights?: 'capability-salience' | 'capability';
  /**
   * The disagreement point per issue. Default: the input's status quo where known, else the end of the
   * 0–100 scale farther from the c·s-weighted mean (an extreme D, as in docs/models/baselines.md §3 (b)).
   */
  disagreement?: readonly (number | null)[];
  /**
   * When D lies strictly between the ideal points no point helps everyone: 'status-quo' returns D (the strict
   * solution); 'majority-side' (default) bargains among the actors on the side of D with more weight, the
   * coalition that can move the outcome.
   */
  insideHull?: 'status-quo' | 'majority-side';
  /**
   * Who bargains: 'veto-players' (default) takes the actors with a veto when there are any on the issue (their
   * consent is what a settlement needs; the others carry no disagreement constraint), else everyone; 'all'
   * always takes everyone.
   */
  bargainers?: 'veto-players' | 'all';
}

/**
 * Maximiser of a concave function on (lo, hi) given its (sub)derivative: bisection on the derivative's sign,
 * which is exact to the last bits where golden-section search on a flat maximum is not.
 */
function bisectMax(derivative: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let it = 0; it < 200 && b - a > 1e-13 * Math.max(1, Math.abs(a)); it++) {
    const m = (a + b) / 2;
    if (derivative(m) > 0) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/**
 * The asymmetric NBS of one issue. Positions x, weights w > 0, disagreement point D. Each bargainer's
 * feasible set {x : |x − x_i| < |D − x_i|} is an interval around x_i, the same for both utility shapes.
 */
export function nashSolution(
  x: readonly number[],
  w: readonly number[],
  D: number,
  utility: 'quadratic' | 'linear',
  insideHull: 'status-quo' | 'majority-side' = 'majority-side',
  eligible?: readonly boolean[],
): { outcome: number; warnings: string[] } {
  const warnings: string[] = [];
  let bargainers = x.map((_, k) => k).filter((k) => (w[k] ?? 0) > 0 && x[k] !== D && (eligible?.[k] ?? true));
  if (bargainers.length === 0)
    return { outcome: D, warnings: ['no bargainer gains from leaving the disagreement point'] };
  const left = bargainers.filter((k) => x[k]! < D);
  const right = bargainers.filter((k) => x[k]! > D);
  if (left.length > 0 && right.length > 0) {
    if (insideHull === 'status-quo') {
      return {
        outcome: D,
        warnings: [
          'the disagreement point lies between the ideal points, so the strict solution is the status quo',
        ],
      };
    }
    const weight = (ks: number[]) => ks.reduce((a, k) => a + w[k]!, 0);
    bargainers = weight(left) >= weight(right) ? left : right;
    warnings.push(
      'the disagreement point lies between the ideal points; bargaining among the heavier side only',
    );
  }
  let lo = -Infinity;
  let hi = Infinity;
  for (const k of bargainers) {
    const r = Math.abs(D - x[k]!);
    lo = Math.max(lo, x[k]! - r);
    hi = Math.min(hi, x[k]! + r);
  }
  const gain = (k: number, y: number) =>
    utility === 'quadratic' ? (D - x[k]!) ** 2 - (y - x[k]!) ** 2 : Math.abs(D - x[k]!) - Math.abs(y - x[k]!);
  const slope = (k: number, y: number) =>
    utility === 'quadratic' ? -2 * (y - x[k]!) : -Math.sign(y - x[k]!);
  // d/dy Σ w ln(gain) = Σ w gain'/gain: decreasing on the feasible interval, so its sign change is the maximum.
  const derivative = (y: number) =>
    bargainers.reduce((acc, k) => acc + (w[k]! * slope(k, y)) / gain(k, y), 0);
  // On the 0–100 scale; the + 0 turns a −0 from the clip into 0.
  return { outcome: Math.min(100, Math.max(0, bisectMax(derivative, lo, hi))) + 0, warnings };
}

/** Forecasts every dimension with the asymmetric Nash bargaining solution. */
export function nash(input: BargainingInput, options: NashOptions = {}): ModelForecast {
  const utility = options.utility ?? 'quadratic';
  return perDimension(input, 'nash', (slice, d) => {
    const w = slice.capability.map((c, k) => (options.weights === 'capability' ? c : c * slice.salience[k]!));
    const warnings: string[] = [];
    let D = options.disagreement?.[d] ?? input.statusQuo?.[d] ?? null;
    if (D === null) {
      const mean = weightedMean(slice.position, w);
      D = mean >= 50 ? 0 : 100;
      warnings.push(`no status quo, so the disagreement point is the far end of the scale (${D})`);
    }
    const veto = slice.actorIndex.map((i) => input.veto?.[i] === true);
    const useVeto = options.bargainers !== 'all' && veto.some((v) => v);
    const r = nashSolution(slice.position, w, D, utility, options.insideHull, useVeto ? veto : undefined);
    return { outcome: r.outcome, warnings: [...warnings, ...r.warnings] };
  });
}
