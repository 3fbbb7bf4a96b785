/**
 * Preferences as integer payoffs per state (higher = more preferred, equal = indifferent), from option
 * prioritization or an explicit ranking (GMCR.md §1.4; Fang, Hipel & Kilgour 1993, ch. 4; the GMCR+ guide).
 */
import { anyTermMatches, patternOf, type BitTerm } from './states.js';

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
