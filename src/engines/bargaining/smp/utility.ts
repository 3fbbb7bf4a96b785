/**
 * SMP building blocks on the internal [0,1] scale: salience-weighted distance and risk-adjusted utility
 * (docs/models/SMP.md §4.1–4.2).
 */

/** Utility of distance d under risk attitude R: (1−d)(1+dR); d > 1 only arises from round-off. */
export function utility(d: number, riskR: number): number {
  return d <= 1 ? (1 - d) * (1 + d * riskR) : (1 - d) * (1 + riskR);
}

/**
 * Salience-weighted distance from actor i's ideal to point p (docs/models/SMP.md §4.1):
 * sqrt(Σ_k s_ik²(q_ik − p_k)² / Σ_k s_ik²). `ideal` and `sal` are flat N×K arrays; `point` is read at
 * `point[pOffset + k]`.
 */
export function distance(
  ideal: Float64Array,
  sal: Float64Array,
  salSqSum: Float64Array,
  dims: number,
  i: number,
  point: Float64Array,
  pOffset: number,
): number {
  let num = 0;
  const base = i * dims;
  for (let k = 0; k < dims; k++) {
    const s = sal[base + k]!;
    const diff = ideal[base + k]! - point[pOffset + k]!;
    num += s * s * diff * diff;
  }
  return Math.sqrt(num / salSqSum[i]!);
}

/** Euclidean distance between rows a and b of two flat N×K position arrays. */
export function euclidean(x: Float64Array, a: number, y: Float64Array, b: number, dims: number): number {
  let sum = 0;
  for (let k = 0; k < dims; k++) {
    const diff = x[a * dims + k]! - y[b * dims + k]!;
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}
