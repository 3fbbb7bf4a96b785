/**
 * Preferences as integer payoffs per state (higher = more preferred, equal = indifferent), from option
 * prioritization or an explicit ranking (docs/models/GMCR.md §1.4; Fang, Hipel & Kilgour 1993, ch. 4; the GMCR+ guide).
 */
import { anyTermMatches, codeOfYn, patternOf, type BitTerm, type StateIndex } from './states.js';
import type { GmcrIssue, GmcrRankingEntry } from './types.js';

/** Statements beyond this count would overflow exact weights 2^(P−1−k). */
export const MAX_STATEMENTS = 50;

/** Canonical key of a statement: the sorted set of its member patterns (gmcr-py's duplicate rule). */
export function statementKey(terms: readonly BitTerm[], m: number): string {
  return [...new Set(terms.map((t) => patternOf(t, m)))].sort().join('|');
}

/** Drops statements that repeat an earlier one; returns the kept ones and the indices of the dropped. */
export function dedupeStatements(
  statements: readonly (readonly BitTerm[])[],
  m: number,
): { kept: (readonly BitTerm[])[]; dropped: number[] } {
  const seen = new Set<string>();
  const kept: (readonly BitTerm[])[] = [];
  const dropped: number[] = [];
  statements.forEach((s, k) => {
    const key = statementKey(s, m);
    if (seen.has(key)) dropped.push(k);
    else {
      seen.add(key);
      kept.push(s);
    }
  });
  return { kept, dropped };
}

/**
 * Option prioritization: statement k (most important first) weighs 2^(P−1−k); a state's raw score sums the
 * weights of the statements it satisfies; payoffs are the dense ranking of the distinct raw scores (lowest =
 * 1), so the order is lexicographic over the statements and equal scores tie.
 */
export function payoffsFromStatements(
  codes: Int32Array,
  statements: readonly (readonly BitTerm[])[],
): Int32Array {
  const p = statements.length;
  const raw = new Float64Array(codes.length);
  for (let k = 0; k < p; k++) {
    const weight = 2 ** (p - 1 - k);
    const terms = statements[k]!;
    for (let s = 0; s < codes.length; s++) if (anyTermMatches(terms, codes[s]!)) raw[s]! += weight;
  }
  return denseRank(raw);
}

/** Dense ranking: the lowest value gets 1, the next distinct value 2, and so on. */
export function denseRank(values: ArrayLike<number>): Int32Array {
  const distinct = [...new Set(Array.from(values))].sort((a, b) => a - b);
  const rank = new Map(distinct.map((v, k) => [v, k + 1]));
  const out = new Int32Array(values.length);
  for (let s = 0; s < values.length; s++) out[s] = rank.get(values[s]!)!;
  return out;
}

/** Explicit ranking: groups of state indices, most preferred first; payoff = n − group index (gmcr-py). */
export function payoffsFromRanking(n: number, groups: readonly (readonly number[])[]): Int32Array {
  const out = new Int32Array(n);
  groups.forEach((g, k) => {
    for (const s of g) out[s] = n - k;
  });
  return out;
}

/** The ranking a payoff vector expresses: ordered state numbers, most preferred first, ties as groups. */
export function rankingOf(payoffs: ArrayLike<number>): (number | number[])[] {
  const byPayoff = new Map<number, number[]>();
  for (let s = 0; s < payoffs.length; s++) {
    const p = payoffs[s]!;
    const g = byPayoff.get(p);
    if (g) g.push(s + 1);
    else byPayoff.set(p, [s + 1]);
  }
  return [...byPayoff.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => (g.length === 1 ? g[0]! : g));
}

/** Resolves ranking entries (ordered numbers or Y/N strings) to groups of state indices, checking coverage. */
export function resolveRanking(
  ranking: readonly GmcrRankingEntry[],
  m: number,
  codes: Int32Array,
  index: StateIndex,
  path: (string | number)[],
  err: (code: GmcrIssue['code'], path: (string | number)[], message: string, hint?: string) => void,
): number[][] | undefined {
  const n = codes.length;
  const placed = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  let bad = false;
  const resolve = (e: number | string, p: (string | number)[]): number | undefined => {
    if (typeof e === 'number') {
      if (!Number.isInteger(e) || e < 1 || e > n) {
        err(
          'bad_ranking',
          p,
          `state ${e} does not exist: feasible states are numbered 1..${n}`,
          'the numbering changes when feasibility conditions change; re-rank the states',
        );
        return undefined;
      }
      return e - 1;
    }
    const code = codeOfYn(e, m);
    if (code === undefined) {
      err(
        'bad_ranking',
        p,
        `"${e}" is not a state: write ${m} letters Y or N, one per option in decision-maker order`,
      );
      return undefined;
    }
    const s = index.get(code);
    if (s < 0) err('bad_ranking', p, `state ${e} is infeasible`, 'rank only feasible states');
    return s < 0 ? undefined : s;
  };
  ranking.forEach((entry, g) => {
    const members = typeof entry === 'object' ? entry : [entry];
    const group: number[] = [];
    members.forEach((e, k) => {
      const p = typeof entry === 'object' ? [...path, g, k] : [...path, g];
      const s = resolve(e, p);
      if (s === undefined) {
        bad = true;
        return;
      }
      if (placed[s] !== -1) {
        err('bad_ranking', p, `state ${s + 1} is ranked twice`, 'list every feasible state exactly once');
        bad = true;
        return;
      }
      placed[s] = g;
      group.push(s);
    });
    groups.push(group);
  });
  const missing: number[] = [];
  for (let s = 0; s < n; s++) if (placed[s] === -1) missing.push(s + 1);
  if (missing.length) {
    err(
      'bad_ranking',
      path,
      `the ranking leaves out state${missing.length > 1 ? 's' : ''} ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`,
      `every one of the ${n} feasible states must appear exactly once`,
    );
    bad = true;
  }
  return bad ? undefined : groups;
}
