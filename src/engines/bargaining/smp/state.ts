/**
 * SMP model data and per-state setup (docs/models/SMP.md §5): distances, risk attitudes from a position contest, each
 * estimator's view of everyone's risk attitude, and each actor's own utility of every position.
 */
import type { SmpParams } from './params.js';
import { scalarPce } from './pce.js';
import { distance, euclidean, utility } from './utility.js';

/** The fixed data of one run, on KTAB's internal [0,1] scale, flat row-major arrays. */
export interface SmpModel {
  n: number;
  dims: number;
  params: SmpParams;
  capability: Float64Array;
  /** Salience s[i*dims+k] in [0,1]. */
  salience: Float64Array;
  /** Σ_k s_ik², the denominator of the weighted distance. */
  salSqSum: Float64Array;
  /** Total salience S_i = Σ_k s_ik. */
  totalSalience: Float64Array;
  /** Challenge weight c_i·S_i (docs/models/SMP.md §6). */
  challengeWeight: Float64Array;
  /** Ideal-accommodation matrix A[i*n+j], or undefined for the identity. */
  accommodation: Float64Array | undefined;
}

/** Positions and ideals of one state, with everything §5 derives from them. */
export interface SmpState {
  pos: Float64Array;
  ideal: Float64Array;
  /** d[i*n+j] = d_i(θ_j), measured from i's ideal. */
  dist: Float64Array;
  /** Risk attitude R_i. */
  riskR: Float64Array;
  /** r[h*n+i] = h's estimate of i's risk attitude. */
  riskEst: Float64Array;
  /** ownUtil[i*n+j] = aUtil[i](i,j) = u(d_ij, R_i). */
  ownUtil: Float64Array;
  /** True when the position contest could not rank the actors (all win probabilities equal). */
  degenerate: boolean;
  warnings: string[];
}

/** Per-state setup of docs/models/SMP.md §5 (steps 2–7; the unique-position step lives with the prob output). */
export function setupState(model: SmpModel, pos: Float64Array, ideal: Float64Array): SmpState {
  const { n, dims, params } = model;
  const warnings: string[] = [];
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      dist[i * n + j] = distance(ideal, model.salience, model.salSqSum, dims, i, pos, j * dims);
    }
  }
  // Risk-neutral contest over all N positions (duplicates included).
  const u0 = new Float64Array(n * n);
  for (let x = 0; x < n * n; x++) u0[x] = utility(dist[x]!, 0);
  const contest = scalarPce(params, model.capability, u0, n, n);
  if (contest.warning) warnings.push(contest.warning);
  const p = contest.p;
  let pMin = Infinity;
  let pMax = -Infinity;
  for (let i = 0; i < n; i++) {
    pMin = Math.min(pMin, p[i]!);
    pMax = Math.max(pMax, p[i]!);
  }
  const riskR = new Float64Array(n);
  const degenerate = !(pMax - pMin > 0);
  if (!degenerate) {
    const range = pMax - pMin;
    for (let i = 0; i < n; i++) {
      const pi = p[i]!;
      switch (params.bigRRange) {
        case 'Min':
          riskR[i] = (pi - pMin) / range;
          break;
        case 'Mid':
          riskR[i] = (3 * pi - pMax - 2 * pMin) / (2 * range);
          break;
        case 'Max':
          riskR[i] = (2 * pi - pMax - pMin) / range;
          break;
      }
    }
  }
  const riskEst = new Float64Array(n * n);
  for (let h = 0; h < n; h++) {
    const rh = riskR[h]!;
    for (let i = 0; i < n; i++) {
      const ri = riskR[i]!;
      let r: number;
      switch (params.bigRAdjust) {
        case 'None':
          r = rh;
          break;
        case 'OneThird':
          r = (2 * rh + ri) / 3;
          break;
        case 'Half':
          r = (rh + ri) / 2;
          break;
        case 'TwoThirds':
          r = (rh + 2 * ri) / 3;
          break;
        case 'Full':
          r = ri;
          break;
      }
      riskEst[h * n + i] = r;
    }
  }
  const ownUtil = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = riskR[i]!;
    for (let j = 0; j < n; j++) ownUtil[i * n + j] = utility(dist[i * n + j]!, ri);
  }
  return { pos, ideal, dist, riskR, riskEst, ownUtil, degenerate, warnings };
}

/**
 * Unique positions (docs/models/SMP.md §5 step 1): representatives in actor order, an actor joining the first earlier
 * representative within `tol` (Euclidean, [0,1] scale).
 */
export function uniquePositions(pos: Float64Array, n: number, dims: number, tol = 1e-3): number[] {
  const uniq: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!uniq.some((u) => euclidean(pos, i, pos, u, dims) < tol)) uniq.push(i);
  }
  return uniq;
}

/**
 * KTAB's reported "prob" of each actor's position (docs/models/SMP.md §9.2): PCE over the unique positions with
 * capability weights, each actor reading the last unique option within 1e-3 of its position.
 */
export function positionProbabilities(
  model: SmpModel,
  state: SmpState,
): { prob: number[]; warning?: string } {
  const { n, dims } = model;
  const uniq = uniquePositions(state.pos, n, dims);
  const m = uniq.length;
  const utils = new Float64Array(n * m);
  for (let a = 0; a < n; a++) {
    for (let u = 0; u < m; u++) utils[a * m + u] = state.ownUtil[a * n + uniq[u]!]!;
  }
  const { p, warning } = scalarPce(model.params, model.capability, utils, n, m);
  const prob: number[] = [];
  for (let i = 0; i < n; i++) {
    let value = NaN;
    for (let u = 0; u < m; u++) {
      if (euclidean(state.pos, i, state.pos, uniq[u]!, dims) < 1e-3) value = p[u]!;
    }
    prob.push(value);
  }
  return warning === undefined ? { prob } : { prob, warning };
}
