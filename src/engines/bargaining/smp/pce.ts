/**
 * Probabilistic Condorcet election: from pairwise victory probabilities to one distribution over the options
 * (docs/models/SMP.md §4.6–4.7; KTAB kmodel.cpp's condPCE and markovPCE).
 */
import type { SmpParams } from './params.js';
import { coalitions, victoryProbabilities } from './voting.js';

const MARKOV_UNIFORM_TOL = 1e-6;
const MARKOV_INCENTIVE_TOL = 1e-8;
const MARKOV_MAX_ITER = 1000;

export interface PceResult {
  p: Float64Array;
  /** Set when a Markov iteration hit its limit (KTAB aborts there). */
  warning?: string;
}

/** Conditional PCE: p_a ∝ Π_b P(a>b), diagonal 0.5 included. */
export function conditionalPce(pv: Float64Array, m: number): PceResult {
  const p = new Float64Array(m);
  let total = 0;
  for (let a = 0; a < m; a++) {
    let prod = 1;
    for (let b = 0; b < m; b++) prod *= pv[a * m + b]!;
    p[a] = prod;
    total += prod;
  }
  if (total > 0 && Number.isFinite(total)) {
    for (let a = 0; a < m; a++) p[a] = p[a]! / total;
    return { p };
  }
  // Every product underflowed: redo the same normalisation in log space.
  const logs = new Float64Array(m);
  let maxLog = -Infinity;
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) s += Math.log(pv[a * m + b]!);
    logs[a] = s;
    if (s > maxLog) maxLog = s;
  }
  total = 0;
  for (let a = 0; a < m; a++) {
    p[a] = Math.exp(logs[a]! - maxLog);
    total += p[a]!;
  }
  for (let a = 0; a < m; a++) p[a] = p[a]! / total;
  return { p, warning: 'conditional PCE underflowed; normalised in log space' };
}

/** Markov PCE with uniform defection. */
export function markovUniformPce(pv: Float64Array, m: number): PceResult {
  let p = new Float64Array(m).fill(1 / m);
  const q = new Float64Array(m);
  for (let iter = 1; ; iter++) {
    let change = 0;
    for (let a = 0; a < m; a++) {
      let s = 0;
      for (let b = 0; b < m; b++) s += pv[a * m + b]! * (p[a]! + p[b]!);
      q[a] = s / m;
      change = Math.max(change, Math.abs(q[a]! - p[a]!));
    }
    const next = new Float64Array(m);
    for (let a = 0; a < m; a++) next[a] = (p[a]! + q[a]!) / 2;
    p = next;
    if (change <= MARKOV_UNIFORM_TOL) return { p };
    if (iter >= MARKOV_MAX_ITER)
      return { p, warning: `MarkovUniform PCE did not converge in ${iter} iterations` };
  }
}

/** Markov PCE where losers defect in proportion to the incentive C(a,b)·P(a>b). */
export function markovIncentivePce(c: Float64Array, pv: Float64Array, m: number): PceResult {
  const ch = new Float64Array(m * m);
  for (let b = 0; b < m; b++) {
    let col = 0;
    for (let x = 0; x < m; x++) col += incentive(c, pv, m, x, b);
    for (let a = 0; a < m; a++) ch[a * m + b] = incentive(c, pv, m, a, b) / col;
  }
  let p = new Float64Array(m).fill(1 / m);
  const q = new Float64Array(m);
  for (let iter = 1; ; iter++) {
    let change = 0;
    for (let a = 0; a < m; a++) {
      let s = 0;
      // t(a,b) = p_a·Ch(b,a); t(b,a) = p_b·Ch(a,b)
      for (let b = 0; b < m; b++) s += pv[a * m + b]! * (p[a]! * ch[b * m + a]! + p[b]! * ch[a * m + b]!);
      q[a] = s;
      change = Math.max(change, Math.abs(q[a]! - p[a]!));
    }
    const next = new Float64Array(m);
    for (let a = 0; a < m; a++) next[a] = (p[a]! + q[a]!) / 2;
    p = next;
    if (change <= MARKOV_INCENTIVE_TOL) return { p };
    if (iter >= MARKOV_MAX_ITER)
      return { p, warning: `MarkovIncentive PCE did not converge in ${iter} iterations` };
  }
}

function incentive(c: Float64Array, pv: Float64Array, m: number, a: number, b: number): number {
  return c[a * m + b]! * pv[a * m + b]! + (a === b ? 1e-10 : 0);
}

/**
 * scalarPCE: coalition strengths with the model's voting rule, then victory probabilities, then the model's
 * PCE. `utils` is voters × options, row-major.
 */
export function scalarPce(
  params: Pick<SmpParams, 'votingRule' | 'victoryProbModel' | 'pceModel'>,
  weights: Float64Array,
  utils: Float64Array,
  voters: number,
  options: number,
): PceResult {
  const c = coalitions(params.votingRule, weights, utils, voters, options);
  const pv = victoryProbabilities(params.victoryProbModel, c, options);
  switch (params.pceModel) {
    case 'Conditional':
      return conditionalPce(pv, options);
    case 'MarkovUniform':
      return markovUniformPce(pv, options);
    case 'MarkovIncentive':
      return markovIncentivePce(c, pv, options);
  }
}
