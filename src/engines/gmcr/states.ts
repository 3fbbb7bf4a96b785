/**
 * States of a graph model: option combinations as integer codes (bit k = option k in the grouped order,
 * docs/models/GMCR.md §1.1), enumeration of the feasible ones in ascending code order (= ordered state numbers), and a
 * code → index lookup. Enumeration backtracks over the options from the highest bit down and prunes as soon
 * as an infeasible condition is decided, so its cost follows the feasible states, not 2^m (the series-C
 * lesson of docs/models/GMCR.md §8).
 */

/** A term over bits: it matches code c iff (c & mask) === value. */
export interface BitTerm {
  mask: number;
  value: number;
}

/** The most options a conflict may have: codes must stay exact 31-bit integers. */
export const MAX_OPTIONS = 30;

export function termMatches(t: BitTerm, code: number): boolean {
  return (code & t.mask) === t.value;
}

export function anyTermMatches(terms: readonly BitTerm[], code: number): boolean {
  for (const t of terms) if ((code & t.mask) === t.value) return true;
  return false;
}

export interface Enumeration {
  /** Feasible codes in ascending order (empty when only counting). */
  codes: Int32Array;
  /** Number of feasible states found (stops at limit + 1). */
  count: number;
  /** True when the count passed `limit` and enumeration stopped. */
  truncated: boolean;
}

/**
 * Feasible states of an m-option conflict: codes 0..2^m−1 matching none of the infeasible terms. With
 * `countOnly`, codes are not stored. Stops after `limit + 1` states.
 */
export function enumerateFeasible(
  m: number,
  infeasible: readonly BitTerm[],
  limit: number,
  countOnly = false,
): Enumeration {
  if (infeasible.some((t) => t.mask === 0)) return { codes: new Int32Array(0), count: 0, truncated: false };
  // Terms grouped by their lowest bit: a term is decided once that bit is assigned (high bits go first).
  const byLowBit: BitTerm[][] = Array.from({ length: m }, () => []);
  for (const t of infeasible) byLowBit[31 - Math.clz32(t.mask & -t.mask)]!.push(t);
  let codes = new Int32Array(countOnly ? 0 : Math.min(limit + 1, 1024));
  let count = 0;
  let stop = false;
  const emit = (code: number) => {
    if (!countOnly) {
      if (count === codes.length) {
        const bigger = new Int32Array(Math.min(limit + 1, codes.length * 2));
        bigger.set(codes);
        codes = bigger;
      }
      codes[count] = code;
    }
    count++;
    if (count > limit) stop = true;
  };
  if (m === 0) {
    emit(0);
    return { codes: codes.subarray(0, count), count, truncated: stop };
  }
  const visit = (bit: number, partial: number): void => {
    for (let v = 0; v < 2 && !stop; v++) {
      const code = v ? partial | (1 << bit) : partial;
      if (anyTermMatches(byLowBit[bit]!, code)) continue;
      if (bit === 0) emit(code);
      else visit(bit - 1, code);
    }
  };
  visit(m - 1, 0);
  return { codes: countOnly ? codes : codes.slice(0, Math.min(count, limit + 1)), count, truncated: stop };
}

/** Code → state index (−1 when the code is infeasible): a dense table for small m, a hash map otherwise. */
export class StateIndex {
  /** The dense table (code → index or −1) when m is small enough; hot loops read it directly. */
  readonly table: Int32Array | undefined;
  private readonly map: Map<number, number> | undefined;

  constructor(codes: Int32Array, m: number) {
    if (m <= 22 && 1 << m <= Math.max(64, codes.length * 16)) {
      this.table = new Int32Array(1 << m).fill(-1);
      for (let i = 0; i < codes.length; i++) this.table[codes[i]!] = i;
    } else {
      this.map = new Map();
      for (let i = 0; i < codes.length; i++) this.map.set(codes[i]!, i);
    }
  }

  get(code: number): number {
    if (this.table) return code >= 0 && code < this.table.length ? this.table[code]! : -1;
    return this.map!.get(code) ?? -1;
  }
}

/** The Y/N string of a code: character k is option k. */
export function ynOf(code: number, m: number): string {
  let s = '';
  for (let k = 0; k < m; k++) s += code & (1 << k) ? 'Y' : 'N';
  return s;
}

/** Parses a full Y/N string (no `-`) into a code; undefined when malformed. */
export function codeOfYn(yn: string, m: number): number | undefined {
  if (yn.length !== m || !/^[YN]*$/.test(yn)) return undefined;
  let code = 0;
  for (let k = 0; k < m; k++) if (yn[k] === 'Y') code |= 1 << k;
  return code;
}

/** The Y/N/− pattern of a term. */
export function patternOf(t: BitTerm, m: number): string {
  let s = '';
  for (let k = 0; k < m; k++) s += t.mask & (1 << k) ? (t.value & (1 << k) ? 'Y' : 'N') : '-';
  return s;
}
