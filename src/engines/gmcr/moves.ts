/**
 * Unilateral moves (docs/models/GMCR.md §1.3) of players — single decision makers or coalitions (§3). A player's moves
 * from s go to the feasible states that differ from s only in the player's options, so the states split into
 * groups sharing all other options; the engine keeps those groups (O(states) memory per player) and filters
 * irreversible and misperceived moves on the fly instead of storing an adjacency matrix.
 */
import type { GmcrModel } from './model.js';

export interface Player {
  name: string;
  /** Decision-maker indices; one for a single decision maker. */
  members: number[];
  /** Bits of the options the player controls. */
  mask: number;
  /** 1 where some member perceives the state; null when the player perceives every state. */
  perceived: Uint8Array | null;
  /** groupOf[s]: s's group; the group's states are groupMembers[groupStart[g] .. groupStart[g+1]). */
  groupOf: Int32Array;
  groupStart: Int32Array;
  groupMembers: Int32Array;
  /** True when every move of the player can be reversed (no irreversible option, full perception aside). */
  reversible: boolean;
}

/** The players of a partition of the decision makers (default: everyone alone). */
export function buildPlayers(model: GmcrModel, partition?: readonly (readonly number[])[]): Player[] {
  const parts = partition ?? model.dms.map((_, i) => [i]);
  return parts.map((members) => buildPlayer(model, [...members]));
}

export function buildPlayer(model: GmcrModel, members: number[]): Player {
  const { codes, n } = model;
  let mask = 0;
  for (const i of members) mask |= model.dms[i]!.mask;
  let perceived: Uint8Array | null = null;
  if (members.every((i) => model.perceived[i] !== null)) {
    perceived = new Uint8Array(n);
    for (const i of members) {
      const p = model.perceived[i]!;
      for (let s = 0; s < n; s++) perceived[s]! |= p[s]!;
    }
  }
  const groupOf = new Int32Array(n);
  const keyToGroup = new Map<number, number>();
  for (let s = 0; s < n; s++) {
    const key = codes[s]! & ~mask;
    let g = keyToGroup.get(key);
    if (g === undefined) {
      g = keyToGroup.size;
      keyToGroup.set(key, g);
    }
    groupOf[s] = g;
  }
  const groups = keyToGroup.size;
  const groupStart = new Int32Array(groups + 1);
  for (let s = 0; s < n; s++) groupStart[groupOf[s]! + 1]!++;
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  const fill = groupStart.slice(0, groups);
  const groupMembers = new Int32Array(n);
  for (let s = 0; s < n; s++) groupMembers[fill[groupOf[s]!]!++] = s;
  const reversible = ((model.fwdMask | model.backMask) & mask) === 0;
  const name = members.map((i) => model.dms[i]!.name).join(' + ');
  return { name, members, mask, perceived, groupOf, groupStart, groupMembers, reversible };
}

/** Whether the player may move from state index `from` to `to` (same group assumed, from ≠ to). */
export function canMove(model: GmcrModel, p: Player, from: number, to: number): boolean {
  const a = model.codes[from]!;
  const b = model.codes[to]!;
  if ((a & ~b & model.fwdMask) !== 0 || (~a & b & model.backMask) !== 0) return false;
  return p.perceived === null || (p.perceived[from] === 1 && p.perceived[to] === 1);
}

/** Whether moving from `from` to `to` makes every member of the player strictly better off. */
export function improves(model: GmcrModel, p: Player, from: number, to: number): boolean {
  for (const i of p.members) {
    const pay = model.payoffs[i]!;
    if (pay[to]! <= pay[from]!) return false;
  }
  return true;
}

/** The player's unilateral moves from s (R_p(s)), as state indices. */
export function movesFrom(model: GmcrModel, p: Player, s: number): number[] {
  const out: number[] = [];
  const g = p.groupOf[s]!;
  for (let k = p.groupStart[g]!; k < p.groupStart[g + 1]!; k++) {
    const t = p.groupMembers[k]!;
    if (t !== s && canMove(model, p, s, t)) out.push(t);
  }
  return out;
}

/** The player's unilateral improvements from s (R⁺_p(s)). */
export function improvementsFrom(model: GmcrModel, p: Player, s: number): number[] {
  return movesFrom(model, p, s).filter((t) => improves(model, p, s, t));
}

/**
 * Whether state t counts as a sanction against player p relative to s: for a single decision maker
 * t ⪯ s; for a coalition, not every member strictly better off (docs/models/GMCR.md §2.2, §3).
 */
export function isSanction(model: GmcrModel, p: Player, s: number, t: number): boolean {
  for (const i of p.members) {
    const pay = model.payoffs[i]!;
    if (pay[t]! <= pay[s]!) return true;
  }
  return false;
}

/** Compressed adjacency lists: the targets of state s are list[start[s] .. start[s+1]). */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

/** All unilateral moves of the player, as adjacency lists (memory grows with the number of moves). */
export function moveLists(model: GmcrModel, p: Player): Adjacency {
  return adjacency(model, p, false);
}

/** The player's unilateral improvements from every state, as adjacency lists. */
export function improvementLists(model: GmcrModel, p: Player): Adjacency {
  return adjacency(model, p, true);
}

function adjacency(model: GmcrModel, p: Player, uiOnly: boolean): Adjacency {
  const { n, codes, fwdMask, backMask } = model;
  const perceived = p.perceived;
  const pays = p.members.map((i) => model.payoffs[i]!);
  const single = pays.length === 1 ? pays[0]! : null;
  const start = new Int32Array(n + 1);
  let buf = new Int32Array(Math.max(64, n * 4));
  let len = 0;
  for (let s = 0; s < n; s++) {
    start[s] = len;
    if (perceived !== null && perceived[s] === 0) continue;
    const a = codes[s]!;
    const g = p.groupOf[s]!;
    const end = p.groupStart[g + 1]!;
    for (let k = p.groupStart[g]!; k < end; k++) {
      const t = p.groupMembers[k]!;
      if (t === s) continue;
      const b = codes[t]!;
      if (((a & ~b & fwdMask) | (~a & b & backMask)) !== 0) continue;
      if (perceived !== null && perceived[t] === 0) continue;
      if (uiOnly) {
        if (single !== null) {
          if (single[t]! <= single[s]!) continue;
        } else if (!pays.every((pay) => pay[t]! > pay[s]!)) continue;
      }
      if (len === buf.length) {
        const bigger = new Int32Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      buf[len++] = t;
    }
  }
  start[n] = len;
  return { start, list: buf.slice(0, len) };
}
