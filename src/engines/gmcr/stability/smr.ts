/**
 * Symmetric metarationality (Fang, Hipel & Kilgour 1993, §3.2): every improvement s1 can be answered by an
 * opponent sequence to some s2 no better than s from which the player cannot escape to anything better than s.
 * For a single decision maker that is one number per state — the best the player can get at s2 by staying or
 * moving, v(s2) — and the test becomes min of v over the opponents' reach of s1 ≤ P(s). A coalition's
 * "escape" is judged member by member, which does not reduce to one number, so coalitions use direct search.
 */
import { isStableDirect } from '../direct.js';
import { canMove } from '../moves.js';
import { improvementsOf, opponentMinima, type StabilityContext } from './context.js';

export function smrStability(ctx: StabilityContext, pi: number): Uint8Array {
  const { model } = ctx;
  const p = ctx.players[pi]!;
  const out = new Uint8Array(model.n);
  if (p.members.length > 1) {
    for (let s = 0; s < model.n; s++)
      out[s] = isStableDirect(model, ctx.players, pi, s, 'SMR', { sanctions: ctx.sanctions }) ? 1 : 0;
    return out;
  }
  const pay = model.payoffs[p.members[0]!]!;
  const escape = new Int32Array(model.n);
  for (let s = 0; s < model.n; s++) {
    let best = pay[s]!;
    const g = p.groupOf[s]!;
    for (let k = p.groupStart[g]!; k < p.groupStart[g + 1]!; k++) {
      const t = p.groupMembers[k]!;
      if (t !== s && pay[t]! > best && canMove(model, p, s, t)) best = pay[t]!;
    }
    escape[s] = best;
  }
  const [minEscape] = opponentMinima(ctx, pi, false, [escape]);
  const { start, list } = improvementsOf(ctx, pi);
  for (let s = 0; s < model.n; s++) {
    let ok = 1;
    for (let k = start[s]!; k < start[s + 1]! && ok; k++) if (minEscape![list[k]!]! > pay[s]!) ok = 0;
    out[s] = ok;
  }
  return out;
}
