/**
 * Status-quo analysis (docs/models/GMCR.md §4; Xu, Kilgour, Hipel & Kemkes, EJOR 207(1), 2010): how the conflict can
 * evolve from a starting state when, at each step, any player other than the one that moved last may make
 * one of its moves. A breadth-first search over (state, last mover) finds, within `depth` steps, the
 * shortest path to every reachable state, and the shortest path made of unilateral improvements only.
 */
import type { GmcrModel } from './model.js';
import { buildPlayers, improves, movesFrom } from './moves.js';

export interface Step {
  /** Player index (in the partition used). */
  player: number;
  from: number;
  to: number;
  /** Whether the move is an improvement for the player making it. */
  improvement: boolean;
}

export interface ReachedState {
  /** Ordered state number. */
  state: number;
  /** Fewest steps, any moves (undefined when not reached within the depth). */
  steps?: number;
  path?: Step[];
  /** Fewest steps using improvements only. */
  improvementSteps?: number;
  improvementPath?: Step[];
}

export interface StatusQuoResult {
  from: number;
  depth: number;
  players: { name: string; members: number[] }[];
  /** Every state reached within the depth (the start included, at 0 steps). */
  reached: ReachedState[];
  /** Number of distinct moves (edges of the evolution tree collapsed by state and last mover) per level. */
  movesPerLevel: number[];
}

export interface StatusQuoOptions {
  depth?: number;
  coalitions?: readonly (readonly number[])[];
}

/** From ordered state `from` (1-based). */
export function statusQuoAnalysis(
  model: GmcrModel,
  from: number,
  opts: StatusQuoOptions = {},
): StatusQuoResult {
  if (!Number.isInteger(from) || from < 1 || from > model.n)
    throw new RangeError(`engines/gmcr/status-quo: state ${from} does not exist (1..${model.n})`);
  const depth = opts.depth ?? 5;
  const players = buildPlayers(model, opts.coalitions ?? model.coalitions);
  const start = from - 1;
  const P = players.length;
  const search = (uiOnly: boolean) => {
    // Node = state * (P + 1) + (last mover + 1); parent pointers give the path.
    const parent = new Map<number, number>();
    const firstAt = new Map<number, number>();
    const firstNode = new Map<number, number>();
    let frontier = [start * (P + 1)];
    parent.set(start * (P + 1), -1);
    firstAt.set(start, 0);
    firstNode.set(start, start * (P + 1));
    const perLevel: number[] = [];
    for (let level = 1; level <= depth && frontier.length; level++) {
      const next: number[] = [];
      let edges = 0;
      for (const node of frontier) {
        const s = Math.floor(node / (P + 1));
        const last = (node % (P + 1)) - 1;
        players.forEach((p, q) => {
          if (q === last) return;
          for (const t of movesFrom(model, p, s)) {
            if (uiOnly && !improves(model, p, s, t)) continue;
            edges++;
            const child = t * (P + 1) + q + 1;
            if (parent.has(child)) continue;
            parent.set(child, node);
            next.push(child);
            if (!firstAt.has(t)) {
              firstAt.set(t, level);
              firstNode.set(t, child);
            }
          }
        });
      }
      perLevel.push(edges);
      frontier = next;
    }
    const pathTo = (t: number): Step[] => {
      const steps: Step[] = [];
      let node = firstNode.get(t)!;
      while (parent.get(node)! >= 0) {
        const prev = parent.get(node)!;
        const q = (node % (P + 1)) - 1;
        const a = Math.floor(prev / (P + 1));
        const b = Math.floor(node / (P + 1));
        steps.push({ player: q, from: a + 1, to: b + 1, improvement: improves(model, players[q]!, a, b) });
        node = prev;
      }
      return steps.reverse();
    };
    return { firstAt, pathTo, perLevel };
  };
  const any = search(false);
  const ui = search(true);
  const reached: ReachedState[] = [...any.firstAt.keys()]
    .sort((a, b) => a - b)
    .map((t) => ({
      state: t + 1,
      steps: any.firstAt.get(t),
      path: any.pathTo(t),
      improvementSteps: ui.firstAt.get(t),
      improvementPath: ui.firstAt.has(t) ? ui.pathTo(t) : undefined,
    }));
  return {
    from,
    depth,
    players: players.map((p) => ({ name: p.name, members: p.members })),
    reached,
    movesPerLevel: any.perLevel,
  };
}
