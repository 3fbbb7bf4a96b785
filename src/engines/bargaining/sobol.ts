/**
 * Variance-based global sensitivity: Sobol first-order and total indices from Saltelli sampling.
 * [Reference] Saltelli et al. (2010), "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Computer Physics Communications 181: the first-order estimator
 * of their Table 2 (b) and Jansen's total-effect estimator (f).
 *
 * f(B) is centred on the sample mean in the first-order estimator, which leaves its expectation unchanged (the
 * mean of f(A_B^(i)) − f(A) is 0) and removes the variance a large mean adds.
 *
 * The design: two independent N × k matrices A and B of uniform draws on [0, 1), and for each input i the matrix
 * A_B^(i) — A with column i taken from B. Evaluation e of the N·(k + 2) model runs is row r = e mod N of matrix
 * m = ⌊e / N⌋ (0: A, 1: B, 2 + i: A_B^(i)), so any split of the evaluations (worker threads) gives the same
 * numbers. Row r of A and B draw from forks 2r and 2r + 1 of the seed.
 */
import { createRandom } from '../../kit/random.js';

export interface SobolDesign {
  /** Number of inputs k. */
  inputs: number;
  /** Base sample size N. */
  samples: number;
  seed: number;
}

export const sobolEvaluations = (d: SobolDesign) => d.samples * (d.inputs + 2);

/** The k uniform [0, 1) coordinates of evaluation e of the design. */
export function sobolPoint(design: SobolDesign, e: number): number[] {
  const { samples: N, inputs: k } = design;
  const r = e % N;
  const m = Math.floor(e / N);
  const root = createRandom(design.seed);
  const a = rowOf(root.fork(2 * r), k);
  if (m === 0) return a;
  const b = rowOf(root.fork(2 * r + 1), k);
  if (m === 1) return b;
  a[m - 2] = b[m - 2]!;
  return a;
}

function rowOf(random: { next(): number }, k: number): number[] {
  return Array.from({ length: k }, () => random.next());
}

export interface SobolIndices {
  /** First-order index S_i: the share of output variance due to input i alone. */
  first: number[];
  /** Total index ST_i: the share due to input i including all its interactions. */
  total: number[];
  /** Variance of the output over A and B together. */
  variance: number;
}

/**
 * Indices from the N·(k + 2) outputs in design order (A, then B, then each A_B^(i)). Non-finite outputs (failed
 * runs) drop their row from every estimate.
 */
export function sobolIndices(design: SobolDesign, outputs: ArrayLike<number>): SobolIndices {
  const { samples: N, inputs: k } = design;
  const at = (m: number, r: number) => outputs[m * N + r]!;
  const rows: number[] = [];
  for (let r = 0; r < N; r++) {
    let ok = true;
    for (let m = 0; m < k + 2 && ok; m++) ok = Number.isFinite(at(m, r));
    if (ok) rows.push(r);
  }
  const n = rows.length;
  let mean = 0;
  for (const r of rows) mean += at(0, r) + at(1, r);
  mean /= 2 * n;
  let variance = 0;
  for (const r of rows) variance += (at(0, r) - mean) ** 2 + (at(1, r) - mean) ** 2;
  variance /= 2 * n - 1;
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let s = 0;
    let t = 0;
    for (const r of rows) {
      const fA = at(0, r);
      const fB = at(1, r);
      const fABi = at(2 + i, r);
      // Centred on the mean (as SALib does): the same expectation, far less variance when the mean is large.
      s += (fB - mean) * (fABi - fA);
      t += (fA - fABi) ** 2;
    }
    first.push(variance > 0 ? s / n / variance : 0);
    total.push(variance > 0 ? t / (2 * n) / variance : 0);
  }
  return { first, total, variance };
}
