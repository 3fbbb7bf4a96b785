/**
 * Simultaneous sanctioning (Fang, Hipel & Kilgour 1993, §3.2; docs/models/GMCR.md §2.2): each improvement of the player
 * is sanctioned if the others, each staying or taking one of its own improvements from s at the same moment,
 * can produce a feasible combined state no better for the player than s. Codes add because the players'
 * options are disjoint, so the others' joint choices are listed once per state as code offsets and reused
 * for every improvement. All choices are checked for every improvement (gmcr-py's exhausted-iterator
 * defect, docs/models/GMCR.md §6 item 2, is not reproduced).
 */
import { improvementsOf, type StabilityContext } from './context.js';

export function simStability(ctx: StabilityContext, pi: number): Uint8Array {
  const { model, players } = ctx;
  const n = model.n;
  const codes = model.codes;
  const table = model.index.table;
  const pays = players[pi]!.members.map((i) => model.payoffs[i]!);
  const single = pays.length === 1 ? pays[0]! : null;
  const own = improvementsOf(ctx, pi);
  const others = players.map((_, k) => improvementsOf(ctx, k)).filter((_, k) => k !== pi);
  const r = others.length;
  const count = new Int32Array(r);
  const digit = new Int32Array(r);
  let offsets = new Int32Array(256);
  const indexOf = (code: number) =>
    table !== undefined ? (code >= 0 && code < table.length ? table[code]! : -1) : model.index.get(code);
  const sanction = (s: number, t: number) => {
    if (single !== null) return single[t]! <= single[s]!;
    for (const pay of pays) if (pay[t]! <= pay[s]!) return true;
    return false;
  };
  const out = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (own.start[s + 1] === own.start[s]) {
      out[s] = 1;
      continue;
    }
    // The others' joint choices as offsets from s's code (every digit 0 = all stay, left out).
    let combos = 1;
    for (let q = 0; q < r; q++) {
      count[q] = others[q]!.start[s + 1]! - others[q]!.start[s]!;
      combos *= count[q]! + 1;
    }
    if (combos === 1) continue; // nobody can answer: unstable
    if (offsets.length < combos) offsets = new Int32Array(combos * 2);
    const base = codes[s]!;
    let m = 0;
    // Single responses first (one other moves, the rest stay), then the joint ones: a sanction is usually
    // found among the former, so most improvements stop early.
    for (let q = 0; q < r; q++)
      for (let k = others[q]!.start[s]!; k < others[q]!.start[s + 1]!; k++)
        offsets[m++] = codes[others[q]!.list[k]!]! - base;
    digit.fill(0);
    for (;;) {
      let q = 0;
      while (q < r && digit[q] === count[q]) digit[q++] = 0;
      if (q === r) break;
      digit[q]!++;
      let d = 0;
      let moving = 0;
      for (let x = 0; x < r; x++)
        if (digit[x]! > 0) {
          d += codes[others[x]!.list[others[x]!.start[s]! + digit[x]! - 1]!]! - base;
          moving++;
        }
      if (moving > 1) offsets[m++] = d;
    }
    let stable = 1;
    for (let k = own.start[s]!; k < own.start[s + 1]! && stable; k++) {
      const c1 = codes[own.list[k]!]!;
      let found = false;
      for (let j = 0; j < m && !found; j++) {
        const t = indexOf(c1 + offsets[j]!);
        if (t >= 0 && sanction(s, t)) found = true;
      }
      if (!found) stable = 0;
    }
    out[s] = stable;
  }
  return out;
}
