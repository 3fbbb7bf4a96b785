/**
 * Inverse GMCR (docs/models/GMCR.md §5; Kinsara, Kilgour & Hipel, GDN 2014): which preference rankings make a chosen
 * state an equilibrium. For each decision maker a range of positions in its ranking is varied — every
 * permutation of the (tie) groups inside the range — jointly over all decision makers; each profile is
 * checked with the standard definitions (multi-opponent sanctions, sanctions ⪯), unlike gmcr-py's inverse
 * solver (single-opponent, strict sanctions; docs/models/GMCR.md §6 items 5–6).
 */
import { isStableDirect } from './direct.js';
import type { GmcrModel } from './model.js';
import { buildPlayers, improvementsFrom, movesFrom, type Player } from './moves.js';
import { rankingOf } from './preferences.js';
import type { StabilityConcept } from './types.js';

export interface InverseOptions {
  /** Per decision maker, the 1-based inclusive range of ranking positions to vary; absent = fixed. */
  vary: readonly ({ from: number; to: number } | undefined)[];
  concepts?: readonly StabilityConcept[];
  /** Refuse when the number of profiles exceeds this (default 200,000). */
  maxProfiles?: number;
  /** Keep up to this many example profiles per concept (default 5). */
  examples?: number;
  /**
   * `gmcr-py` reproduces GMCR+'s inverse solver: single opponent moves, strict sanctions, and for GMR, SMR
   * and SEQ the verdict of the last improvement (in state order) overriding the others (docs/models/GMCR.md §6 items 5–6).
   */
  compat?: 'standard' | 'gmcr-py';
}

export interface InverseResult {
  desired: number;
  profiles: number;
  /** Per concept: how many profiles make the desired state an equilibrium, and a few of them. */
  counts: Partial<Record<StabilityConcept, number>>;
  examples: Partial<Record<StabilityConcept, (number | number[])[][][]>>;
  /** Necessary and sufficient Nash conditions: per decision maker, the states it must not rank above the desired one (its moves from it). */
  nashConditions: { dm: number; notAbove: number[] }[];
}

export function inverseGmcr(model: GmcrModel, desired: number, opts: InverseOptions): InverseResult {
  if (!Number.isInteger(desired) || desired < 1 || desired > model.n)
    throw new RangeError(`engines/gmcr/inverse: state ${desired} does not exist (1..${model.n})`);
  const d = desired - 1;
  const concepts = opts.concepts ?? (['Nash', 'GMR', 'SMR', 'SEQ'] as const);
  const keep = opts.examples ?? 5;
  const baseRankings = model.payoffs.map((p) => rankingOf(p).map((g) => (typeof g === 'number' ? [g] : g)));
  // Per decision maker: every ordering of its groups allowed by its vary range.
  // Count first (k! orderings per range) so an impossible request is refused before anything is built.
  const ranges = baseRankings.map((groups, i) => {
    const r = opts.vary[i];
    if (!r) return undefined;
    const from = Math.max(1, r.from);
    const to = Math.min(groups.length, r.to);
    return from > to ? undefined : { from, to };
  });
  let profiles = 1;
  for (const r of ranges) for (let k = 2; r && k <= r.to - r.from + 1; k++) profiles *= k;
  const max = opts.maxProfiles ?? 200_000;
  if (profiles > max)
    throw new Error(
      `engines/gmcr/inverse: ${profiles.toLocaleString('en-US')} preference profiles exceed the limit of ${max.toLocaleString('en-US')}; narrow the vary ranges`,
    );
  const variants = baseRankings.map((groups, i) => {
    const r = ranges[i];
    if (!r) return [groups];
    return permutations(groups.slice(r.from - 1, r.to)).map((mid) => [
      ...groups.slice(0, r.from - 1),
      ...mid,
      ...groups.slice(r.to),
    ]);
  });
  const players = buildPlayers(model);
  const payoffsOf = (groups: number[][]) => {
    const p = new Int32Array(model.n);
    groups.forEach((g, k) => g.forEach((s) => (p[s - 1] = groups.length - k)));
    return p;
  };
  const variantPayoffs = variants.map((vs) => vs.map(payoffsOf));
  const counts: Partial<Record<StabilityConcept, number>> = {};
  const examples: Partial<Record<StabilityConcept, (number | number[])[][][]>> = {};
  for (const c of concepts) {
    counts[c] = 0;
    examples[c] = [];
  }
  const choice = new Array<number>(variants.length).fill(0);
  for (let k = 0; k < profiles; k++) {
    let rest = k;
    for (let i = variants.length - 1; i >= 0; i--) {
      choice[i] = rest % variants[i]!.length;
      rest = Math.floor(rest / variants[i]!.length);
    }
    const trial: GmcrModel = { ...model, payoffs: choice.map((x, i) => variantPayoffs[i]![x]!) };
    for (const c of concepts) {
      const stable = (pi: number) =>
        opts.compat === 'gmcr-py'
          ? gmcrPyInverseStable(trial, players, pi, d, c)
          : isStableDirect(trial, players, pi, d, c);
      if (!players.every((_, pi) => stable(pi))) continue;
      counts[c]!++;
      if (examples[c]!.length < keep)
        examples[c]!.push(choice.map((x, i) => variants[i]![x]!.map((g) => (g.length === 1 ? g[0]! : g))));
    }
  }
  const nashConditions = players.map((p, i) => ({
    dm: i,
    notAbove: movesFrom(model, p, d).map((t) => t + 1),
  }));
  return { desired, profiles, counts, examples, nashConditions };
}

/** GMCR+'s inverse-solver verdict for one decision maker at state d (kept for reproducing old analyses). */
function gmcrPyInverseStable(
  model: GmcrModel,
  players: Player[],
  pi: number,
  d: number,
  c: StabilityConcept,
): boolean {
  const p = players[pi]!;
  const pay = model.payoffs[p.members[0]!]!;
  const uis = improvementsFrom(model, p, d);
  if (uis.length === 0) return true;
  if (c === 'Nash') return false;
  const strictlyWorse = (t: number) => pay[t]! < pay[d]!;
  const sanctioned = (s1: number) =>
    players.some((q, qi) => {
      if (qi === pi) return false;
      const replies = c === 'SEQ' ? improvementsFrom(model, q, s1) : movesFrom(model, q, s1);
      return replies.some(
        (s2) => strictlyWorse(s2) && (c !== 'SMR' || movesFrom(model, p, s2).every(strictlyWorse)),
      );
    });
  if (c === 'SIM') return isStableDirect(model, players, pi, d, c);
  // The last improvement's verdict stands (docs/models/GMCR.md §6 item 6).
  return sanctioned(uis[uis.length - 1]!);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((x, k) => {
    for (const rest of permutations([...items.slice(0, k), ...items.slice(k + 1)])) out.push([x, ...rest]);
  });
  return out;
}
