/**
 * Builds the analysable model of a conflict: options grouped by decision maker (docs/models/GMCR.md §1.1, docs/models/GMCR-FORMAT.md
 * §4), feasible states, payoffs, perception masks. Problems come back as located issues; a conflict too large
 * for the memory budget is refused with its state count and the memory it would need.
 */
import {
  dedupeStatements,
  MAX_STATEMENTS,
  payoffsFromRanking,
  payoffsFromStatements,
  resolveRanking,
} from './preferences.js';
import { anyTermMatches, enumerateFeasible, MAX_OPTIONS, StateIndex, type BitTerm } from './states.js';
import type { GmcrCondition, GmcrConflictSpec, GmcrDirection, GmcrIssue } from './types.js';

export interface ModelOption {
  id: string;
  name: string;
  direction: GmcrDirection;
  /** Index of the owning decision maker. */
  owner: number;
}

export interface ModelDecisionMaker {
  id: string;
  name: string;
  /** Bits of the options this decision maker controls. */
  mask: number;
  /** Those bits, in the decision maker's own order. */
  bits: number[];
}

export interface GmcrModel {
  id?: string;
  name?: string;
  /** Number of options. */
  m: number;
  /** Options in grouped order: bit k = options[k]. */
  options: ModelOption[];
  dms: ModelDecisionMaker[];
  /** Bits of the options that may only be taken / only be withdrawn. */
  fwdMask: number;
  backMask: number;
  /** Feasible state codes, ascending: state index s has ordered number s + 1. */
  codes: Int32Array;
  n: number;
  index: StateIndex;
  /** payoffs[i][s]: decision maker i's payoff at state s (higher = preferred). */
  payoffs: Int32Array[];
  /** perceived[i][s] = 1 when i perceives s; null when i perceives every state. */
  perceived: (Uint8Array | null)[];
  /** The conditions in bit form, kept for writing the conflict back out. */
  infeasible: BitTerm[][];
  statements: BitTerm[][][];
  misperceptions: BitTerm[][][];
  /** Whether each decision maker's payoffs came from an explicit ranking. */
  manual: boolean[];
  coalitions?: number[][];
  warnings: string[];
}

export interface BuildOptions {
  /** Refuse conflicts whose analysis would need more than this many bytes (default 1 GiB). */
  memoryBudget?: number;
}

export type BuildResult =
  { ok: true; model: GmcrModel; warnings: GmcrIssue[] } | { ok: false; issues: GmcrIssue[] };

const DEFAULT_BUDGET = 1024 ** 3;

/**
 * Bytes an analysis of `states` states with `dms` decision makers needs, by the arrays the engine allocates
 * (codes, payoffs, perception, per-player move groups, per-concept flags, the reachability search's working
 * arrays, the each-opponent-once table and the adjacency lists of moves — `movesPerState` at most), plus a
 * margin for the JavaScript heap.
 */
export function estimateMemory(states: number, dms: number, movesPerState = 0): number {
  const perState =
    4 + 5 * dms + 12 * dms + 7 * dms + 40 + 8 * 2 ** Math.max(0, dms - 1) + 16 + 4 * movesPerState;
  return Math.ceil(states * perState * 1.5) + 64 * 1024 ** 2;
}

export function formatBytes(b: number): string {
  if (b >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.ceil(b / 1024 ** 2)} MB`;
}

export function buildModel(spec: GmcrConflictSpec, opts: BuildOptions = {}): BuildResult {
  const issues: GmcrIssue[] = [];
  const warnings: GmcrIssue[] = [];
  const err = (code: GmcrIssue['code'], path: (string | number)[], message: string, hint?: string) =>
    issues.push({ code, severity: 'error', path, message, hint });
  const warn = (code: GmcrIssue['code'], path: (string | number)[], message: string, hint?: string) =>
    warnings.push({ code, severity: 'warning', path, message, hint });

  const nOpt = spec.options.length;
  spec.options.forEach((o, k) => {
    if (!['both', 'fwd', 'back'].includes(o.direction))
      err(
        'bad_direction',
        ['options', k, 'direction'],
        `unknown direction "${o.direction}"`,
        'use both, fwd or back',
      );
  });
  if (spec.decisionMakers.length < 2)
    err(
      'too_few_dms',
      ['decisionMakers'],
      `a graph model needs at least two decision makers, found ${spec.decisionMakers.length}`,
    );
  if (nOpt === 0)
    err(
      'no_options',
      ['options'],
      'the conflict has no options',
      'give each decision maker at least one option',
    );
  if (nOpt > MAX_OPTIONS)
    err(
      'too_many_options',
      ['options'],
      `${nOpt} options; at most ${MAX_OPTIONS} are supported`,
      'merge or drop options',
    );

  // Group the options by decision maker: the first listing wins (docs/models/GMCR-FORMAT.md §4.1).
  const bitOf = new Array<number>(nOpt).fill(-1);
  const order: number[] = [];
  const ownerOf: number[] = [];
  spec.decisionMakers.forEach((dm, i) => {
    dm.options.forEach((o, j) => {
      if (!Number.isInteger(o) || o < 0 || o >= nOpt) {
        err(
          'unknown_option',
          ['decisionMakers', i, 'options', j],
          `option ${o} does not exist (there are ${nOpt})`,
        );
        return;
      }
      if (bitOf[o] !== -1) {
        const other = ownerOf[bitOf[o]!]!;
        if (other !== i)
          err(
            'shared_option',
            ['decisionMakers', i, 'options', j],
            `option "${spec.options[o]!.name}" is already owned by ${spec.decisionMakers[other]!.name}`,
            'every option belongs to exactly one decision maker',
          );
        return;
      }
      bitOf[o] = order.length;
      order.push(o);
      ownerOf.push(i);
    });
    if (dm.options.length === 0)
      warn(
        'dm_without_options',
        ['decisionMakers', i, 'options'],
        `${dm.name} controls no option and can never move`,
      );
  });
  bitOf.forEach((b, o) => {
    if (b === -1)
      err(
        'unowned_option',
        ['options', o],
        `option "${spec.options[o]!.name}" belongs to no decision maker`,
        'list it under the decision maker who controls it',
      );
  });
  if (issues.length) return { ok: false, issues };
  const m = order.length;

  const toTerms = (c: GmcrCondition, path: (string | number)[]): BitTerm[] | undefined => {
    const terms: BitTerm[] = [];
    let bad = false;
    c.forEach((term, t) => {
      let mask = 0;
      let value = 0;
      for (const lit of term) {
        if (!Number.isInteger(lit.option) || lit.option < 0 || lit.option >= nOpt) {
          err(
            'unknown_option',
            [...path],
            `condition names option ${lit.option}, which does not exist (there are ${nOpt})`,
          );
          bad = true;
          continue;
        }
        const bit = 1 << bitOf[lit.option]!;
        if (mask & bit && ((value & bit) !== 0) !== lit.taken) {
          err(
            'contradictory_condition',
            [...path],
            `term ${t + 1} requires option "${spec.options[lit.option]!.name}" both taken and not taken, so it can never hold`,
            'remove one of the two literals',
          );
          bad = true;
        }
        mask |= bit;
        if (lit.taken) value |= bit;
      }
      terms.push({ mask, value });
    });
    if (c.length === 0) {
      err(
        'empty_condition',
        path,
        'empty condition (an OR of nothing never holds)',
        'give the condition at least one term',
      );
      bad = true;
    }
    return bad ? undefined : terms;
  };

  const infeasible: BitTerm[][] = [];
  spec.infeasible.forEach((c, k) => {
    const t = toTerms(c, ['infeasible', k]);
    if (t) infeasible.push(t);
  });
  const statements: BitTerm[][][] = [];
  const misperceptions: BitTerm[][][] = [];
  spec.decisionMakers.forEach((dm, i) => {
    const st: BitTerm[][] = [];
    (dm.preferences.statements ?? []).forEach((c, k) => {
      const t = toTerms(c, ['decisionMakers', i, 'preferences', 'statements', k]);
      if (t) st.push(t);
    });
    statements.push(st);
    const mis: BitTerm[][] = [];
    (dm.misperceptions ?? []).forEach((c, k) => {
      const t = toTerms(c, ['decisionMakers', i, 'misperceptions', k]);
      if (t) mis.push(t);
    });
    misperceptions.push(mis);
  });
  if (issues.length) return { ok: false, issues };

  // Size check before allocating: count first (cheap when there are no conditions).
  const budget = opts.memoryBudget ?? DEFAULT_BUDGET;
  const dmsCount = spec.decisionMakers.length;
  // Each decision maker can move to at most 2^k − 1 states from any state (k = its options).
  const movesPerState = spec.decisionMakers.reduce((a, dm) => a + 2 ** new Set(dm.options).size - 1, 0);
  const estimate = (states: number) => estimateMemory(states, dmsCount, movesPerState);
  let maxStates = 1;
  while (estimate(maxStates * 2) <= budget && maxStates < 2 ** 30) maxStates *= 2;
  while (estimate(maxStates + 1) <= budget && maxStates < 2 ** 30) maxStates += Math.max(1, maxStates >> 4);
  const flat = infeasible.flat();
  const counted =
    flat.length === 0
      ? { count: 2 ** m, truncated: 2 ** m > maxStates }
      : enumerateFeasible(m, flat, maxStates, true);
  if (counted.truncated) {
    const exact = flat.length === 0;
    const at = exact ? counted.count : maxStates + 1;
    const need = estimate(at);
    err(
      'too_large',
      ['options'],
      `the conflict has ${exact ? '' : 'more than '}${(exact ? at : maxStates).toLocaleString('en-US')} feasible states (${m} options); analysing it would need ${exact ? 'about' : 'more than'} ${formatBytes(need)}, over the ${formatBytes(budget)} budget`,
      'split the conflict, merge options, add feasibility conditions, or raise the memory budget',
    );
    return { ok: false, issues };
  }
  const { codes, count } = enumerateFeasible(m, flat, maxStates);
  if (count === 0) {
    err(
      'no_feasible_state',
      ['infeasible'],
      'the feasibility conditions rule out every state',
      'check the infeasible conditions for contradictions (e.g. an option both required and excluded)',
    );
    return { ok: false, issues };
  }
  const n = codes.length;
  const index = new StateIndex(codes, m);

  const payoffs: Int32Array[] = [];
  const manual: boolean[] = [];
  spec.decisionMakers.forEach((dm, i) => {
    const pref = dm.preferences;
    if (pref.kind === 'ranking') {
      manual.push(true);
      const groups = resolveRanking(
        pref.ranking,
        m,
        codes,
        index,
        ['decisionMakers', i, 'preferences', 'ranking'],
        err,
      );
      payoffs.push(groups ? payoffsFromRanking(n, groups) : new Int32Array(n));
    } else {
      manual.push(false);
      const { kept, dropped } = dedupeStatements(statements[i]!, m);
      for (const k of dropped)
        warn(
          'duplicate_statement',
          ['decisionMakers', i, 'preferences', 'statements', k],
          `statement ${k + 1} of ${dm.name} repeats an earlier one and is ignored`,
        );
      if (kept.length > MAX_STATEMENTS)
        err(
          'too_many_statements',
          ['decisionMakers', i, 'preferences', 'statements'],
          `${kept.length} statements; at most ${MAX_STATEMENTS} are supported`,
        );
      if (kept.length === 0)
        warn(
          'no_preferences',
          ['decisionMakers', i, 'preferences'],
          `${dm.name} has no preference statements: it is indifferent among all states`,
        );
      statements[i] = kept.map((t) => [...t]);
      payoffs.push(payoffsFromStatements(codes, kept));
    }
  });

  const perceived = misperceptions.map((mis) => {
    if (mis.length === 0) return null;
    const p = new Uint8Array(n);
    for (let s = 0; s < n; s++) p[s] = mis.some((t) => anyTermMatches(t, codes[s]!)) ? 0 : 1;
    return p;
  });

  let coalitions: number[][] | undefined;
  if (spec.coalitions) {
    const seen = new Set<number>();
    spec.coalitions.forEach((c, k) => {
      if (c.length === 0) err('bad_coalitions', ['coalitions', k], 'empty coalition');
      for (const d of c) {
        if (!Number.isInteger(d) || d < 0 || d >= dmsCount)
          err('bad_coalitions', ['coalitions', k], `decision maker ${d} does not exist`);
        else if (seen.has(d))
          err(
            'bad_coalitions',
            ['coalitions', k],
            `${spec.decisionMakers[d]!.name} is in two coalitions`,
            'coalitions must partition the decision makers',
          );
        seen.add(d);
      }
    });
    if (seen.size !== dmsCount && !issues.length)
      err(
        'bad_coalitions',
        ['coalitions'],
        'the coalitions leave out some decision makers',
        'list every decision maker exactly once (alone or in a coalition)',
      );
    coalitions = spec.coalitions.map((c) => [...c]);
  }
  if (issues.length) return { ok: false, issues };

  let fwdMask = 0;
  let backMask = 0;
  const options: ModelOption[] = order.map((o, bit) => {
    const spo = spec.options[o]!;
    if (spo.direction === 'fwd') fwdMask |= 1 << bit;
    if (spo.direction === 'back') backMask |= 1 << bit;
    return { id: spo.id, name: spo.name, direction: spo.direction, owner: ownerOf[bit]! };
  });
  const dms: ModelDecisionMaker[] = spec.decisionMakers.map((dm, i) => {
    const bits = order.map((_, b) => b).filter((b) => ownerOf[b] === i);
    return { id: dm.id, name: dm.name, bits, mask: bits.reduce((a, b) => a | (1 << b), 0) };
  });
  const model: GmcrModel = {
    id: spec.id,
    name: spec.name,
    m,
    options,
    dms,
    fwdMask,
    backMask,
    codes,
    n,
    index,
    payoffs,
    perceived,
    infeasible,
    statements,
    misperceptions,
    manual,
    coalitions,
    warnings: warnings.map((w) => w.message),
  };
  return { ok: true, model, warnings };
}
