/**
 * Evaluating a challenge and forming a bargain (SMP.md §6, §7.2; KTAB smp.cpp's probEduChlg and
 * bargain interpolation).
 */
import type { SmpModel, SmpState } from './state.js';
import { vote } from './voting.js';

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
  const d = state.dist[a * n + b]!;
  const r = state.riskEst[h * n + a]!;
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/** h's estimate, for actor k, of the consequences of i challenging j (SMP.md §6). */
export function probEduChlg(
  model: SmpModel,
  state: SmpState,
  h: number,
  k: number,
  i: number,
  j: number,
): ChallengeValue {
  const { n, params } = model;
  const rule = params.votingRule;
  const w = model.challengeWeight;
  const uii = estUtil(model, state, h, i, i);
  const uij = estUtil(model, state, h, i, j);
  const uji = estUtil(model, state, h, j, i);
  const ujj = estUtil(model, state, h, j, j);
  const a = vote(rule, w[i]!, uii, uij);
  const b = vote(rule, w[j]!, uji, ujj);
  const c0ij = CHALLENGE_FLOOR + Math.max(a, 0) + Math.max(b, 0);
  const c0ji = CHALLENGE_FLOOR + Math.max(-a, 0) + Math.max(-b, 0);
  let cij = c0ij;
  let cji = c0ji;
  const commit = params.thirdPartyCommit;
  for (let t = 0; t < n; t++) {
    if (t === i || t === j) continue;
    const wt = w[t]!;
    const uti = estUtil(model, state, h, t, i);
    const utj = estUtil(model, state, h, t, j);
    const utt = estUtil(model, state, h, t, t);
    const v = vote(rule, wt, uti, utj);
    // "Little contest": principals plus this third party only.
    const forI = c0ij + Math.max(v, 0);
    const pi = forI / (forI + c0ji + Math.max(-v, 0));
    let joinIWin: number;
    let joinILose: number;
    let joinJLose: number;
    let joinJWin: number;
    switch (commit) {
      case 'NoCommit':
        joinIWin = 2 * uti + utt;
        joinILose = 2 * utj + utt;
        joinJLose = 2 * uti + utt;
        joinJWin = 2 * utj + utt;
        break;
      case 'SemiCommit':
        joinIWin = 2 * uti + utt;
        joinILose = 3 * utj;
        joinJLose = 3 * uti;
        joinJWin = 2 * utj + utt;
        break;
      case 'FullCommit':
        joinIWin = 3 * uti;
        joinILose = 3 * utj;
        joinJLose = 3 * uti;
        joinJWin = 3 * utj;
        break;
    }
    const euJoinI = pi * joinIWin + (1 - pi) * joinILose;
    const euJoinJ = pi * joinJLose + (1 - pi) * joinJWin;
    const tv = vote(rule, wt, euJoinI, euJoinJ);
    if (tv > 0) cij += tv;
    else cji -= tv;
  }
  const pij = cij / (cij + cji);
  const uki = estUtil(model, state, h, k, i);
  const ukj = estUtil(model, state, h, k, j);
  const euSq = uki + ukj;
  const euVict = 2 * uki;
  const euContest = pij * 2 * uki + (1 - pij) * 2 * ukj;
  const sj = model.totalSalience[j]!;
  // j's total salience stands for the probability that j resists.
  const euChlg = (1 - sj) * euVict + sj * euContest;
  return { prob: pij, gain: euChlg - euSq };
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
 * Interpolates a bargain between i and j given p, the probability that i prevails (SMP.md §7.2).
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
