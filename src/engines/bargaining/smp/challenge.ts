/**
 * Evaluating a challenge and forming a bargain (docs/models/SMP.md §6, §7.2; KTAB smp.cpp's probEduChlg and
 * bargain interpolation).
 */
import type { SmpModel, SmpState } from './state.js';
import { utility } from './utility.js';
import { voteFunction } from './voting.js';

const CHALLENGE_FLOOR = 1e-10;
const INTERPOLATION_FLOOR = 1e-6;

export interface ChallengeValue {
  /** P_ij: h's estimate that i prevails over j. */
  prob: number;
  /** ΔEU for k: expected utility of the challenge minus the status quo (a sum of two utilities). */
  gain: number;
}

/** aUtil[h](a, b): h's estimate of the utility to actor a of actor b's position. */
function estUtil(model: SmpModel, state: SmpState, h: number, a: number, b: number): number {
  const n = model.n;
  return utility(state.dist[a * n + b]!, state.riskEst[h * n + a]!);
}

/**
 * What estimator h's view of a challenge by i needs besides j: every actor's utility, in h's eyes, for i's
 * position and for its own. Built once per (h, i) so a search over targets j stays O(N) per target.
 */
export interface ChallengerView {
  h: number;
  i: number;
  /** toI[t] = aUtil[h](t, i). */
  toI: Float64Array;
  /** own[t] = aUtil[h](t, t). */
  own: Float64Array;
}

export function challengerView(model: SmpModel, state: SmpState, h: number, i: number): ChallengerView {
  const toI = new Float64Array(model.n);
  const own = new Float64Array(model.n);
  for (let t = 0; t < model.n; t++) {
    toI[t] = estUtil(model, state, h, t, i);
    own[t] = estUtil(model, state, h, t, t);
  }
  return { h, i, toI, own };
}

/**
 * P_ij, h's estimate that i prevails over j (docs/models/SMP.md §6 steps 1–3): the principals' votes, then each third
 * party's vote given the "little contest" it would join.
 */
export function contestProbability(
  model: SmpModel,
  state: SmpState,
  h: number,
  i: number,
  j: number,
  view: ChallengerView,
): number {
  const { n, params } = model;
  const vote = voteFunction(params.votingRule);
  const w = model.challengeWeight;
  const { toI, own } = view;
  const dist = state.dist;
  const rRow = h * n;
  const riskEst = state.riskEst;
  const uij = estUtil(model, state, h, i, j);
  const ujj = own[j]!;
  const a = vote(w[i]!, own[i]!, uij);
  const b = vote(w[j]!, toI[j]!, ujj);
  const c0ij = CHALLENGE_FLOOR + Math.max(a, 0) + Math.max(b, 0);
  const c0ji = CHALLENGE_FLOOR + Math.max(-a, 0) + Math.max(-b, 0);
  let cij = c0ij;
  let cji = c0ji;
  // Payoff table of docs/models/SMP.md §6 as coefficients: joinX = 2·(first) + (third-party's own or another first).
  const commit = params.thirdPartyCommit;
  const semi = commit === 'SemiCommit';
  const none = commit === 'NoCommit';
  // The default rule inlined: the same arithmetic as its vote function, without a call per third party.
  const prop = params.votingRule === 'Prop';
  for (let t = 0; t < n; t++) {
    if (t === i || t === j) continue;
    const wt = w[t]!;
    const uti = toI[t]!;
    const d = dist[t * n + j]!;
    const r = riskEst[rRow + t]!;
    // utility(d, r) written out: this loop runs N³ times per turn.
    const utj = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
    const utt = own[t]!;
    const v = prop ? wt * (uti - utj) : vote(wt, uti, utj);
    // "Little contest": principals plus this third party only.
    const forI = v > 0 ? c0ij + v : c0ij + 0;
    const pi = forI / (forI + c0ji + (v < 0 ? -v : 0));
    let joinIWin: number;
    let joinILose: number;
    let joinJLose: number;
    let joinJWin: number;
    if (semi) {
      joinIWin = 2 * uti + utt;
      joinILose = 3 * utj;
      joinJLose = 3 * uti;
      joinJWin = 2 * utj + utt;
    } else if (none) {
      joinIWin = 2 * uti + utt;
      joinILose = 2 * utj + utt;
      joinJLose = 2 * uti + utt;
      joinJWin = 2 * utj + utt;
    } else {
      joinIWin = 3 * uti;
      joinILose = 3 * utj;
      joinJLose = 3 * uti;
      joinJWin = 3 * utj;
    }
    const euJoinI = pi * joinIWin + (1 - pi) * joinILose;
    const euJoinJ = pi * joinJLose + (1 - pi) * joinJWin;
    const tv = prop ? wt * (euJoinI - euJoinJ) : vote(wt, euJoinI, euJoinJ);
    if (tv > 0) cij += tv;
    else cji -= tv;
  }
  return cij / (cij + cji);
}

/** ΔEU for k of i challenging j, given P_ij (docs/models/SMP.md §6 steps 4–5): a sum of two utilities. */
export function challengeGain(
  model: SmpModel,
  state: SmpState,
  h: number,
  k: number,
  i: number,
  j: number,
  pij: number,
): number {
  const uki = estUtil(model, state, h, k, i);
  const ukj = estUtil(model, state, h, k, j);
  const euSq = uki + ukj;
  const euVict = 2 * uki;
  const euContest = pij * 2 * uki + (1 - pij) * 2 * ukj;
  const sj = model.totalSalience[j]!;
  // j's total salience stands for the probability that j resists.
  const euChlg = (1 - sj) * euVict + sj * euContest;
  return euChlg - euSq;
}

/** h's estimate, for actor k, of the consequences of i challenging j (docs/models/SMP.md §6): (P_ij, ΔEU). */
export function probEduChlg(
  model: SmpModel,
  state: SmpState,
  h: number,
  k: number,
  i: number,
  j: number,
  view: ChallengerView = challengerView(model, state, h, i),
): ChallengeValue {
  const prob = contestProbability(model, state, h, i, j, view);
  return { prob, gain: challengeGain(model, state, h, k, i, j, prob) };
}

/** A bargain between initiator i and receiver j: the point offered to each (flat K-vectors on [0,1]). */
export interface Bargain {
  initiator: number;
  receiver: number;
  initPoint: Float64Array;
  recvPoint: Float64Array;
}

function round4(x: number): number {
  return Math.floor(0.5 + 1e4 * x) / 1e4;
}

/**
 * Interpolates a bargain between i and j given p, the probability that i prevails (docs/models/SMP.md §7.2).
 * S1P1/S2P2 points are rounded to the 1e-4 grid; S2PMax points are not.
 */
export function interpolateBargain(
  model: SmpModel,
  state: SmpState,
  i: number,
  j: number,
  p: number,
): Bargain {
  const { dims } = model;
  const initPoint = new Float64Array(dims);
  const recvPoint = new Float64Array(dims);
  const mode = model.params.interVecBrgn;
  for (let k = 0; k < dims; k++) {
    const ti = state.pos[i * dims + k]!;
    const tj = state.pos[j * dims + k]!;
    const si = model.salience[i * dims + k]!;
    const sj = model.salience[j * dims + k]!;
    if (mode === 'S2PMax') {
      const pI = p;
      const pJ = 1 - p;
      const di = Math.max(0, pJ - pI);
      const dj = Math.max(0, pI - pJ);
      const deltaI = (di * sj * sj) / (di * sj * sj + INTERPOLATION_FLOOR + (1 - di) * si * si);
      const deltaJ = (dj * si * si) / (dj * si * si + INTERPOLATION_FLOOR + (1 - dj) * sj * sj);
      initPoint[k] = ti + deltaI * (tj - ti);
      recvPoint[k] = tj + deltaJ * (ti - tj);
    } else {
      let wi: number;
      let wj: number;
      if (mode === 'S2P2') {
        wi = si * si * (p * p);
        wj = sj * sj * ((1 - p) * (1 - p));
      } else {
        wi = si * p;
        wj = sj * (1 - p);
      }
      const den = wi + INTERPOLATION_FLOOR + wj;
      initPoint[k] = round4(((wi + INTERPOLATION_FLOOR) * ti + wj * tj) / den);
      recvPoint[k] = round4((wi * ti + (wj + INTERPOLATION_FLOOR) * tj) / den);
    }
  }
  return { initiator: i, receiver: j, initPoint, recvPoint };
}
