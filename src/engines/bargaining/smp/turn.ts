/**
 * One SMP turn — bargain, challenge, negotiate (docs/models/SMP.md §7): every actor picks its most valuable challenge,
 * bargains are queued, each actor resolves its queue by a probabilistic Condorcet election, all move at once.
 */
import type { Random } from '../../../kit/random.js';
import {
  challengeGain,
  challengerView,
  contestProbability,
  interpolateBargain,
  probEduChlg,
  type Bargain,
} from './challenge.js';
import { scalarPce } from './pce.js';
import { setupState, type SmpModel, type SmpState } from './state.js';
import { distance, utility } from './utility.js';

const MIN_CHALLENGE_GAIN = 1e-5;

/** Actor i's chosen target (docs/models/SMP.md §7.1): the largest gain above the floor, lowest index on ties. */
export function chooseTarget(
  model: SmpModel,
  state: SmpState,
  i: number,
): { target: number; prob: number } | undefined {
  let best: { target: number; prob: number } | undefined;
  let bestGain = MIN_CHALLENGE_GAIN;
  const view = challengerView(model, state, i, i);
  for (let j = 0; j < model.n; j++) {
    if (j === i) continue;
    const prob = contestProbability(model, state, i, i, j, view);
    const gain = challengeGain(model, state, i, i, i, j, prob);
    if (gain > bestGain) {
      bestGain = gain;
      best = { target: j, prob };
    }
  }
  return best;
}

/** The bargains initiator i offers target j under the model's BargnModel (docs/models/SMP.md §7.3). */
export function formBargains(
  model: SmpModel,
  state: SmpState,
  i: number,
  j: number,
  prob: number,
): Bargain[] {
  const { params } = model;
  const initView = interpolateBargain(model, state, i, j, prob);
  if (params.bargnModel === 'InitOnlyInterp') return [initView];
  const rcvrEstimate = probEduChlg(model, state, j, i, i, j);
  // KTAB passes the utility gain where a probability belongs (docs/models/SMP.md §12.1); the default corrects it.
  const rcvrP = params.receiverBargainWeight === 'ktabUtilityGain' ? rcvrEstimate.gain : rcvrEstimate.prob;
  const rcvrView = interpolateBargain(model, state, i, j, rcvrP);
  if (params.bargnModel === 'InitRcvrInterp') return [initView, rcvrView];
  const capJ =
    params.pwCompReceiverCapability === 'ktabInitiator' ? model.capability[i]! : model.capability[j]!;
  const wi = model.capability[i]! * model.totalSalience[i]!;
  const wj = capJ * model.totalSalience[j]!;
  const mix = (a: Float64Array, b: Float64Array) => a.map((x, k) => (wi * x + wj * b[k]!) / (wi + wj));
  return [
    {
      initiator: i,
      receiver: j,
      initPoint: mix(initView.initPoint, rcvrView.initPoint),
      recvPoint: mix(initView.recvPoint, rcvrView.recvPoint),
    },
  ];
}

/**
 * Value to every voter n of the configuration a bargain would produce: the average of n's utility over all
 * actors' positions, the two parties taking the bargained points (docs/models/SMP.md §7.4).
 */
function bargainValues(model: SmpModel, state: SmpState, bargain: Bargain): Float64Array {
  const { n, dims } = model;
  const values = new Float64Array(n);
  const { initiator: bi, receiver: bj } = bargain;
  for (let v = 0; v < n; v++) {
    const rv = state.riskR[v]!;
    const ui = utility(
      distance(state.ideal, model.salience, model.salSqSum, dims, v, bargain.initPoint, 0),
      rv,
    );
    const uj = utility(
      distance(state.ideal, model.salience, model.salSqSum, dims, v, bargain.recvPoint, 0),
      rv,
    );
    let sum = 0;
    for (let x = 0; x < n; x++) sum += x === bi ? ui : x === bj ? uj : state.ownUtil[v * n + x]!;
    values[v] = sum / n;
  }
  return values;
}

function statusQuoValues(model: SmpModel, state: SmpState): Float64Array {
  const { n } = model;
  const values = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let x = 0; x < n; x++) sum += state.ownUtil[v * n + x]!;
    values[v] = sum / n;
  }
  return values;
}

/** How one actor resolved its queue: the options' PCE probabilities (status quo first) and the pick. */
export interface QueueRecord {
  /** Indices into TurnResult.bargains, in queue order after the status quo. */
  bargainIds: number[];
  /** PCE probability of each option: p[0] the status quo, p[1 + q] bargain bargainIds[q]. */
  p: Float64Array;
  /** Index into p of the option taken. */
  chosen: number;
}

export interface TurnResult {
  state: SmpState;
  /** Every bargain offered this turn, in initiator order. */
  bargains: Bargain[];
  /** queues[k]: how actor k resolved its queue. */
  queues: QueueRecord[];
  warnings: string[];
}

/** Computes the next state from `state` (docs/models/SMP.md §7). `random` is used only for Stochastic transitions. */
export function step(model: SmpModel, state: SmpState, random: Random | undefined): TurnResult {
  const { n, dims, params } = model;
  const warnings: string[] = [];
  // Queues hold bargain indices; SQ is implicit at the head. Built in initiator order (docs/models/SMP.md §7.7).
  const bargains: Bargain[] = [];
  const queues: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const choice = chooseTarget(model, state, i);
    if (!choice) continue;
    for (const b of formBargains(model, state, i, choice.target, choice.prob)) {
      const id = bargains.push(b) - 1;
      queues[i]!.push(id);
      queues[choice.target]!.push(id);
    }
  }
  const sq = statusQuoValues(model, state);
  const values = bargains.map((b) => bargainValues(model, state, b));
  const nextPos = Float64Array.from(state.pos);
  const records: QueueRecord[] = [];
  for (let k = 0; k < n; k++) {
    const queue = queues[k]!;
    const m = queue.length + 1;
    const draw = params.stateTransitions === 'Stochastic' ? random!.next() : 0;
    if (m === 1) {
      records.push({ bargainIds: [], p: new Float64Array([1]), chosen: 0 });
      continue;
    }
    const utils = new Float64Array(n * m);
    for (let v = 0; v < n; v++) {
      utils[v * m] = sq[v]!;
      for (let o = 1; o < m; o++) utils[v * m + o] = values[queue[o - 1]!]![v]!;
    }
    const { p, warning } = scalarPce(params, model.capability, utils, n, m);
    if (warning) warnings.push(warning);
    const chosen = params.stateTransitions === 'Stochastic' ? drawOption(p, draw) : firstArgmax(p);
    records.push({ bargainIds: queue, p, chosen });
    if (chosen === 0) continue;
    const bargain = bargains[queue[chosen - 1]!]!;
    const point = bargain.initiator === k ? bargain.initPoint : bargain.recvPoint;
    nextPos.set(point, k * dims);
  }
  const nextIdeal = updateIdeals(model, state.ideal, nextPos);
  const next = setupState(model, nextPos, nextIdeal);
  return { state: next, bargains, queues: records, warnings: [...warnings, ...next.warnings] };
}

function firstArgmax(p: Float64Array): number {
  let best = 0;
  for (let m = 1; m < p.length; m++) if (p[m]! > p[best]!) best = m;
  return best;
}

function drawOption(p: Float64Array, u: number): number {
  let cumulative = 0;
  for (let m = 0; m < p.length; m++) {
    cumulative += p[m]!;
    if (cumulative >= u) return m;
  }
  return p.length - 1;
}

/** q′_i = Σ_j A_ij θ′_j + (1 − min(1, Σ_j A_ij)) q_i (docs/models/SMP.md §7.6); q′ = θ′ when A is the identity. */
function updateIdeals(model: SmpModel, ideal: Float64Array, nextPos: Float64Array): Float64Array {
  const { n, dims, accommodation: a } = model;
  if (!a) return Float64Array.from(nextPos);
  const next = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) rowSum += a[i * n + j]!;
    const keep = 1 - Math.min(1, rowSum);
    for (let k = 0; k < dims; k++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * nextPos[j * dims + k]!;
      next[i * dims + k] = s + keep * ideal[i * dims + k]!;
    }
  }
  return next;
}
