/**
 * Stokman's equal-gain exchange model: actors on opposite sides of the expected outcome on two issues trade
 * voting positions so that both gain equally; the outcome is the compromise model on the voting positions.
 * [Reference] Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita & Stokman
 * (eds.), European Community Decision Making, pp. 105–127; the variant of `decide-exchange-model` as described
 * in docs/models/baselines.md §4 (re-implemented from that description).
 */
import { weightedMean } from './compromise.js';
import type { BargainingInput, ModelForecast } from './types.js';
import { combineConvergence, convergenceWarnings, issueConvergence, reportedOutcome } from './convergence.js';

export interface ExchangeOptions {
  /** Rounds of exchange (default 1); later rounds start from the rule of docs/models/baselines.md §4 step 7. */
  rounds?: number;
}

/** One executed exchange: `demander` gets `supplier` to move on `demand`, and moves itself on `supply`. */
export interface ExecutedExchange {
  round: number;
  /** Actor I (demands issue p) and actor J (demands issue q), as actor indices. */
  i: number;
  j: number;
  p: number;
  q: number;
  /** J's new position on p and I's new position on q. */
  jOnP: number;
  iOnQ: number;
  gain: number;
}

export interface ExchangeForecast extends ModelForecast {
  exchanges: ExecutedExchange[];
}

const EPS = 1e-10;

/** Candidate exchanges beyond this are refused (memory and time grow with issues² × actors²). */
export const MAX_CANDIDATES = 1_000_000;

interface Candidate {
  i: number;
  j: number;
  p: number;
  q: number;
}

interface State {
  c: readonly number[];
  s: readonly (readonly number[])[];
  active: (i: number, d: number) => boolean;
  y: number[][];
  /** Direction of each actor's earlier moves per issue: −1, 0 or +1. */
  direction: number[][];
  total: number[];
  /** Current compromise outcome per issue, kept up to date as exchanges execute. */
  outcome: number[];
}

function nbs(state: State, d: number): number {
  const x: number[] = [];
  const w: number[] = [];
  state.y.forEach((row, k) => {
    if (!state.active(k, d)) return;
    x.push(row[d]!);
    w.push(state.c[k]! * state.s[k]![d]!);
  });
  return weightedMean(x, w);
}

/** The size of one exchange: J's new position on p, I's new position on q, and the gain. */
interface Size {
  jOnP: number;
  iOnQ: number;
  gain: number;
}

/**
 * Sizes an exchange with equal gain (docs/models/baselines.md §4 step 3) and checks its validity (step 4), writing into
 * `out` (no allocation: this runs hundreds of times per forecast). Returns false if invalid.
 */
function sizeExchange(state: State, cand: Candidate, out: Size): boolean {
  const { i, j, p, q } = cand;
  const { c, s, y, total } = state;
  const si = s[i]!;
  const sj = s[j]!;
  const yi = y[i]!;
  const yj = y[j]!;
  const wJp = c[j]! * sj[p]!;
  const wIq = c[i]! * si[q]!;
  if (wJp <= 0 || wIq <= 0) return false;
  const totalP = total[p]!;
  const totalQ = total[q]!;
  const sumP = si[p]! + sj[p]!;
  const sumQ = si[q]! + sj[q]!;
  const gapP = Math.abs(yi[p]! - yj[p]!);
  const gapQ = Math.abs(yj[q]! - yi[q]!);
  let dp = (gapP * wJp) / totalP;
  let dq = (dp * sumP) / sumQ;
  let moveJ = gapP;
  let moveI = (dq * totalQ) / wIq;
  if (moveI > gapQ) {
    dq = (gapQ * wIq) / totalQ;
    dp = (dq * sumQ) / sumP;
    moveI = gapQ;
    moveJ = (dp * totalP) / wJp;
  }
  // Keep each outcome from being pushed past the partner's own position on the issue it supplies.
  const limitP = Math.abs(yi[p]! - state.outcome[p]!);
  if (dp > limitP + EPS) {
    dp = limitP;
    moveJ = (dp * totalP) / wJp;
    dq = (dp * sumP) / sumQ;
    moveI = (dq * totalQ) / wIq;
  }
  const limitQ = Math.abs(yj[q]! - state.outcome[q]!);
  if (dq > limitQ + EPS) {
    dq = limitQ;
    moveI = (dq * totalQ) / wIq;
    dp = (dq * sumQ) / sumP;
    moveJ = (dp * totalP) / wJp;
  }
  const gain = Math.abs(dq * si[q]! - dp * si[p]!);
  const dirJ = Math.sign(yi[p]! - yj[p]!);
  const dirI = Math.sign(yj[q]! - yi[q]!);
  const jOnP = yj[p]! + dirJ * moveJ;
  const iOnQ = yi[q]! + dirI * moveI;
  if (gain < EPS || moveI <= EPS || moveJ <= EPS || moveI > 100 || moveJ > 100) return false;
  if (jOnP < -EPS || jOnP > 100 + EPS || iOnQ < -EPS || iOnQ > 100 + EPS) return false;
  const dj = state.direction[j]![p]!;
  const di = state.direction[i]![q]!;
  if ((dj !== 0 && dj !== dirJ) || (di !== 0 && di !== dirI)) return false;
  out.jOnP = Math.min(100, Math.max(0, jOnP));
  out.iOnQ = Math.min(100, Math.max(0, iOnQ));
  out.gain = gain;
  return true;
}

/** All candidate exchanges at the start of a round (docs/models/baselines.md §4 step 2); null beyond MAX_CANDIDATES. */
function candidates(state: State, nIssues: number): Candidate[] | null {
  const n = state.y.length;
  const left = (k: number, d: number) => state.y[k]![d]! <= state.outcome[d]!;
  const list: Candidate[] = [];
  for (let p = 0; p < nIssues; p++) {
    for (let q = p + 1; q < nIssues; q++) {
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          if (![a, b].every((k) => state.active(k, p) && state.active(k, q))) continue;
          if (left(a, p) === left(b, p) || left(a, q) === left(b, q)) continue;
          const ratio = (k: number) => state.s[k]![p]! / state.s[k]![q]!;
          // The actor for whom p is relatively more salient demands p (ties: the first of the pair).
          list.push(ratio(a) >= ratio(b) ? { i: a, j: b, p, q } : { i: b, j: a, p, q });
          if (list.length > MAX_CANDIDATES) return null;
        }
      }
    }
  }
  return list;
}

/**
 * Executes exchanges until none is left (docs/models/baselines.md §4 step 5): the highest gain first (ties: the first
 * candidate), then every remaining exchange sharing an actor and an issue with it is re-sized or dropped.
 * A max-heap with version stamps finds the best in log time; an index by actor finds the ones to re-size.
 * Sizes live in typed arrays (one slot per candidate) so the loop allocates nothing per exchange.
 */
function executeExchanges(
  state: State,
  list: Candidate[],
  round: number,
  executed: ExecutedExchange[],
): void {
  const m = list.length;
  const valid = new Uint8Array(m);
  const jOnP = new Float64Array(m);
  const iOnQ = new Float64Array(m);
  const gain = new Float64Array(m);
  const version = new Int32Array(m);
  const size: Size = { jOnP: 0, iOnQ: 0, gain: 0 };
  const resize = (k: number) => {
    const ok = sizeExchange(state, list[k]!, size);
    valid[k] = ok ? 1 : 0;
    if (ok) {
      jOnP[k] = size.jOnP;
      iOnQ[k] = size.iOnQ;
      gain[k] = size.gain;
    }
    return ok;
  };
  // Candidates by (actor, issue): the ones an execution can affect share an actor and an issue with it.
  const nIssues = state.outcome.length;
  const byActorIssue = new Map<number, number[]>();
  list.forEach((cand, k) => {
    for (const a of [cand.i, cand.j]) {
      for (const d of [cand.p, cand.q]) {
        const key = a * nIssues + d;
        const ks = byActorIssue.get(key);
        if (ks) ks.push(k);
        else byActorIssue.set(key, [k]);
      }
    }
  });
  const stamp = new Int32Array(m).fill(-1);
  let executions = 0;
  const heap = new MaxHeap(m);
  for (let k = 0; k < m; k++) if (resize(k)) heap.push(gain[k]!, k, 0);
  while (heap.size > 0) {
    const k0 = heap.topIndex();
    const v0 = heap.topVersion();
    heap.pop();
    if (!valid[k0] || v0 !== version[k0]) continue;
    valid[k0] = 0;
    const best = list[k0]!;
    state.direction[best.j]![best.p] = Math.sign(jOnP[k0]! - state.y[best.j]![best.p]!);
    state.direction[best.i]![best.q] = Math.sign(iOnQ[k0]! - state.y[best.i]![best.q]!);
    state.y[best.j]![best.p] = jOnP[k0]!;
    state.y[best.i]![best.q] = iOnQ[k0]!;
    state.outcome[best.p] = nbs(state, best.p);
    state.outcome[best.q] = nbs(state, best.q);
    executed.push({
      round,
      i: best.i,
      j: best.j,
      p: best.p,
      q: best.q,
      jOnP: jOnP[k0]!,
      iOnQ: iOnQ[k0]!,
      gain: gain[k0]!,
    });
    executions++;
    for (const a of [best.i, best.j]) {
      for (const d of [best.p, best.q]) {
        for (const k of byActorIssue.get(a * nIssues + d) ?? []) {
          if (stamp[k] === executions || !valid[k]) continue;
          stamp[k] = executions;
          version[k]!++;
          if (resize(k)) heap.push(gain[k]!, k, version[k]!);
        }
      }
    }
  }
}

/**
 * Binary max-heap on gain over parallel typed arrays; equal gains come out in candidate order. Grows as
 * needed (re-sized candidates push new entries; stale ones are skipped by version).
 */
class MaxHeap {
  private gain: Float64Array;
  private index: Int32Array;
  private version: Int32Array;
  size = 0;
  constructor(capacity: number) {
    const n = Math.max(16, capacity * 2);
    this.gain = new Float64Array(n);
    this.index = new Int32Array(n);
    this.version = new Int32Array(n);
  }
  private before(ga: number, ia: number, gb: number, ib: number): boolean {
    return ga > gb || (ga === gb && ia < ib);
  }
  private grow(): void {
    const n = this.gain.length * 2;
    const g = new Float64Array(n);
    g.set(this.gain);
    const i = new Int32Array(n);
    i.set(this.index);
    const v = new Int32Array(n);
    v.set(this.version);
    this.gain = g;
    this.index = i;
    this.version = v;
  }
  topIndex(): number {
    return this.index[0]!;
  }
  topVersion(): number {
    return this.version[0]!;
  }
  push(g: number, idx: number, ver: number): void {
    if (this.size === this.gain.length) this.grow();
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(g, idx, this.gain[parent]!, this.index[parent]!)) break;
      this.gain[k] = this.gain[parent]!;
      this.index[k] = this.index[parent]!;
      this.version[k] = this.version[parent]!;
      k = parent;
    }
    this.gain[k] = g;
    this.index[k] = idx;
    this.version[k] = ver;
  }
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const g = this.gain[n]!;
    const idx = this.index[n]!;
    const ver = this.version[n]!;
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && this.before(this.gain[r]!, this.index[r]!, this.gain[l]!, this.index[l]!) ? r : l;
      if (!this.before(this.gain[m]!, this.index[m]!, g, idx)) break;
      this.gain[k] = this.gain[m]!;
      this.index[k] = this.index[m]!;
      this.version[k] = this.version[m]!;
      k = m;
    }
    this.gain[k] = g;
    this.index[k] = idx;
    this.version[k] = ver;
  }
}

/** Runs the exchange model on a multi-issue input. */
export function exchange(input: BargainingInput, options: ExchangeOptions = {}): ExchangeForecast {
  const nIssues = input.dimensions.length;
  const warnings: string[] = [];
  const active = (i: number, d: number) => !(input.active && input.active[i]?.[d] === false);
  let x = input.position.map((row) => [...row]);
  const state: State = {
    c: input.capability,
    s: input.salience,
    active,
    y: x.map((row) => [...row]),
    direction: x.map((row) => row.map(() => 0)),
    outcome: [],
    total: input.dimensions.map((_, d) =>
      input.actors.reduce(
        (acc, _a, k) => acc + (active(k, d) ? input.capability[k]! * input.salience[k]![d]! : 0),
        0,
      ),
    ),
  };
  if (nIssues < 2)
    warnings.push('the exchange model needs at least two issues; the forecast is the compromise model');
  const outcomes: number[][] = [input.dimensions.map((_, d) => nbs(state, d))];
  const rounds: number[][][] = [x.map((row) => [...row])];
  const executed: ExecutedExchange[] = [];
  for (let round = 1; round <= (options.rounds ?? 1); round++) {
    state.y = x.map((row) => [...row]);
    state.direction = x.map((row) => row.map(() => 0));
    state.outcome = input.dimensions.map((_, d) => nbs(state, d));
    const list = candidates(state, nIssues);
    if (list === null) {
      warnings.push(
        `more than ${MAX_CANDIDATES.toLocaleString('en')} possible exchanges; the model was stopped and no exchange made`,
      );
      break;
    }
    executeExchanges(state, list, round, executed);
    outcomes.push(input.dimensions.map((_, d) => nbs(state, d)));
    rounds.push(state.y.map((row) => [...row]));
    // Next start: x' = (1 − s)·0.4·y + 0.1·y + (1 − 0.4(1 − s) − 0.1)·x (docs/models/baselines.md §4 step 7).
    x = x.map((row, k) =>
      row.map((xd, d) => {
        const sk = input.salience[k]![d]!;
        const yd = state.y[k]![d]!;
        return (1 - sk) * 0.4 * yd + 0.1 * yd + (1 - 0.4 * (1 - sk) - 0.1) * xd;
      }),
    );
  }
  const convergence = exchangeConvergence(input, rounds, outcomes);
  warnings.push(...convergenceWarnings(convergence));
  return {
    model: 'exchange',
    outcome: reportedOutcome(outcomes[outcomes.length - 1]!, convergence),
    rounds,
    outcomes,
    convergence,
    warnings,
    exchanges: executed,
  };
}

/**
 * One round of exchanges always ends (no valid exchange is left), so a 1-round run is converged at round 1;
 * with more rounds the sequence of end-of-round positions is read by the common rule (convergence.ts).
 */
function exchangeConvergence(
  input: BargainingInput,
  rounds: readonly (readonly (readonly number[])[])[],
  outcomes: readonly (readonly number[])[],
) {
  return combineConvergence(
    input.dimensions.map((dim, d) => {
      if (rounds.length <= 2)
        return {
          issue: dim.id,
          status: 'converged' as const,
          round: rounds.length - 1,
          rounds: rounds.length - 1,
        };
      return issueConvergence(
        dim.id,
        rounds.map((r) => r.map((row) => row[d]!)),
        outcomes.map((o) => o[d]!),
      );
    }),
  );
}
