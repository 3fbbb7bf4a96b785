/**
 * Stability of one state for one player, searched straight from the definitions of docs/models/GMCR.md §2 (reachable
 * sets by breadth-first search over (state, last mover) pairs; gmcr-py's variant over (state, opponents
 * used)). Used where one state matters (inverse GMCR), for coalition SMR, and as the oracle the all-states
 * engine is tested against.
 */
import type { GmcrModel } from './model.js';
import { improves, improvementsFrom, isSanction, movesFrom, type Player } from './moves.js';
import type { StabilityConcept } from './types.js';

export type SanctionSearch = 'standard' | 'each-opponent-once';

export interface DirectOptions {
  sanctions?: SanctionSearch;
  /** How SEQ+SIM combines its parts: both (standard reference) or either (gmcr-py). */
  seqSim?: 'and' | 'or';
}

/**
 * R_H(start) (or R⁺_H with `uiOnly`): states reached by a non-empty legal sequence of moves of `movers`,
 * no mover twice in a row (standard) or each mover at most once (each-opponent-once).
 */
export function reachableFrom(
  model: GmcrModel,
  movers: Player[],
  start: number,
  uiOnly: boolean,
  search: SanctionSearch = 'standard',
): Set<number> {
  const reached = new Set<number>();
  const seen = new Set<string>();
  // tag = last mover + 1 (standard) or bitmask of movers used (each-once).
  const queue: [number, number][] = [[start, 0]];
  seen.add(`${start}:0`);
  while (queue.length) {
    const [s, tag] = queue.shift()!;
    movers.forEach((p, q) => {
      if (search === 'standard' ? tag === q + 1 : tag & (1 << q)) return;
      const nextTag = search === 'standard' ? q + 1 : tag | (1 << q);
      for (const t of movesFrom(model, p, s)) {
        if (uiOnly && !improves(model, p, s, t)) continue;
        reached.add(t);
        const key = `${t}:${nextTag}`;
        if (!seen.has(key)) {
          seen.add(key);
          queue.push([t, nextTag]);
        }
      }
    });
  }
  return reached;
}

/** Whether state s is stable for players[pi] under `concept`, by direct search. */
export function isStableDirect(
  model: GmcrModel,
  players: Player[],
  pi: number,
  s: number,
  concept: StabilityConcept,
  opts: DirectOptions = {},
): boolean {
  const p = players[pi]!;
  const others = players.filter((_, k) => k !== pi);
  const search = opts.sanctions ?? 'standard';
  const uis = improvementsFrom(model, p, s);
  const sanctioned = (t: number) => isSanction(model, p, s, t);
  switch (concept) {
    case 'Nash':
      return uis.length === 0;
    case 'GMR':
      return uis.every((s1) => [...reachableFrom(model, others, s1, false, search)].some(sanctioned));
    case 'SEQ':
      return uis.every((s1) => [...reachableFrom(model, others, s1, true, search)].some(sanctioned));
    case 'SMR':
      return uis.every((s1) =>
        [...reachableFrom(model, others, s1, false, search)].some(
          (s2) => sanctioned(s2) && movesFrom(model, p, s2).every(sanctioned),
        ),
      );
    case 'SIM':
      return simStableAt(model, players, pi, s, uis);
    case 'SEQ+SIM': {
      const seq = isStableDirect(model, players, pi, s, 'SEQ', opts);
      const sim = isStableDirect(model, players, pi, s, 'SIM', opts);
      return opts.seqSim === 'or' ? seq || sim : seq && sim;
    }
  }
}

/**
 * SIM at one state (docs/models/GMCR.md §2.2): every improvement s1 of the focal player must be met by some choice of
 * the others — each staying or taking one of its own improvements from s at the same time — whose combined
 * state is feasible and a sanction. Codes add because the players' options are disjoint.
 */
export function simStableAt(
  model: GmcrModel,
  players: Player[],
  pi: number,
  s: number,
  uis: readonly number[],
): boolean {
  if (uis.length === 0) return true;
  const p = players[pi]!;
  const base = model.codes[s]!;
  const deltas: number[][] = [];
  players.forEach((q, k) => {
    if (k === pi) return;
    const d = improvementsFrom(model, q, s).map((t) => model.codes[t]! - base);
    if (d.length) deltas.push(d);
  });
  if (deltas.length === 0) return false;
  const sanctionFrom = (code: number, depth: number, moved: boolean): boolean => {
    if (depth === deltas.length) {
      if (!moved) return false;
      const t = model.index.get(code);
      return t >= 0 && isSanction(model, p, s, t);
    }
    if (sanctionFrom(code, depth + 1, moved)) return true;
    for (const d of deltas[depth]!) if (sanctionFrom(code + d, depth + 1, true)) return true;
    return false;
  };
  return uis.every((s1) => sanctionFrom(model.codes[s1]!, 0, false));
}
