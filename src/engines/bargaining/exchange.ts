/**
 * Stokman's equal-gain exchange model: actors on opposite sides of the expected outcome on two issues trade
 * voting positions so that both gain equally; the outcome is the compromise model on the voting positions.
 * [Reference] Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita & Stokman
 * (eds.), European Community Decision Making, pp. 105–127; the variant of `decide-exchange-model` as described
 * in baselines.md §4 (re-implemented from that description).
 */
import { weightedMean } from './compromise.js';
import type { BargainingInput, ModelForecast } from './types.js';

export interface ExchangeOptions {
  /** Rounds of exchange (default 1); later rounds start from the rule of baselines.md §4 step 7. */
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

interface Candidate {
  i: number;
  j: number;
  p: number;
  q: number;
}

interface Sized extends Candidate {
  jOnP: number;
  iOnQ: number;
  gain: number;
}

interface State {
  c: readonly number[];
  s: readonly (readonly number[])[];
  active: (i: number, d: number) => boolean;
  y: number[][];
  /** Direction of each actor's earlier moves per issue: −1, 0 or +1. */
  direction: number[][];
  total: number[];
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

/** Sizes an exchange with equal gain (baselines.md §4 step 3) and checks its validity (step 4); null if invalid. */
function sizeExchange(state: State, cand: Candidate): Sized | null {
  const { i, j, p, q } = cand;
  const { c, s, y, total } = state;
  const wJp = c[j]! * s[j]![p]!;
  const wIq = c[i]! * s[i]![q]!;
  if (wJp <= 0 || wIq <= 0) return null;
  const sumP = s[i]![p]! + s[j]![p]!;
  const sumQ = s[i]![q]! + s[j]![q]!;
  const gapP = Math.abs(y[i]![p]! - y[j]![p]!);
  const gapQ = Math.abs(y[j]![q]! - y[i]![q]!);
  let dp = (gapP * wJp) / total[p]!;
  let dq = (dp * sumP) / sumQ;
  let moveJ = gapP;
  let moveI = (dq * total[q]!) / wIq;
  if (moveI > gapQ) {
    dq = (gapQ * wIq) / total[q]!;
    dp = (dq * sumQ) / sumP;
    moveI = gapQ;
    moveJ = (dp * total[p]!) / wJp;
  }
  // Keep each outcome from being pushed past the partner's own position on the issue it supplies.
  const limitP = Math.abs(y[i]![p]! - nbs(state, p));
  if (dp > limitP + EPS) {
    dp = limitP;
    moveJ = (dp * total[p]!) / wJp;
    dq = (dp * sumP) / sumQ;
    moveI = (dq * total[q]!) / wIq;
  }
  const limitQ = Math.abs(y[j]![q]! - nbs(state, q));
  if (dq > limitQ + EPS) {
    dq = limitQ;
    moveI = (dq * total[q]!) / wIq;
    dp = (dq * sumQ) / sumP;
    moveJ = (dp * total[p]!) / wJp;
  }
  const gain = Math.abs(dq * s[i]![q]! - dp * s[i]![p]!);
  const dirJ = Math.sign(y[i]![p]! - y[j]![p]!);
  const dirI = Math.sign(y[j]![q]! - y[i]![q]!);
  const jOnP = y[j]![p]! + dirJ * moveJ;
  const iOnQ = y[i]![q]! + dirI * moveI;
  if (gain < EPS || moveI <= EPS || moveJ <= EPS || moveI > 100 || moveJ > 100) return null;
  if (jOnP < -EPS || jOnP > 100 + EPS || iOnQ < -EPS || iOnQ > 100 + EPS) return null;
  const dj = state.direction[j]![p]!;
  const di = state.direction[i]![q]!;
  if ((dj !== 0 && dj !== dirJ) || (di !== 0 && di !== dirI)) return null;
  return { ...cand, jOnP: Math.min(100, Math.max(0, jOnP)), iOnQ: Math.min(100, Math.max(0, iOnQ)), gain };
}

/** All candidate exchanges at the start of a round (baselines.md §4 step 2). */
function candidates(state: State, nIssues: number): Candidate[] {
  const n = state.y.length;
  const outcome = Array.from({ length: nIssues }, (_, d) => nbs(state, d));
  const left = (k: number, d: number) => state.y[k]![d]! <= outcome[d]!;
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
        }
      }
    }
  }
  return list;
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
    let pending = candidates(state, nIssues)
      .map((cand) => sizeExchange(state, cand))
      .filter((e): e is Sized => e !== null);
    while (pending.length > 0) {
      let best = pending[0]!;
      for (const e of pending) if (e.gain > best.gain) best = e;
      state.direction[best.j]![best.p] = Math.sign(best.jOnP - state.y[best.j]![best.p]!);
      state.direction[best.i]![best.q] = Math.sign(best.iOnQ - state.y[best.i]![best.q]!);
      state.y[best.j]![best.p] = best.jOnP;
      state.y[best.i]![best.q] = best.iOnQ;
      executed.push({
        round,
        i: best.i,
        j: best.j,
        p: best.p,
        q: best.q,
        jOnP: best.jOnP,
        iOnQ: best.iOnQ,
        gain: best.gain,
      });
      const touched = (e: Candidate) =>
        (e.i === best.i || e.j === best.i || e.i === best.j || e.j === best.j) &&
        (e.p === best.p || e.q === best.p || e.p === best.q || e.q === best.q);
      const next: Sized[] = [];
      for (const e of pending) {
        if (e === best) continue;
        if (!touched(e)) next.push(e);
        else {
          const resized = sizeExchange(state, e);
          if (resized) next.push(resized);
        }
      }
      pending = next;
    }
    outcomes.push(input.dimensions.map((_, d) => nbs(state, d)));
    rounds.push(state.y.map((row) => [...row]));
    // Next start: x' = (1 − s)·0.4·y + 0.1·y + (1 − 0.4(1 − s) − 0.1)·x (baselines.md §4 step 7).
    x = x.map((row, k) =>
      row.map((xd, d) => {
        const sk = input.salience[k]![d]!;
        const yd = state.y[k]![d]!;
        return (1 - sk) * 0.4 * yd + 0.1 * yd + (1 - 0.4 * (1 - sk) - 0.1) * xd;
      }),
    );
  }
  return {
    model: 'exchange',
    outcome: outcomes[outcomes.length - 1]!,
    rounds,
    outcomes,
    warnings,
    exchanges: executed,
  };
}
