/** What every all-states stability concept shares: the players, the sanction search, reachability minima. */
import type { SanctionSearch } from '../direct.js';
import type { GmcrModel } from '../model.js';
import { canMove, improves, type Player } from '../moves.js';
import { closureMinima, eachOnceMinima } from '../reach.js';

export interface StabilityContext {
  model: GmcrModel;
  players: Player[];
  sanctions: SanctionSearch;
}

export function opponentsOf(ctx: StabilityContext, pi: number): Player[] {
  return ctx.players.filter((_, k) => k !== pi);
}

/** For every state x: min of each value array over x and what the opponents of players[pi] can reach. */
export function opponentMinima(
  ctx: StabilityContext,
  pi: number,
  uiOnly: boolean,
  values: Int32Array[],
): Int32Array[] {
  const movers = opponentsOf(ctx, pi);
  return ctx.sanctions === 'standard'
    ? closureMinima(ctx.model, movers, uiOnly, values)
    : eachOnceMinima(ctx.model, movers, uiOnly, values);
}

/** Calls `visit(s1)` for each improvement of player p from s until it returns false; returns whether all passed. */
export function everyImprovement(
  model: GmcrModel,
  p: Player,
  s: number,
  visit: (s1: number) => boolean,
): boolean {
  const g = p.groupOf[s]!;
  for (let k = p.groupStart[g]!; k < p.groupStart[g + 1]!; k++) {
    const t = p.groupMembers[k]!;
    if (t === s || !canMove(model, p, s, t) || !improves(model, p, s, t)) continue;
    if (!visit(t)) return false;
  }
  return true;
}

/**
 * The GMR / SEQ test for every state: each improvement s1 must reach (by any opponent moves, or by opponent
 * improvements for SEQ) a state where some member of the player is no better off than at s.
 */
export function sanctionStability(ctx: StabilityContext, pi: number, uiOnly: boolean): Uint8Array {
  const { model } = ctx;
  const p = ctx.players[pi]!;
  const values = p.members.map((i) => model.payoffs[i]!);
  const minima = opponentMinima(ctx, pi, uiOnly, values);
  const out = new Uint8Array(model.n);
  for (let s = 0; s < model.n; s++) {
    const ok = everyImprovement(model, p, s, (s1) => {
      for (let x = 0; x < values.length; x++) if (minima[x]![s1]! <= values[x]![s]!) return true;
      return false;
    });
    out[s] = ok ? 1 : 0;
  }
  return out;
}
