/**
 * Votes, coalition strengths and victory probabilities among options (docs/models/SMP.md §4.3–4.5; KTAB
 * kmodel.cpp's vote, coalitions and vProb).
 */
import type { SmpVictoryProbModel, SmpVotingRule } from './params.js';

const BINARY_SLOPE = 1e-8;
const PROP_BIN_WEIGHT = 0.2;
const PROP_CBC_WEIGHT = 0.5;
const COALITION_FLOOR = 1e-8;
const BINARY_VP_THRESHOLD = 1.1;

function clipUnit(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

/** A vote: signed support of an actor of weight w for option a (utility ua) over option b (utility ub). */
export type VoteFn = (w: number, ua: number, ub: number) => number;

const VOTE_FNS: Record<SmpVotingRule, VoteFn> = {
  Prop: (w, ua, ub) => w * (ua - ub),
  Binary: (w, ua, ub) => w * clipUnit((ua - ub) / BINARY_SLOPE),
  PropBin: (w, ua, ub) => {
    const delta = ua - ub;
    return w * ((1 - PROP_BIN_WEIGHT) * delta + PROP_BIN_WEIGHT * clipUnit(delta / BINARY_SLOPE));
  },
  PropCbc: (w, ua, ub) => {
    const delta = ua - ub;
    return w * ((1 - PROP_CBC_WEIGHT) * delta + PROP_CBC_WEIGHT * delta * delta * delta);
  },
  Cubic: (w, ua, ub) => {
    const delta = ua - ub;
    return w * delta * delta * delta;
  },
  // Prospect theory: a loss weighs more than an equal gain.
  ASymProsp: (w, ua, ub) => {
    const delta = ua - ub;
    return delta < 0 ? w * delta : delta > 0 ? (2 / 3) * w * delta : 0;
  },
};

/** The vote function of a voting rule (docs/models/SMP.md §4.3); picked once per run so hot loops stay monomorphic. */
export function voteFunction(rule: SmpVotingRule): VoteFn {
  return VOTE_FNS[rule];
}

/** Signed vote of an actor of weight w for option a (utility ua) over option b (utility ub). */
export function vote(rule: SmpVotingRule, w: number, ua: number, ub: number): number {
  return VOTE_FNS[rule](w, ua, ub);
}

/**
 * Coalition strengths C (M×M, row-major) among M options: C[a][b] sums the positive votes for a over b.
 * `utils` is voters × options, row-major. Pairs are evaluated higher index first (matters for ASymProsp).
 */
export function coalitions(
  rule: SmpVotingRule,
  weights: Float64Array,
  utils: Float64Array,
  voters: number,
  options: number,
): Float64Array {
  const c = new Float64Array(options * options);
  const vote = VOTE_FNS[rule];
  // The default rule inlined (same arithmetic as its vote function).
  const prop = rule === 'Prop';
  // Option-major copy so the inner loop over voters reads memory in order.
  const byOption = new Float64Array(voters * options);
  for (let k = 0; k < voters; k++) {
    for (let m = 0; m < options; m++) byOption[m * voters + k] = utils[k * options + m]!;
  }
  for (let a = 0; a < options; a++) {
    c[a * options + a] = COALITION_FLOOR;
    const rowA = a * voters;
    for (let b = 0; b < a; b++) {
      const rowB = b * voters;
      let forA = 0;
      let forB = 0;
      for (let k = 0; k < voters; k++) {
        const v = prop
          ? weights[k]! * (byOption[rowA + k]! - byOption[rowB + k]!)
          : vote(weights[k]!, byOption[rowA + k]!, byOption[rowB + k]!);
        if (v > 0) forA += v;
        else forB -= v;
      }
      c[a * options + b] = COALITION_FLOOR + forA;
      c[b * options + a] = COALITION_FLOOR + forB;
    }
  }
  return c;
}

/** Probability that strength s1 beats s2 under a victory-probability model (docs/models/SMP.md §4.5). */
export function victoryProbability(model: SmpVictoryProbModel, s1: number, s2: number): number {
  let x1: number;
  let x2: number;
  switch (model) {
    case 'Linear':
      x1 = s1;
      x2 = s2;
      break;
    case 'Square':
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 'Quartic':
      x1 = s1 ** 4;
      x2 = s2 ** 4;
      break;
    case 'Octic':
      x1 = s1 ** 8;
      x2 = s2 ** 8;
      break;
    case 'Binary':
      if (s1 >= BINARY_VP_THRESHOLD * s2) {
        x1 = 1;
        x2 = 1e-6;
      } else if (s2 >= BINARY_VP_THRESHOLD * s1) {
        x1 = 1e-6;
        x2 = 1;
      } else {
        const p = (2.1 * (s1 / (s1 + s2)) - 1) / 0.1;
        x1 = p;
        x2 = 1 - p;
      }
      break;
  }
  return x1 / (x1 + x2);
}

/** Pairwise victory probabilities P[a][b] from coalition strengths, 0.5 on the diagonal. */
export function victoryProbabilities(
  model: SmpVictoryProbModel,
  c: Float64Array,
  options: number,
): Float64Array {
  const p = new Float64Array(options * options);
  for (let a = 0; a < options; a++) {
    p[a * options + a] = 0.5;
    for (let b = 0; b < a; b++) {
      const pab = victoryProbability(model, c[a * options + b]!, c[b * options + a]!);
      p[a * options + b] = pab;
      p[b * options + a] = 1 - pab;
    }
  }
  return p;
}
