/**
 * Compiles a conflict written in a case file (`conflicts[k]`, schema in src/case/schema-conflict.ts) into
 * the engine's conflict spec: decision makers are case actors, statements and conditions are parsed over the
 * conflict's option ids, and every problem is reported with its path from the case root.
 */
import type { CaseIssue, CaseIssueCode, CasePath } from '../../case/issues.js';
import type { Conflict } from '../../case/schema-conflict.js';
import type { Case } from '../../case/schema.js';
import { parseExpression } from './expressions.js';
import type { GmcrCondition, GmcrConflictSpec, GmcrIssue } from './types.js';

export interface CompiledConflict {
  spec: GmcrConflictSpec;
  /** Index of the conflict in `case.conflicts`. */
  index: number;
  /** Option ids taken in the status quo, when the conflict states one. */
  statusQuo?: string[];
  /** Maps a path inside the spec (as in build issues) to the path in the case file. */
  casePath(specPath: (string | number)[]): CasePath;
}

export type CompileResult =
  { ok: true; conflict: CompiledConflict; warnings: CaseIssue[] } | { ok: false; issues: CaseIssue[] };

/** Picks the conflict (by id, or the only one) and compiles it. */
export function conflictFromCase(c: Case, conflictId?: string): CompileResult {
  const list = (c.conflicts ?? []) as Conflict[];
  const issue = (code: CaseIssueCode, path: CasePath, message: string, hint?: string): CaseIssue => ({
    code,
    severity: 'error',
    path,
    message,
    hint,
  });
  if (list.length === 0)
    return {
      ok: false,
      issues: [
        issue(
          'no_conflict',
          ['conflicts'],
          'the case defines no GMCR conflict',
          'add one under `conflicts:` (see docs/gmcr.md)',
        ),
      ],
    };
  let index = 0;
  if (conflictId !== undefined) {
    index = list.findIndex((k) => k.id === conflictId);
    if (index < 0)
      return {
        ok: false,
        issues: [
          issue(
            'unknown_conflict',
            ['conflicts'],
            `no conflict "${conflictId}"`,
            `conflicts: ${list.map((k) => k.id).join(', ')}`,
          ),
        ],
      };
  } else if (list.length > 1)
    return {
      ok: false,
      issues: [
        issue(
          'ambiguous_conflict',
          ['conflicts'],
          `the case has ${list.length} conflicts`,
          `choose one with --conflict: ${list.map((k) => k.id).join(', ')}`,
        ),
      ],
    };
  return compileConflict(c, list[index]!, index);
}

export function compileConflict(c: Case, k: Conflict, ci: number): CompileResult {
  const issues: CaseIssue[] = [];
  const warnings: CaseIssue[] = [];
  const base: CasePath = ['conflicts', ci];
  const err = (path: CasePath, code: CaseIssueCode, message: string, hint?: string) =>
    issues.push({ code, severity: 'error', path: [...base, ...path], message, hint });
  const warn = (path: CasePath, code: CaseIssueCode, message: string, hint?: string) =>
    warnings.push({ code, severity: 'warning', path: [...base, ...path], message, hint });

  const actors = new Map(c.actors.map((a) => [a.id, a]));
  const sourceIds = new Set(c.sources.map((s) => s.id));
  const optionIds: string[] = [];
  const optionIndex = new Map<string, number>();
  const optionPath: CasePath[] = [];
  const dmOfActor = new Map<string, number>();
  k.decisionMakers.forEach((dm, i) => {
    if (!actors.has(dm.actor))
      err(
        ['decisionMakers', i, 'actor'],
        'unknown_actor',
        `unknown actor "${dm.actor}"`,
        `decision makers are case actors: ${[...actors.keys()].slice(0, 12).join(', ')}`,
      );
    if (dmOfActor.has(dm.actor))
      err(
        ['decisionMakers', i, 'actor'],
        'duplicate_dm',
        `actor "${dm.actor}" is already decision maker ${dmOfActor.get(dm.actor)! + 1}`,
        'list each actor once; give it all its options',
      );
    dmOfActor.set(dm.actor, i);
    dm.options.forEach((o, j) => {
      if (optionIndex.has(o.id))
        err(
          ['decisionMakers', i, 'options', j, 'id'],
          'duplicate_option',
          `option id "${o.id}" is used twice`,
          'option ids are unique within a conflict',
        );
      else {
        optionIndex.set(o.id, optionIds.length);
        optionIds.push(o.id);
        optionPath.push(['decisionMakers', i, 'options', j]);
      }
    });
    if (dm.options.length === 0)
      warn(
        ['decisionMakers', i, 'options'],
        'dm_without_options',
        `${dm.actor} controls no option and can never move`,
      );
    dm.sources.forEach((s, j) => {
      if (!sourceIds.has(s.source))
        err(
          ['decisionMakers', i, 'sources', j, 'source'],
          'unknown_source',
          `unknown source "${s.source}"`,
          'add it to the case’s `sources`',
        );
    });
  });
  k.sources.forEach((s, j) => {
    if (!sourceIds.has(s.source))
      err(
        ['sources', j, 'source'],
        'unknown_source',
        `unknown source "${s.source}"`,
        'add it to the case’s `sources`',
      );
  });
  const lookup = (id: string) => optionIndex.get(id);
  const expr = (text: string, path: CasePath): GmcrCondition | undefined => {
    const r = parseExpression(text, lookup, optionIds);
    if (!r.ok) {
      err(path, 'bad_statement', `${r.message} (column ${r.column} of "${text}")`, r.hint);
      return undefined;
    }
    return r.condition;
  };
  const ref = (id: string, path: CasePath): number | undefined => {
    const o = optionIndex.get(id);
    if (o === undefined)
      err(path, 'unknown_option', `unknown option "${id}"`, `options: ${optionIds.join(', ')}`);
    return o;
  };

  // Infeasible conditions, each remembered with the case path it came from.
  const infeasible: GmcrCondition[] = [];
  const infeasiblePath: CasePath[] = [];
  const addInfeasible = (cond: GmcrCondition | undefined, path: CasePath) => {
    if (!cond) return;
    if (cond.length === 0) {
      warn(path, 'never_matches', 'this condition can never hold, so it rules out nothing');
      return;
    }
    infeasible.push(cond);
    infeasiblePath.push(path);
  };
  k.infeasible.forEach((t, j) => addInfeasible(expr(t, ['infeasible', j]), ['infeasible', j]));
  k.mutuallyExclusive.forEach((group, j) => {
    const ids = group.map((id, x) => ref(id, ['mutuallyExclusive', j, x]));
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++)
        if (ids[a] !== undefined && ids[b] !== undefined)
          addInfeasible(
            [
              [
                { option: ids[a]!, taken: true },
                { option: ids[b]!, taken: true },
              ],
            ],
            ['mutuallyExclusive', j],
          );
  });
  k.atLeastOne.forEach((group, j) => {
    const ids = group.map((id, x) => ref(id, ['atLeastOne', j, x]));
    if (ids.every((x) => x !== undefined))
      addInfeasible([ids.map((o) => ({ option: o!, taken: false }))], ['atLeastOne', j]);
  });
  k.requires.forEach((r, j) => {
    const a = ref(r.option, ['requires', j, 'option']);
    const b = ref(r.requires, ['requires', j, 'requires']);
    if (a !== undefined && b !== undefined)
      addInfeasible(
        [
          [
            { option: a, taken: true },
            { option: b, taken: false },
          ],
        ],
        ['requires', j],
      );
  });

  const decisionMakers = k.decisionMakers.map((dm, i) => {
    const p: CasePath = ['decisionMakers', i];
    const misperceptions = dm.misperceptions
      .map((t, j) => expr(t, [...p, 'misperceptions', j]))
      .filter((x): x is GmcrCondition => x !== undefined && x.length > 0);
    const actor = actors.get(dm.actor);
    const common = {
      id: dm.actor,
      name: actor?.name ?? dm.actor,
      options: dm.options.map((o) => optionIndex.get(o.id)!),
      misperceptions,
    };
    if ('ranking' in dm.preferences)
      return { ...common, preferences: { kind: 'ranking' as const, ranking: dm.preferences.ranking } };
    const statements: GmcrCondition[] = [];
    dm.preferences.statements.forEach((t, j) => {
      const cond = expr(t, [...p, 'preferences', 'statements', j]);
      if (cond && cond.length === 0)
        warn(
          [...p, 'preferences', 'statements', j],
          'never_matches',
          `"${t}" can never hold, so it does not affect the ranking`,
        );
      statements.push(cond ?? []);
    });
    return { ...common, preferences: { kind: 'statements' as const, statements } };
  });

  let coalitions: number[][] | undefined;
  if (k.coalitions.length) {
    const seen = new Set<number>();
    const parts: number[][] = [];
    k.coalitions.forEach((group, j) => {
      const part: number[] = [];
      group.forEach((actor, x) => {
        const d = dmOfActor.get(actor);
        if (d === undefined)
          err(
            ['coalitions', j, x],
            'unknown_dm',
            `"${actor}" is not a decision maker of this conflict`,
            `decision makers: ${[...dmOfActor.keys()].join(', ')}`,
          );
        else if (seen.has(d)) err(['coalitions', j, x], 'bad_coalitions', `"${actor}" is in two coalitions`);
        else {
          seen.add(d);
          part.push(d);
        }
      });
      parts.push(part);
    });
    k.decisionMakers.forEach((_, d) => {
      if (!seen.has(d)) parts.push([d]);
    });
    coalitions = parts.filter((x) => x.length > 0);
  }
  k.statusQuo?.forEach((id, j) => ref(id, ['statusQuo', j]));
  if (issues.length) return { ok: false, issues };

  // Drop never-true statements (they cannot reorder anything) but keep the path mapping exact.
  const statementPath: CasePath[][] = decisionMakers.map(() => []);
  const finalDms = decisionMakers.map((dm, i) => {
    if (dm.preferences.kind !== 'statements') return dm;
    const kept: GmcrCondition[] = [];
    dm.preferences.statements.forEach((s, j) => {
      if (s.length === 0) return;
      kept.push(s);
      statementPath[i]!.push(['decisionMakers', i, 'preferences', 'statements', j]);
    });
    return { ...dm, preferences: { kind: 'statements' as const, statements: kept } };
  });

  const spec: GmcrConflictSpec = {
    id: k.id,
    name: k.name,
    options: k.decisionMakers.flatMap((dm) =>
      dm.options.map((o) => ({ id: o.id, name: o.name, direction: o.direction })),
    ),
    decisionMakers: finalDms,
    infeasible,
    coalitions,
  };
  const casePath = (sp: (string | number)[]): CasePath => {
    const [head, a, b, c2, d, ...rest] = sp;
    if (head === 'options' && typeof a === 'number')
      return [...base, ...optionPath[a]!, ...(sp.slice(2) as CasePath)];
    if (head === 'infeasible' && typeof a === 'number') return [...base, ...infeasiblePath[a]!];
    if (
      head === 'decisionMakers' &&
      typeof a === 'number' &&
      b === 'preferences' &&
      c2 === 'statements' &&
      typeof d === 'number'
    )
      return [...base, ...statementPath[a]![d]!, ...(rest as CasePath)];
    if (head === 'decisionMakers' && typeof a === 'number' && b === 'misperceptions')
      return [...base, 'decisionMakers', a, 'misperceptions'];
    return [...base, ...(sp as CasePath)];
  };
  return { ok: true, conflict: { spec, index: ci, statusQuo: k.statusQuo, casePath }, warnings };
}

/** Re-roots engine issues (paths inside the spec) at the case file. */
export function toCaseIssues(
  issues: readonly GmcrIssue[],
  casePath: (p: (string | number)[]) => CasePath,
): CaseIssue[] {
  return issues.map((i) => ({ ...i, path: casePath(i.path) }));
}
