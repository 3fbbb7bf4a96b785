/**
 * Inverse GMCR (docs/models/GMCR.md §5; Kinsara, Kilgour & Hipel, GDN 2014): which preference rankings make a chosen
 * state an equilibrium. For each decision maker a range of positions in its ranking is varied — every
 * permutation of the (tie) groups inside the range — jointly over all decision makers; each profile is
 * checked with the standard definitions (multi-opponent sanctions, sanctions ⪯), unlike gmcr-py's inverse
 * solver (single-opponent, strict sanctions; docs/models/GMCR.md §6 items 5–6).
 */
import { isStableDirect, reachableFrom } from './direct.js';
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
  /** The conditions of every concept counted, per decision maker and move (see `inverseConditions`). */
  conditions: ConceptConditions[];
}

/**
 * One move s1 of a decision maker from the desired state d, and what can answer it: d stays stable against s1
 * when s1 ⪯ d, or (GMR, SMR, SEQ, SIM) when one of the listed sanction states s2 is ⪯ d — for SMR with every
 * counter-move s3 of the decision maker from s2 also ⪯ d; for SEQ only if the opponents' moves to s2 are
 * improvements for them; for SIM, s2 is the joint state of s1 and an opponent's simultaneous improvement.
 */
export interface MoveCondition {
  move: number;
  sanctions: { state: number; counterMoves?: number[] }[];
}

export interface ConceptConditions {
  concept: StabilityConcept;
  dm: number;
  /** The rule in words, with d the desired state. */
  rule: string;
  moves: MoveCondition[];
}

const RULES: Partial<Record<StabilityConcept, string>> = {
  Nash: 'every move s1 ⪯ d',
  GMR: 'every move s1 ⪯ d, or some sanction s2 (opponents’ moves from s1) ⪯ d',
  SMR: 'every move s1 ⪯ d, or some sanction s2 ⪯ d whose counter-moves s3 are all ⪯ d',
  SEQ: 'every move s1 ⪯ d, or some sanction s2 ⪯ d reached by opponents’ improvements',
  SIM: 'every move s1 ⪯ d, or some joint state s2 of s1 and an opponent’s improvement from d ⪯ d',
};

/**
 * The conditions on the decision makers' preferences under which ordered state `desired` is stable, per
 * concept (Nash, GMR, SMR, SEQ, and SIM for simultaneous moves), listing for each move the states that would
 * sanction it. Sanctions are reached by the opponents' legal moves (multi-opponent sequences, as the standard
 * definitions); SEQ lists the same states with the added condition that the opponents improve.
 */
export function inverseConditions(
  model: GmcrModel,
  desired: number,
  concepts: readonly StabilityConcept[] = ['Nash', 'GMR', 'SMR', 'SEQ', 'SIM'],
): ConceptConditions[] {
  const d = desired - 1;
  const players = buildPlayers(model);
  const out: ConceptConditions[] = [];
  players.forEach((p, i) => {
    const opponents = players.filter((_, k) => k !== i);
    const moves = movesFrom(model, p, d);
    for (const concept of concepts) {
      const rule = RULES[concept];
      if (!rule) continue;
      if (concept === 'SIM' && opponents.length === 0) continue;
      const conditions = moves.map((s1): MoveCondition => {
        if (concept === 'Nash') return { move: s1 + 1, sanctions: [] };
        if (concept === 'SIM') {
          const base = model.codes[d]!;
          const joint = new Set<number>();
          for (const q of opponents)
            for (const t of movesFrom(model, q, d)) {
              const s2 = model.index.get(model.codes[s1]! + model.codes[t]! - base);
              if (s2 >= 0) joint.add(s2);
            }
          return {
            move: s1 + 1,
            sanctions: [...joint].sort((a, b) => a - b).map((s2) => ({ state: s2 + 1 })),
          };
        }
        const reach = [...reachableFrom(model, opponents, s1, false)].sort((a, b) => a - b);
        return {
          move: s1 + 1,
          sanctions: reach.map((s2) =>
            concept === 'SMR'
              ? { state: s2 + 1, counterMoves: movesFrom(model, p, s2).map((s3) => s3 + 1) }
              : { state: s2 + 1 },
          ),
        };
      });
      out.push({ concept, dm: i, rule, moves: conditions });
    }
  });
  return out;
}

export function inverseGmcr(model: GmcrModel, desired: number, opts: InverseOptions): InverseResult {
  if (!Number.isInteger(desired) || desired < 1 || desired > model.n)
    throw new RangeError(`engines/gmcr/inverse: state ${desired} does not exist (1..${model.n})`);
  const d = desired - 1;
  const concepts =
    opts.concepts ??
    (model.dms.length >= 2
      ? (['Nash', 'GMR', 'SMR', 'SEQ', 'SIM'] as const)
      : (['Nash', 'GMR', 'SMR', 'SEQ'] as const));
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
  return {
    desired,
    profiles,
    counts,
    examples,
    nashConditions,
    conditions: inverseConditions(model, desired, concepts),
  };
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
