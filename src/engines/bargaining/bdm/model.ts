/**
 * One issue of Bueno de Mesquita's expected-utility ("challenge") model, as reconstructed by Scholz, Calbert &
 * Smith (2011), "Unravelling Bueno de Mesquita's group decision model", J. Theoretical Politics 23(4).
 * Equation numbers are Scholz's; the variant choices are those of docs/models/BDM.md §3 (see ./options.ts).
 *
 * Conventions: k, i, j, e index the active actors of the issue; x positions, c capabilities, s saliences in
 * [0, 1]; R is the range of the initial positions and stays fixed for the whole run.
 */
import { condorcetWinner } from '../median.js';
import { weightedMean } from '../compromise.js';
import type { BdmOptions } from './options.js';

export interface BdmIssueInput {
  x: readonly number[];
  c: readonly number[];
  s: readonly number[];
  /** The fixed range R (default: range of x). */
  range?: number;
}

export interface BdmDyad {
  receiver: number;
  proposer: number;
  /** P(x_i beats x_j) and P(x_j beats x_i). */
  pIJ: number;
  pJI: number;
  /** EU_i(i → j) and EU_i(j → i): both evaluated by the receiver i. */
  euIJ: number;
  euJI: number;
  offer: 'confrontation' | 'compromise' | null;
  newX: number | null;
}

export interface BdmRound {
  /** Positions after the round. */
  x: number[];
  /** Risk exponents used in the round. */
  r: number[];
  median: number;
  mean: number;
  moved: boolean;
}

/** x^r, skipping the power for r = 1 (bit-identical: x ** 1 is x). */
const pow = (x: number, r: number) => (r === 1 ? x : x ** r);

/** Ideal-point distance utility term (|a − b| / R)^r. */
const dist = (a: number, b: number, R: number, r: number) => pow(R > 0 ? Math.abs(a - b) / R : 0, r);

/**
 * P(a, b) for every pair of actors, by the chosen rule (eqs. 30–31; docs/models/BDM.md §3 step 2). Computed over the
 * distinct positions (actors often share one), then spread back to actor pairs.
 */
export function probabilities(
  x: readonly number[],
  w: readonly number[],
  R: number,
  r: readonly number[],
  mode: BdmOptions['probability'],
): number[][] {
  const n = x.length;
  // Distinct positions in first-seen order, and each actor's index into them (flat typed arrays: this runs
  // twice per round of every issue of every Monte Carlo run).
  const unique: number[] = [];
  const index = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    let u = unique.indexOf(x[a]!);
    if (u < 0) u = unique.push(x[a]!) - 1;
    index[a] = u;
  }
  const m = unique.length;
  // g[k·m + u] = (|x_k − u| / R)^{r_k}: voter k's distance term for the distinct position u.
  const g = new Float64Array(n * m);
  for (let k = 0; k < n; k++) for (let u = 0; u < m; u++) g[k * m + u] = dist(x[k]!, unique[u]!, R, r[k]!);
  let total = 0;
  if (mode === 'scholz-code') {
    // Σ over all voters and all ordered pairs of actors (a1, a2), summed in actor order: the derived
    // least-movement medians (docs/models/BDM.md §3 step 5) sit on a knife edge in round 8, so the rounding must not change.
    for (let k = 0; k < n; k++) {
      const row = k * m;
      for (let a = 0; a < n; a++) {
        const ga = g[row + index[a]!]!;
        for (let b = 0; b < n; b++) total += w[k]! * Math.abs(g[row + index[b]!]! - ga);
      }
    }
  }
  const pu = new Float64Array(m * m);
  for (let u = 0; u < m; u++)
    for (let v = 0; v < m; v++) {
      if (u === v) continue;
      let support = 0;
      let absolute = 0;
      for (let k = 0; k < n; k++) {
        const cmp = w[k]! * (g[k * m + v]! - g[k * m + u]!);
        if (cmp > 0) support += cmp;
        absolute += Math.abs(cmp);
      }
      const den = mode === 'scholz-code' ? total : absolute;
      pu[u * m + v] = den > 0 ? support / den : 0;
    }
  const P: number[][] = [];
  for (let a = 0; a < n; a++) {
    const row: number[] = [];
    for (let b = 0; b < n; b++) row.push(pu[index[a]! * m + index[b]!]!);
    P.push(row);
  }
  return P;
}

interface EuContext {
  x: readonly number[];
  s: readonly number[];
  R: number;
  P: number[][];
  q: number;
  mu: number;
}

/** u_s, u_f and u_sq of a challenge over distance d (a share of R) with exponent re. */
const uSuccess = (d: number, re: number) => 2 - 4 * pow(0.5 - 0.5 * d, re);
const uFailure = (d: number, re: number) => 2 - 4 * pow(0.5 + 0.5 * d, re);
const uStatusQuo = (re: number) => 2 - 4 * pow(0.5, re);

/** EU_e(i → j): actor i challenging actor j, as evaluated by e with exponent re (eqs. 5–7, 15–16, 22–25). */
export function expectedUtility(ctx: EuContext, i: number, j: number, re: number): number {
  const { x, R } = ctx;
  const d = R > 0 ? Math.abs(x[i]! - x[j]!) / R : 0;
  return expectedUtilityWith(ctx, i, j, re, uSuccess(d, re), uFailure(d, re), uStatusQuo(re));
}

/** EU_e(i → j) with the utility terms given: they depend only on |x_i − x_j| and re, so a dyad shares them. */
function expectedUtilityWith(
  ctx: EuContext,
  i: number,
  j: number,
  re: number,
  us: number,
  uf: number,
  usq: number,
): number {
  const { x, s, R, P, q, mu } = ctx;
  const p = P[i]![j]!;
  let eu = s[j]! * (p * us + (1 - p) * uf) + (1 - s[j]!) * us - q * usq;
  if (q < 1) {
    const D = R > 0 ? (Math.abs(x[i]! - mu) + Math.abs(x[i]! - x[j]!)) / R : 0;
    const t = Math.abs(x[i]! - mu) < Math.abs(x[i]! - x[j]!) ? 1 : 0;
    const ub = 2 - 4 * pow(Math.max(0, 0.5 - 0.25 * D), re);
    const uw = 2 - 4 * pow(0.5 + 0.25 * D, re);
    eu -= (1 - q) * (t * ub + (1 - t) * uw);
  }
  return eu;
}

/** Risk exponents from security (eqs. 32–34; docs/models/BDM.md §3 step 1): everything evaluated with r = 1. */
export function riskExponents(
  x: readonly number[],
  s: readonly number[],
  w: readonly number[],
  R: number,
  q: number,
  mode: BdmOptions['probability'],
  mu: number,
): number[] {
  const n = x.length;
  const ones = x.map(() => 1);
  const ctx: EuContext = { x, s, R, P: probabilities(x, w, R, ones, mode), q, mu };
  const danger = x.map((_, a) => {
    let sum = 0;
    for (let o = 0; o < n; o++) if (o !== a) sum += expectedUtility(ctx, o, a, 1);
    return sum;
  });
  const max = Math.max(...danger);
  const min = Math.min(...danger);
  return danger.map((dg) => {
    const Ri = max > min ? (2 * dg - max - min) / (max - min) : 0;
    return (1 - Ri / 3) / (1 + Ri / 3);
  });
}

/** One round: exponents, offers, selection and the simultaneous update (docs/models/BDM.md §3 steps 1–6). */
export function bdmRound(
  input: BdmIssueInput,
  R: number,
  options: BdmOptions,
): { round: BdmRound; dyads: BdmDyad[] } {
  const { x, c, s } = input;
  const n = x.length;
  const w = c.map((ck, k) => ck * s[k]!);
  const mu = condorcetWinner(x, w);
  const r = riskExponents(x, s, w, R, options.q, options.probability, mu);
  const ctx: EuContext = { x, s, R, P: probabilities(x, w, R, r, options.probability), q: options.q, mu };
  const dyads: BdmDyad[] = [];
  const next = [...x];
  const usqOf = r.map(uStatusQuo);
  for (let i = 0; i < n; i++) {
    let best: { newX: number; key: number; type: 'confrontation' | 'compromise' } | null = null;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dyad: BdmDyad = {
        receiver: i,
        proposer: j,
        pIJ: ctx.P[i]![j]!,
        pJI: ctx.P[j]![i]!,
        euIJ: 0,
        euJI: 0,
        offer: null,
        newX: null,
      };
      dyads.push(dyad);
      if (x[j] === x[i]) continue;
      const d = R > 0 ? Math.abs(x[i]! - x[j]!) / R : 0;
      const us = uSuccess(d, r[i]!);
      const uf = uFailure(d, r[i]!);
      const eIJ = expectedUtilityWith(ctx, i, j, r[i]!, us, uf, usqOf[i]!);
      const eJI = expectedUtilityWith(ctx, j, i, r[i]!, us, uf, usqOf[i]!);
      dyad.euIJ = eIJ;
      dyad.euJI = eJI;
      let offer: { newX: number; key: number; type: 'confrontation' | 'compromise' } | null = null;
      if (eJI > eIJ && eIJ > 0) {
        offer = { newX: x[j]!, key: Math.abs(x[j]! - x[i]!), type: 'confrontation' };
      } else if (eJI > 0 && eIJ < 0 && eJI > Math.abs(eIJ)) {
        const newX = x[i]! + (x[j]! - x[i]!) * Math.abs(eIJ / eJI);
        const key =
          options.selection === 'scholz-code'
            ? (Math.abs(eIJ) * x[i]! + Math.abs(eJI) * x[j]!) / (Math.abs(eIJ) + Math.abs(eJI))
            : Math.abs(newX - x[i]!);
        offer = { newX, key, type: 'compromise' };
      }
      if (!offer) continue;
      dyad.offer = offer.type;
      dyad.newX = offer.newX;
      // Confrontations beat compromises; within a type the smallest key wins, ties to the first proposer.
      if (
        !best ||
        (offer.type === 'confrontation' && best.type === 'compromise') ||
        (offer.type === best.type && offer.key < best.key)
      ) {
        best = offer;
      }
    }
    if (best) next[i] = best.newX;
  }
  const moved = next.some((v, k) => v !== x[k]);
  return {
    round: { x: next, r, median: condorcetWinner(next, w), mean: weightedMean(next, w), moved },
    dyads,
  };
}

/** Most actors on one issue: each round costs O(n³), so beyond this a run would take minutes. */
export const MAX_BDM_ACTORS = 100;

/** Runs the model on one issue; round 0 is the initial state. */
export function runBdmIssue(input: BdmIssueInput, options: BdmOptions): BdmRound[] {
  if (input.x.length > MAX_BDM_ACTORS) {
    throw new RangeError(
      `engines/bargaining/bdm: ${input.x.length} actors on one issue; the model runs at most ${MAX_BDM_ACTORS}`,
    );
  }
  const w = input.c.map((ck, k) => ck * input.s[k]!);
  const R = input.range ?? Math.max(...input.x) - Math.min(...input.x);
  const rounds: BdmRound[] = [
    {
      x: [...input.x],
      r: [],
      median: condorcetWinner(input.x, w),
      mean: weightedMean(input.x, w),
      moved: false,
    },
  ];
  let x = [...input.x];
  for (let t = 1; t <= options.rounds; t++) {
    // A round depends only on the positions (c, s and R are fixed): once a state repeats the one one or two
    // rounds back, every later round is known, so it is copied instead of computed (same numbers, less time).
    const repeat = t >= 3 ? samePositions(rounds[t - 1]!.x, rounds[t - 3]!.x) : false;
    const still = t >= 2 && !rounds[t - 1]!.moved;
    const known = still ? rounds[t - 1]! : repeat ? rounds[t - 2]! : null;
    const round = known ? { ...known, x: [...known.x] } : bdmRound({ ...input, x }, R, options).round;
    rounds.push(round);
    x = round.x;
    if (options.stopWhenStable && !round.moved) break;
  }
  return rounds;
}

const samePositions = (a: readonly number[], b: readonly number[]) => a.every((v, k) => v === b[k]);
