/**
 * Coalition analysis (docs/models/GMCR.md §3; Kilgour, Hipel, Fang & Peng, Group Decision and Negotiation 10, 2001):
 * a coalition moves as one player over the union of its members' options, and its improvement is a move
 * that makes every member strictly better off. Partition analysis reruns the stability concepts with the
 * coalitions as players; coalition-Nash stability asks that no group of decision makers, of any size, has a
 * coalitional improvement.
 */
import { analyzeStability, type StabilityOptions, type StabilityResult } from './analyze.js';
import type { GmcrModel } from './model.js';
import { buildPlayer, improvementsFrom } from './moves.js';
import type { StabilityConcept } from './types.js';

/** States the coalition (decision-maker indices) can reach in one joint move that all members prefer. */
export function coalitionImprovements(model: GmcrModel, members: readonly number[], s: number): number[] {
  return improvementsFrom(model, buildPlayer(model, [...members]), s);
}

export interface PartitionComparison {
  partition: number[][];
  withCoalitions: StabilityResult;
  alone: StabilityResult;
  /** Per concept: equilibria lost (no longer equilibria) and gained when the coalitions act together. */
  lost: Partial<Record<StabilityConcept, number[]>>;
  gained: Partial<Record<StabilityConcept, number[]>>;
}

/** Stability with the coalitions acting as players, compared with every decision maker alone. */
export function analyzePartition(
  model: GmcrModel,
  partition: readonly (readonly number[])[],
  opts: StabilityOptions = {},
): PartitionComparison {
  const alone = analyzeStability(model, { ...opts, coalitions: model.dms.map((_, i) => [i]) });
  const withCoalitions = analyzeStability(model, { ...opts, coalitions: partition });
  const lost: Partial<Record<StabilityConcept, number[]>> = {};
  const gained: Partial<Record<StabilityConcept, number[]>> = {};
  for (const c of withCoalitions.concepts) {
    const a = new Set(alone.equilibria[c]);
    const w = new Set(withCoalitions.equilibria[c]);
    lost[c] = [...a].filter((s) => !w.has(s));
    gained[c] = [...w].filter((s) => !a.has(s));
  }
  return { partition: partition.map((p) => [...p]), withCoalitions, alone, lost, gained };
}

export interface CoalitionNashResult {
  /** Ordered numbers of the states from which no group of decision makers has a coalitional improvement. */
  stable: number[];
  /** For each other state: one blocking group and one improvement it has (first found, smallest groups first). */
  blocked: { state: number; coalition: number[]; to: number }[];
}

/** Refused above this many states: the grand coalition's moves number states². */
export const COALITION_NASH_MAX_STATES = 4096;

/** Coalition-Nash stability: every non-empty group of decision makers, smallest first. */
export function coalitionNash(model: GmcrModel): CoalitionNashResult {
  if (model.n > COALITION_NASH_MAX_STATES)
    throw new Error(
      `engines/gmcr/coalitions: coalition-Nash analysis is limited to ${COALITION_NASH_MAX_STATES} states (this conflict has ${model.n})`,
    );
  const d = model.dms.length;
  const groups: number[][] = [];
  for (let mask = 1; mask < 1 << d; mask++)
    groups.push(model.dms.map((_, i) => i).filter((i) => mask & (1 << i)));
  groups.sort((a, b) => a.length - b.length);
  const players = groups.map((g) => buildPlayer(model, g));
  const stable: number[] = [];
  const blocked: CoalitionNashResult['blocked'] = [];
  for (let s = 0; s < model.n; s++) {
    let hit: { coalition: number[]; to: number } | undefined;
    for (let k = 0; k < players.length && !hit; k++) {
      const ui = improvementsFrom(model, players[k]!, s);
      if (ui.length) hit = { coalition: groups[k]!, to: ui[0]! + 1 };
    }
    if (hit) blocked.push({ state: s + 1, ...hit });
    else stable.push(s + 1);
  }
  return { stable, blocked };
}

/**
 * Parses a partition written as in GMCR+ (`[1,2],3`, 1-based decision-maker numbers) or with ids/names joined
 * by `+` (`us+eu`); decision makers not mentioned act alone.
 */
export function parsePartition(
  text: string,
  model: GmcrModel,
): { ok: true; partition: number[][] } | { ok: false; message: string } {
  const groups: string[][] = [];
  const src = text.trim();
  let k = 0;
  while (k < src.length) {
    const ch = src[k]!;
    if (ch === ',' || ch === ' ' || ch === ';') {
      k++;
      continue;
    }
    if (ch === '[') {
      const end = src.indexOf(']', k);
      if (end < 0) return { ok: false, message: `unclosed "[" in "${text}"` };
      groups.push(
        src
          .slice(k + 1, end)
          .split(/[,+\s]+/)
          .filter(Boolean),
      );
      k = end + 1;
      continue;
    }
    let j = k;
    while (j < src.length && !/[,;\s[]/.test(src[j]!)) j++;
    groups.push(src.slice(k, j).split('+').filter(Boolean));
    k = j;
  }
  const resolve = (tok: string): number | undefined => {
    if (/^\d+$/.test(tok)) {
      const i = Number(tok) - 1;
      return i >= 0 && i < model.dms.length ? i : undefined;
    }
    const i = model.dms.findIndex((d) => d.id === tok || d.name.toLowerCase() === tok.toLowerCase());
    return i >= 0 ? i : undefined;
  };
  const seen = new Set<number>();
  const partition: number[][] = [];
  for (const g of groups) {
    const part: number[] = [];
    for (const tok of g) {
      const i = resolve(tok);
      if (i === undefined)
        return {
          ok: false,
          message: `"${tok}" is not a decision maker: use 1..${model.dms.length} or one of ${model.dms.map((d) => d.id).join(', ')}`,
        };
      if (seen.has(i)) return { ok: false, message: `${model.dms[i]!.name} appears twice in "${text}"` };
      seen.add(i);
      part.push(i);
    }
    if (part.length) partition.push(part);
  }
  model.dms.forEach((_, i) => {
    if (!seen.has(i)) partition.push([i]);
  });
  if (partition.length < 2)
    return {
      ok: false,
      message: 'a partition into a single coalition leaves nobody to sanction; keep at least two players',
    };
  return { ok: true, partition };
}
