/**
 * Convergence of the iterative models (BDM, SMP, exchange), read from the sequence of states they visit.
 *
 * The rule (also in README.md "Convergence"): with states S_0 (the input) … S_T (after the last round), compared
 * with an absolute tolerance of 1e-7 points —
 * - **converged** when S_T = S_{T−1}; `round` is the first round t from which every later state equals S_t.
 * - **cycling** otherwise, when for the smallest period p ≥ 2 with 2p − 1 ≤ T the last p states repeat the p
 *   before them; the cycle starts at the first round from which S_t = S_{t+p} holds to the end. The forecast of
 *   a cycling issue is the mean of the outcomes over one period, with their range; the value of the last round
 *   depends only on when the run stopped.
 * - **not-converged** when the states still move and no cycle shows within the rounds run.
 * A model may override the first rule with its own stop rule (SMP: KTAB's fractional-change test).
 * The non-iterative models (compromise, median, Nash) report `closed-form`.
 */

export type ConvergenceStatus = 'converged' | 'cycling' | 'not-converged' | 'closed-form';

export interface Cycle {
  period: number;
  /** First round of the cycle. */
  start: number;
  /** The outcomes visited over one period, from `start`. */
  values: number[];
  mean: number;
  min: number;
  max: number;
  /** The outcome of the last round (what a naive reading would have reported). */
  last: number;
}

export interface IssueConvergence {
  issue: string;
  status: ConvergenceStatus;
  /** Round at which the issue converged (status converged) or its cycle started (cycling); null otherwise. */
  round: number | null;
  /** Rounds run (states after the initial one). */
  rounds: number;
  cycle?: Cycle;
}

export interface Convergence {
  /** The worst status over the issues: cycling > not-converged > converged > closed-form. */
  status: ConvergenceStatus;
  issues: IssueConvergence[];
}

export const CONVERGENCE_TOLERANCE = 1e-7;

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, k) => Math.abs(v - b[k]!) <= CONVERGENCE_TOLERANCE);

/** Status, round and period of a state sequence (states[t] flat numbers); see the rule above. */
export function detectConvergence(states: readonly (readonly number[])[]): {
  status: 'converged' | 'cycling' | 'not-converged';
  round: number | null;
  period?: number;
} {
  const T = states.length - 1;
  if (T < 1) return { status: 'converged', round: 0 };
  if (same(states[T]!, states[T - 1]!)) {
    let t = T - 1;
    while (t > 0 && same(states[t]!, states[t - 1]!)) t--;
    return { status: 'converged', round: t };
  }
  for (let p = 2; 2 * p - 1 <= T; p++) {
    let repeats = true;
    for (let k = 0; k < p && repeats; k++) repeats = same(states[T - k]!, states[T - k - p]!);
    if (!repeats) continue;
    let start = T - 2 * p + 1;
    while (start > 0 && same(states[start - 1]!, states[start - 1 + p]!)) start--;
    return { status: 'cycling', round: start, period: p };
  }
  return { status: 'not-converged', round: null };
}

/** One issue's convergence from its states and outcomes by round. */
export function issueConvergence(
  issue: string,
  states: readonly (readonly number[])[],
  outcomes: readonly number[],
): IssueConvergence {
  const found = detectConvergence(states);
  const rounds = states.length - 1;
  if (found.status !== 'cycling') return { issue, status: found.status, round: found.round, rounds };
  return {
    issue,
    status: 'cycling',
    round: found.round,
    rounds,
    cycle: cycleOf(outcomes, found.round!, found.period!),
  };
}

/** The cycle's outcomes over one period from `start`, with their mean and range. */
export function cycleOf(outcomes: readonly number[], start: number, period: number): Cycle {
  const values = outcomes.slice(start, start + period);
  return {
    period,
    start,
    values,
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    last: outcomes[outcomes.length - 1]!,
  };
}

const RANK: Record<ConvergenceStatus, number> = {
  'closed-form': 0,
  converged: 1,
  'not-converged': 2,
  cycling: 3,
};

export function combineConvergence(issues: IssueConvergence[]): Convergence {
  let status: ConvergenceStatus = 'closed-form';
  for (const i of issues) if (RANK[i.status] > RANK[status]) status = i.status;
  return { status, issues };
}

/** Every issue closed-form (compromise, median, Nash). */
export function closedForm(issueIds: readonly string[]): Convergence {
  return {
    status: 'closed-form',
    issues: issueIds.map((issue) => ({ issue, status: 'closed-form', round: null, rounds: 0 })),
  };
}

/** The outcome a forecast reports: the cycle's mean where an issue cycles, else the last round's value. */
export function reportedOutcome(last: readonly number[], convergence: Convergence): number[] {
  return last.map((v, d) => convergence.issues[d]?.cycle?.mean ?? v);
}

/** Warnings naming each cycling or unconverged issue. */
export function convergenceWarnings(convergence: Convergence): string[] {
  const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
  return convergence.issues.flatMap((i) => {
    if (i.status === 'cycling' && i.cycle && i.cycle.min === i.cycle.max)
      return [
        `${i.issue}: positions cycle with period ${i.cycle.period} from round ${i.cycle.start}, but the outcome stays at ${fmt(i.cycle.mean)}`,
      ];
    if (i.status === 'cycling' && i.cycle)
      return [
        `${i.issue}: cycles with period ${i.cycle.period} from round ${i.cycle.start} (values ${i.cycle.values.map(fmt).join(' ↔ ')}); the forecast is the cycle's mean ${fmt(i.cycle.mean)}, range ${fmt(i.cycle.min)}–${fmt(i.cycle.max)}`,
      ];
    if (i.status === 'not-converged')
      return [`${i.issue}: still moving after ${i.rounds} rounds (not converged)`];
    return [];
  });
}
