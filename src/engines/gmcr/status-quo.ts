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
  /** With `tree: true`: every move to the depth. */
  tree?: MoveTree;
}

export interface StatusQuoOptions {
  depth?: number;
  coalitions?: readonly (readonly number[])[];
  /** Also return the full move tree to `depth` (every move, not only shortest paths). */
  tree?: boolean;
  /** Most nodes in the tree (default 20,000); beyond it the tree is cut and marked truncated. */
  maxTreeNodes?: number;
}

/** A node of the move tree: the state reached, who moved there and whether it was an improvement for them. */
export interface MoveTreeNode {
  state: number;
  /** Player index that moved into this state (absent at the root). */
  player?: number;
  improvement?: boolean;
  children: MoveTreeNode[];
}

export interface MoveTree {
  root: MoveTreeNode;
  depth: number;
  nodes: number;
  truncated: boolean;
}

/**
 * Every evolution of the conflict from `from` (1-based) to `depth` steps: at each step any player but the last
 * mover makes any of its moves. The tree grows as (moves per state)^depth, so it is cut at `maxNodes`.
 */
export function moveTree(
  model: GmcrModel,
  from: number,
  opts: { depth?: number; coalitions?: readonly (readonly number[])[]; maxNodes?: number } = {},
): MoveTree {
  const depth = opts.depth ?? 3;
  const maxNodes = opts.maxNodes ?? 20_000;
  const players = buildPlayers(model, opts.coalitions ?? model.coalitions);
  let nodes = 1;
  let truncated = false;
  const root: MoveTreeNode = { state: from, children: [] };
  let frontier: { node: MoveTreeNode; last: number }[] = [{ node: root, last: -1 }];
  for (let level = 1; level <= depth && frontier.length && !truncated; level++) {
    const next: { node: MoveTreeNode; last: number }[] = [];
    for (const { node, last } of frontier) {
      const s = node.state - 1;
      players.forEach((p, q) => {
        if (q === last || truncated) return;
        for (const t of movesFrom(model, p, s)) {
          if (nodes >= maxNodes) {
            truncated = true;
            return;
          }
          const child: MoveTreeNode = {
            state: t + 1,
            player: q,
            improvement: improves(model, p, s, t),
            children: [],
          };
          node.children.push(child);
          nodes++;
          next.push({ node: child, last: q });
        }
      });
    }
    frontier = next;
  }
  return { root, depth, nodes, truncated };
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
    ...(opts.tree
      ? { tree: moveTree(model, from, { depth, coalitions: opts.coalitions, maxNodes: opts.maxTreeNodes }) }
      : {}),
  };
}
