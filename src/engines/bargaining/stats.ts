/**
 * Sampling error of Monte Carlo summaries: the standard error of a proportion and the bootstrap interval of a
 * quantile. The bootstrap is computed exactly rather than by resampling: in a resample of n values the r-th
 * smallest is at most the j-th smallest original value exactly when at least r of the n draws fall among the
 * first j, an event of probability P(Binomial(n, j/n) ≥ r) (Efron 1982, §5; Hutson & Ernst 2000). So the
 * percentile interval needs no random numbers and no repeated sorting.
 */

/** Standard error of a proportion p estimated from n independent runs. */
export function proportionSE(p: number, n: number): number {
  return n > 0 ? Math.sqrt((p * (1 - p)) / n) : Number.NaN;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let k = 1; k < 9; k++) a += c[k]! / (z + k);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-13) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(Binomial(n, q) ≥ r) = I_q(r, n − r + 1). */
export function binomialUpperTail(n: number, q: number, r: number): number {
  if (r <= 0) return 1;
  if (r > n) return 0;
  return incompleteBeta(q, r, n - r + 1);
}

/**
 * The exact bootstrap percentile interval of the p-quantile of `sorted` (ascending, n values): the order
 * statistic of rank r = ⌈n·p⌉ (at least 1) in a resample is at most sorted[j − 1] with probability
 * P(Bin(n, j/n) ≥ r); the interval runs from the first j where that reaches α/2 to the first where it reaches
 * 1 − α/2.
 */
export function quantileBootstrapInterval(
  sorted: ArrayLike<number>,
  p: number,
  level = 0.95,
): [number, number] {
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const r = Math.max(1, Math.ceil(n * p));
  const alpha = 1 - level;
  const cdf = (j: number) => binomialUpperTail(n, j / n, r);
  const firstReaching = (target: number) => {
    let lo = 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return [sorted[firstReaching(alpha / 2) - 1]!, sorted[firstReaching(1 - alpha / 2) - 1]!];
}
