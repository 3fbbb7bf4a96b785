/**
 * KTAB's Spatial Model of Politics: input checks, the run loop and stop rule (docs/models/SMP.md §8), from a
 * BargainingInput to the whole trajectory on the 0–100 scale.
 */
import { createRandom } from '../../../kit/random.js';
import type { BargainingInput } from '../types.js';
import { BargainingInputError } from '../validate.js';
import { buildModel, checkSmpInput, resolveParams } from './input.js';
import type { SmpParams } from './params.js';
import { positionProbabilities, setupState, type SmpState } from './state.js';
import { step, type TurnResult } from './turn.js';
import { euclidean } from './utility.js';

export interface SmpOptions {
  /** Seed for Stochastic state transitions (no draws are made when Deterministic). Default 0. */
  seed?: number;
  /** Overrides params.maxTurns (number of steps after the initial state). */
  maxTurns?: number;
  /** Also return every bargain of every turn (KTAB's Bargn table), in `bargains`. */
  recordBargains?: boolean;
}

/** One bargain offered in a turn and how both parties' queues rated it (KTAB's Bargn/BargnCoords rows). */
export interface SmpBargainRecord {
  initiator: number;
  receiver: number;
  /** The point offered to the initiator / the receiver, 0–100 per dimension. */
  initiatorPoint: number[];
  receiverPoint: number[];
  /** PCE probability of the bargain in the initiator's / the receiver's queue. */
  initiatorProb: number;
  receiverProb: number;
  acceptedByInitiator: boolean;
  acceptedByReceiver: boolean;
}

/** Why the run ended. */
export type SmpStopReason = 'converged' | 'maxTurns' | 'degenerate';

export interface SmpResult {
  model: 'smp';
  /** The parameters actually used (defaults filled in). */
  params: SmpParams;
  /** Positions per state on 0–100: turns[t][actor][dim]; turns[0] is the input. */
  turns: number[][][];
  /** Ideal points per state on 0–100 (equal to `turns` unless an accommodation matrix is given). */
  ideals: number[][][];
  /**
   * KTAB's reported "prob" per state: prob[t][actor] is the probabilistic-Condorcet-election probability of
   * the unique position the actor holds (docs/models/SMP.md §9.2). Actors sharing a position share the value.
   */
  prob: number[][];
  /** KTAB's "fractional change compared to first step" of each step: fractionalChange[t-1] for state t. */
  fractionalChange: number[];
  /**
   * Forecast per dimension on 0–100: the capability × salience weighted mean of the final positions
   * (KTAB itself reports positions and probabilities, not a single outcome).
   */
  outcome: number[];
  /**
   * KTAB's own view of the result: the final position most likely to win a probabilistic Condorcet
   * election among the actors' positions (highest `prob` in the last state; first actor on ties).
   */
  likeliest: { position: number[]; prob: number; actors: number[] };
  /** The same weighted mean for every state: outcomes[t][dim]. */
  outcomes: number[][];
  /** Same as `turns`, under the name the other bargaining models use. */
  rounds: number[][][];
  stopReason: SmpStopReason;
  warnings: string[];
  /** With options.recordBargains: bargains[t-1] lists the bargains of the step that produced state t. */
  bargains?: SmpBargainRecord[][];
}

/** Total Euclidean movement of all actors between two states (docs/models/SMP.md §8). */
function movement(a: SmpState, b: SmpState, n: number, dims: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += euclidean(a.pos, i, b.pos, i, dims);
  return sum;
}

/** Back to the 0–100 scale, dropping float noise below 1e-10. */
function toScale(flat: Float64Array, n: number, dims: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let k = 0; k < dims; k++) row.push(Math.round(flat[i * dims + k]! * 1e12) / 1e10);
    rows.push(row);
  }
  return rows;
}

function weightedMean(input: BargainingInput, positions: readonly (readonly number[])[]): number[] {
  return input.dimensions.map((_, d) => {
    let num = 0;
    let den = 0;
    positions.forEach((row, i) => {
      if (input.active?.[i]?.[d] === false) return;
      const w = input.capability[i]! * input.salience[i]![d]!;
      num += w * row[d]!;
      den += w;
    });
    return den > 0 ? num / den : NaN;
  });
}

/**
 * Runs SMP on `input` (positions 0–100, salience 0–1, capability > 0) and returns every state. Throws
 * BargainingInputError listing every problem when the input cannot be run (see checkSmpInput).
 */
export function runSmp(
  input: BargainingInput,
  params?: Partial<SmpParams>,
  options: SmpOptions = {},
): SmpResult {
  const withTurns = options.maxTurns === undefined ? params : { ...params, maxTurns: options.maxTurns };
  const resolved = resolveParams(input, withTurns);
  if (!resolved.ok) throw new BargainingInputError(resolved.problems);
  const full = resolved.params;
  const problems = checkSmpInput(input, resolved.accommodation);
  if (problems.length > 0) throw new BargainingInputError(problems);
  const { model, pos0, warnings } = buildModel(input, full, resolved.accommodation);
  warnings.unshift(...resolved.warnings);
  const { n, dims } = model;
  const random = full.stateTransitions === 'Stochastic' ? createRandom(options.seed ?? 0) : undefined;
  const states: SmpState[] = [setupState(model, pos0, Float64Array.from(pos0))];
  const fractionalChange: number[] = [];
  let stopReason: SmpStopReason = 'maxTurns';
  const bargainLog: SmpBargainRecord[][] | undefined = options.recordBargains ? [] : undefined;
  let firstMove = 0;
  if (states[0]!.degenerate) {
    stopReason = 'degenerate';
  } else {
    for (let t = 1; t <= full.maxTurns; t++) {
      const prev = states[t - 1]!;
      const { state, warnings: turnWarnings, ...turn } = step(model, prev, random);
      if (bargainLog) bargainLog.push(recordBargains(turn, dims));
      warnings.push(...turnWarnings.map((w) => `turn ${t}: ${w}`));
      states.push(state);
      const moved = movement(prev, state, n, dims);
      if (t === 1) firstMove = moved;
      const ratio = moved / (firstMove + 1e-4);
      fractionalChange.push(ratio);
      if (state.degenerate) {
        stopReason = 'degenerate';
        break;
      }
      if (t >= full.minTurns && ratio < full.stopRatio) {
        stopReason = 'converged';
        break;
      }
    }
  }
  if (stopReason === 'degenerate') {
    warnings.push(
      `state ${states.length - 1}: every position is equally likely to win (e.g. all actors agree), so risk ` +
        'attitudes are undefined; stopped there (KTAB aborts)',
    );
  } else if (stopReason === 'maxTurns') {
    warnings.push(`stopped after ${full.maxTurns} turns without meeting the stop rule`);
  }
  const prob = states.map((s, t) => {
    const r = positionProbabilities(model, s);
    if (r.warning) warnings.push(`state ${t} prob: ${r.warning}`);
    return r.prob;
  });
  const turns = states.map((s) => toScale(s.pos, n, dims));
  const ideals = states.map((s) => toScale(s.ideal, n, dims));
  const outcomes = turns.map((positions) => weightedMean(input, positions));
  const finalProb = prob[prob.length - 1]!;
  const finalState = states[states.length - 1]!;
  let top = 0;
  finalProb.forEach((p, i) => {
    if (p > finalProb[top]!) top = i;
  });
  const likeliest = {
    position: turns[turns.length - 1]![top]!,
    prob: finalProb[top]!,
    // The actors at that position, with the 1e-3 tolerance of docs/models/SMP.md §5 on the 0–1 scale.
    actors: input.actors
      .map((_, i) => i)
      .filter((i) => euclidean(finalState.pos, i, finalState.pos, top, dims) < 1e-3),
  };
  return {
    model: 'smp',
    params: full,
    turns,
    ideals,
    prob,
    fractionalChange,
    outcome: outcomes[outcomes.length - 1]!,
    likeliest,
    outcomes,
    rounds: turns,
    stopReason,
    warnings,
    ...(bargainLog ? { bargains: bargainLog } : {}),
  };
}

function recordBargains(turn: Pick<TurnResult, 'bargains' | 'queues'>, dims: number): SmpBargainRecord[] {
  const scale = (x: Float64Array) => Array.from(x, (v) => Math.round(v * 1e12) / 1e10).slice(0, dims);
  return turn.bargains.map((b, id) => {
    const rating = (actor: number) => {
      const q = turn.queues[actor]!;
      const at = 1 + q.bargainIds.indexOf(id);
      return { prob: q.p[at]!, accepted: q.chosen === at };
    };
    const init = rating(b.initiator);
    const recv = rating(b.receiver);
    return {
      initiator: b.initiator,
      receiver: b.receiver,
      initiatorPoint: scale(b.initPoint),
      receiverPoint: scale(b.recvPoint),
      initiatorProb: init.prob,
      receiverProb: recv.prob,
      acceptedByInitiator: init.accepted,
      acceptedByReceiver: recv.accepted,
    };
  });
}
