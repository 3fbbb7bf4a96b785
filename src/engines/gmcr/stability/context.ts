/** What every all-states stability concept shares: the players, their move lists, reachability minima. */
import type { SanctionSearch } from '../direct.js';
import type { GmcrModel } from '../model.js';
import { improvementLists, moveLists, type Adjacency, type Player } from '../moves.js';
import { closureMinima, componentLabels, componentMinima, eachOnceMinima } from '../reach.js';

export interface StabilityContext {
  model: GmcrModel;
  players: Player[];
  sanctions: SanctionSearch;
  /** Lazily built adjacency lists per player: all moves, and improvements only. */
  moves: (Adjacency | undefined)[];
  improvements: (Adjacency | undefined)[];
  /** Per focal player: component labels of its opponents' (reversible) move graph, shared by GMR and SMR. */
  components: (Int32Array | undefined)[];
}

export function createContext(
  model: GmcrModel,
  players: Player[],
  sanctions: SanctionSearch,
): StabilityContext {
  return {
    model,
    players,
    sanctions,
    moves: players.map(() => undefined),
    improvements: players.map(() => undefined),
    components: players.map(() => undefined),
  };
}

export function movesOf(ctx: StabilityContext, pi: number): Adjacency {
  return (ctx.moves[pi] ??= moveLists(ctx.model, ctx.players[pi]!));
}

export function improvementsOf(ctx: StabilityContext, pi: number): Adjacency {
  return (ctx.improvements[pi] ??= improvementLists(ctx.model, ctx.players[pi]!));
}

/** For every state x: min of each value array over x and what the opponents of players[pi] can reach. */
export function opponentMinima(
  ctx: StabilityContext,
  pi: number,
  uiOnly: boolean,
  values: Int32Array[],
): Int32Array[] {
  const others = ctx.players.map((_, k) => k).filter((k) => k !== pi);
  if (ctx.sanctions === 'standard' && !uiOnly && others.every((k) => ctx.players[k]!.reversible))
    return componentMinima(
      (ctx.components[pi] ??= componentLabels(
        ctx.model,
        others.map((k) => ctx.players[k]!),
      )),
      values,
    );
  const lists = others.map((k) => (uiOnly ? improvementsOf(ctx, k) : movesOf(ctx, k)));
  return ctx.sanctions === 'standard'
    ? closureMinima(ctx.model.n, lists, values)
    : eachOnceMinima(ctx.model.n, lists, values);
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
  const { start, list } = improvementsOf(ctx, pi);
  const out = new Uint8Array(model.n);
  const K = values.length;
  for (let s = 0; s < model.n; s++) {
    let ok = 1;
    for (let k = start[s]!; k < start[s + 1]! && ok; k++) {
      const s1 = list[k]!;
      let sanctioned = false;
      for (let x = 0; x < K && !sanctioned; x++) sanctioned = minima[x]![s1]! <= values[x]![s]!;
      if (!sanctioned) ok = 0;
    }
    out[s] = ok;
  }
  return out;
}
