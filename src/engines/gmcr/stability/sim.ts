/**
 * Simultaneous sanctioning (Fang, Hipel & Kilgour 1993, §3.2; GMCR.md §2.2): each improvement of the player
 * is sanctioned if the others, each staying or taking one of its own improvements from s at the same moment,
 * can produce a feasible combined state no better for the player than s. Codes add because the players'
 * options are disjoint. All choices are enumerated afresh for every improvement (gmcr-py's exhausted-iterator
 * defect, GMCR.md §6 item 2, is not reproduced).
 */
import { improvementsOf, type StabilityContext } from './context.js';

export function simStability(ctx: StabilityContext, pi: number): Uint8Array {
  const { model, players } = ctx;
  const n = model.n;
  const codes = model.codes;
  const pays = players[pi]!.members.map((i) => model.payoffs[i]!);
  const own = improvementsOf(ctx, pi);
  const others = players.map((_, k) => improvementsOf(ctx, k)).filter((_, k) => k !== pi);
  const r = others.length;
  // Odometer over the others' choices: digit q in 0..count[q] (0 = stay), offsets into their lists.
  const count = new Int32Array(r);
  const first = new Int32Array(r);
  const digit = new Int32Array(r);
  const sanction = (s: number, t: number) => {
    for (const pay of pays) if (pay[t]! <= pay[s]!) return true;
    return false;
  };
  const out = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (own.start[s + 1] === own.start[s]) {
      out[s] = 1;
      continue;
    }
    let anyMove = false;
    for (let q = 0; q < r; q++) {
      first[q] = others[q]!.start[s]!;
      count[q] = others[q]!.start[s + 1]! - first[q]!;
      if (count[q]! > 0) anyMove = true;
    }
    if (!anyMove) continue; // unstable: nobody can answer
    const base = codes[s]!;
    let stable = 1;
    for (let k = own.start[s]!; k < own.start[s + 1]! && stable; k++) {
      const c1 = codes[own.list[k]!]!;
      digit.fill(0);
      let found = false;
      // Advance the odometer; the all-stay combination (every digit 0) is skipped.
      for (;;) {
        let q = 0;
        while (q < r && digit[q] === count[q]) digit[q++] = 0;
        if (q === r) break;
        digit[q]!++;
        let code = c1;
        for (let x = 0; x < r; x++)
          if (digit[x]! > 0) code += codes[others[x]!.list[first[x]! + digit[x]! - 1]!]! - base;
        const t = model.index.get(code);
        if (t >= 0 && sanction(s, t)) {
          found = true;
          break;
        }
      }
      if (!found) stable = 0;
    }
    out[s] = stable;
  }
  return out;
}
