/**
 * Checks a case for what a schema cannot see: duplicate ids, references to unknown actors/issues/sources/
 * proposals, positions off the issue's scale, red lines that exclude the actor's own position, date order,
 * parent cycles. Returns every issue found, each with a path and a hint.
 *
 * It also runs on a case that failed its schema (`validateSalvaged`): the list entries that pass their own
 * schema get every check, the ones that do not still get their references checked from the raw data, and
 * ids are collected from every entry that has one, so one run reports schema, reference and meaning
 * problems together.
 */
import type { z } from 'zod';
import type { CaseIssue, CaseIssueCode, CasePath } from './issues.js';
import { closest } from './schema-issues.js';
import { isAcceptable, maybePositionValue, toAcceptable } from './resolve.js';
import {
  ActorSchema,
  EventSchema,
  IssueSchema,
  ProposalSchema,
  ScenarioSchema,
  SourceSchema,
  StanceSchema,
  type Case,
  type Issue,
  type Position,
  type SourceRef,
} from './schema.js';
import { ConflictSchema } from './schema-conflict.js';

/** Most issues one validation reports; past it, hints (which search for close ids) are no longer computed. */
export const MAX_VALIDATION_ISSUES = 500;

type Kind = 'actor' | 'issue' | 'source' | 'proposal';

interface Ctx {
  out: CaseIssue[];
  known: Record<Kind, Set<string>>;
  issues: Map<string, Issue>;
}

const LISTS = { actor: 'actors', issue: 'issues', source: 'sources', proposal: 'proposals' } as const;

function add(
  ctx: Ctx,
  code: CaseIssueCode,
  severity: 'error' | 'warning',
  path: CasePath,
  message: string,
  hint?: () => string,
) {
  if (ctx.out.length >= MAX_VALIDATION_ISSUES) return;
  ctx.out.push({ code, severity, path, message, hint: hint?.() });
}
const err = (ctx: Ctx, code: CaseIssueCode, path: CasePath, message: string, hint?: () => string) =>
  add(ctx, code, 'error', path, message, hint);
const warn = (ctx: Ctx, code: CaseIssueCode, path: CasePath, message: string, hint?: () => string) =>
  add(ctx, code, 'warning', path, message, hint);

/** Every check, on a case that passed its schema. */
export function validateCase(c: Case): CaseIssue[] {
  return runChecks(c, c, () => true);
}

/**
 * The checks that can still run on data that failed the schema: entries that pass their own schema are
 * checked fully, the others for their references only. Returns no schema issues (zod reports those).
 */
export function validateSalvaged(data: unknown): CaseIssue[] {
  const raw = record(data);
  const kept = new Set<unknown>();
  const salvage = <T>(list: unknown, schema: z.ZodType<T>): T[] => {
    const out: T[] = [];
    listOf(list).forEach((x, i) => {
      const r = schema.safeParse(x);
      if (r.success) {
        out[i] = r.data; // sparse: indices stay those of the file
        kept.add(x);
      }
    });
    return out;
  };
  const c = {
    actors: salvage(raw.actors, ActorSchema),
    issues: salvage(raw.issues, IssueSchema),
    stances: salvage(raw.stances, StanceSchema),
    sources: salvage(raw.sources, SourceSchema),
    proposals: salvage(raw.proposals, ProposalSchema),
    events: salvage(raw.events, EventSchema),
    scenarios: salvage(raw.scenarios, ScenarioSchema),
    conflicts: salvage(raw.conflicts, ConflictSchema),
  } as unknown as Case;
  return runChecks(c, raw, (x) => kept.has(x));
}

/** A dense copy of a salvaged case for engine checks (conflicts keep their indices; actors by id). */
export function salvagedForChecks(data: unknown): Case {
  const raw = record(data);
  const c = {} as Record<string, unknown>;
  for (const [key, schema] of [
    ['actors', ActorSchema],
    ['issues', IssueSchema],
    ['stances', StanceSchema],
    ['sources', SourceSchema],
    ['proposals', ProposalSchema],
    ['events', EventSchema],
    ['scenarios', ScenarioSchema],
  ] as const) {
    const list: unknown[] = [];
    for (const x of listOf(raw[key])) {
      const r = (schema as z.ZodType).safeParse(x);
      // An entry that fails its schema still stands for its id, so references to it are not reported twice.
      if (r.success) list.push(r.data);
      else if (typeof record(x).id === 'string')
        list.push({ ...record(x), id: record(x).id, name: String(record(x).id) });
    }
    c[key] = list;
  }
  const conflicts: unknown[] = [];
  listOf(raw.conflicts).forEach((x, i) => {
    const r = ConflictSchema.safeParse(x);
    if (r.success) conflicts[i] = r.data;
  });
  c.conflicts = conflicts;
  return c as unknown as Case;
}

function runChecks(c: Case, raw: unknown, isKept: (entry: unknown) => boolean): CaseIssue[] {
  const ctx: Ctx = { out: [], known: collectIds(raw), issues: new Map() };
  const rawCase = record(raw);
  // Duplicate ids are found from the raw lists, so an invalid entry's id still counts.
  for (const kind of ['actors', 'issues', 'sources', 'proposals', 'events', 'scenarios'] as const)
    checkDuplicateIds(ctx, rawCase[kind], kind);
  c.issues.forEach((i) => ctx.issues.set(i.id, i));
  checkActors(ctx, c);
  checkIssues(ctx, c);
  checkStances(ctx, c);
  checkProposals(ctx, c);
  checkEvents(ctx, c);
  checkScenarios(ctx, c);
  checkRawReferences(ctx, rawCase, isKept);
  return ctx.out;
}

// ---------------------------------------------------------------------------------------------- helpers

function record(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}
function listOf(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function collectIds(raw: unknown): Record<Kind, Set<string>> {
  const r = record(raw);
  const ids = (list: unknown) => {
    const s = new Set<string>();
    for (const x of listOf(list)) {
      const id = record(x).id;
      if (typeof id === 'string') s.add(id);
    }
    return s;
  };
  return { actor: ids(r.actors), issue: ids(r.issues), source: ids(r.sources), proposal: ids(r.proposals) };
}

function checkDuplicateIds(ctx: Ctx, list: unknown, field: string) {
  const seen = new Map<string, number>();
  listOf(list).forEach((x, i) => {
    const id = record(x).id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined)
      err(
        ctx,
        'duplicate_id',
        [field, i, 'id'],
        `duplicate id "${id}" (first used at ${field}[${first}])`,
        () => 'give each entry its own id',
      );
    else seen.set(id, i);
  });
}

/** Checks one reference; false when it names nothing known. */
function ref(ctx: Ctx, kind: Kind, value: string, path: CasePath): boolean {
  const set = ctx.known[kind];
  if (set.has(value)) return true;
  const code = `unknown_${kind}` as const;
  err(ctx, code, path, `unknown ${kind} "${value}"`, () => {
    const guess = closest(value, [...set]);
    return guess
      ? `did you mean "${guess}"?`
      : set.size === 0
        ? `add it to "${LISTS[kind]}"`
        : `add it to "${LISTS[kind]}" or use one of: ${[...set].slice(0, 12).join(', ')}`;
  });
  return false;
}

function checkSources(ctx: Ctx, list: readonly SourceRef[], path: CasePath) {
  list.forEach((s, k) => {
    ref(ctx, 'source', s.source, [...path, k, 'source']);
    if (s.start !== undefined && s.end !== undefined && s.end < s.start)
      err(
        ctx,
        'bad_offsets',
        [...path, k, 'end'],
        'quote end offset is before its start',
        () => 'swap start and end',
      );
  });
}

function checkPosition(ctx: Ctx, issue: Issue, p: Position, path: CasePath) {
  if (maybePositionValue(issue, p) === undefined) {
    const opts = issue.scale.kind === 'options' ? issue.scale.options.map((o) => o.id) : [];
    err(
      ctx,
      'unknown_option',
      path,
      issue.scale.kind === 'options'
        ? `"${p}" is not an option of issue "${issue.id}"`
        : `issue "${issue.id}" has a continuous scale: positions are numbers 0–100, not "${p}"`,
      () => {
        const guess = typeof p === 'string' ? closest(p, opts) : undefined;
        return guess
          ? `did you mean "${guess}"?`
          : opts.length
            ? `use one of: ${opts.join(', ')}`
            : 'write a number from 0 to 100';
      },
    );
    return;
  }
  if (
    typeof p === 'number' &&
    issue.scale.kind === 'options' &&
    !issue.scale.options.some((o) => o.value === p)
  ) {
    const scale = issue.scale;
    err(
      ctx,
      'off_scale',
      path,
      `${p} is not on the options scale of issue "${issue.id}"`,
      () =>
        `use an option id or one of its values: ${scale.options.map((o) => `${o.id}=${o.value}`).join(', ')}`,
    );
  }
}

// ------------------------------------------------------------------------------------------------ steps

function checkActors(ctx: Ctx, c: Case) {
  const parents = new Map<string, string | undefined>();
  c.actors.forEach((a, i) => {
    parents.set(a.id, a.parent);
    if (a.parent !== undefined) {
      if (a.parent === a.id)
        err(ctx, 'parent_cycle', ['actors', i, 'parent'], 'an actor cannot be its own parent');
      else ref(ctx, 'actor', a.parent, ['actors', i, 'parent']);
    }
    checkSources(ctx, a.sources, ['actors', i, 'sources']);
  });
  c.actors.forEach((a, i) => {
    const seen = new Set<string>([a.id]);
    for (let p = a.parent; p !== undefined; p = parents.get(p)) {
      if (seen.has(p)) {
        if (p === a.id && a.parent !== a.id)
          err(
            ctx,
            'parent_cycle',
            ['actors', i, 'parent'],
            `parent chain of "${a.id}" loops back to itself`,
            () => 'break the cycle',
          );
        break;
      }
      seen.add(p);
    }
  });
}

function checkIssues(ctx: Ctx, c: Case) {
  c.issues.forEach((issue, i) => {
    if (issue.scale.kind === 'options') {
      const seen = new Set<string>();
      const options = issue.scale.options;
      options.forEach((o, k) => {
        if (seen.has(o.id))
          err(
            ctx,
            'duplicate_id',
            ['issues', i, 'scale', 'options', k, 'id'],
            `duplicate option id "${o.id}"`,
          );
        seen.add(o.id);
        const prev = options[k - 1];
        if (prev && prev.value >= o.value)
          err(
            ctx,
            'options_order',
            ['issues', i, 'scale', 'options', k, 'value'],
            'option values must increase down the list',
            () => 'order the options from 0 towards 100',
          );
      });
    }
    if (issue.statusQuo) {
      checkPosition(ctx, issue, issue.statusQuo.position, ['issues', i, 'statusQuo', 'position']);
      checkSources(ctx, issue.statusQuo.sources, ['issues', i, 'statusQuo', 'sources']);
    }
  });
}

function checkStances(ctx: Ctx, c: Case) {
  const stanceKeys = new Map<string, number>();
  c.stances.forEach((s, i) => {
    const base: CasePath = ['stances', i];
    const actorOk = ref(ctx, 'actor', s.actor, [...base, 'actor']);
    const issueOk = ref(ctx, 'issue', s.issue, [...base, 'issue']);
    checkSources(ctx, s.sources, [...base, 'sources']);
    const key = `${s.actor}|${s.issue}|${s.date}`;
    const first = stanceKeys.get(key);
    if (first !== undefined)
      err(
        ctx,
        'duplicate_stance',
        [...base, 'date'],
        `a stance of "${s.actor}" on "${s.issue}" dated ${s.date} already exists (stances[${first}])`,
        () => 'merge them or change one date',
      );
    else stanceKeys.set(key, i);
    const issue = ctx.issues.get(s.issue);
    if (!actorOk || !issueOk || !issue) return;
    checkPosition(ctx, issue, s.position, [...base, 'position']);
    if (s.redLine) checkRedLine(ctx, issue, s.position, s.redLine, base);
  });
}

function checkRedLine(
  ctx: Ctx,
  issue: Issue,
  position: Position,
  redLine: NonNullable<Case['stances'][number]['redLine']>,
  base: CasePath,
) {
  if (redLine.options) {
    if (issue.scale.kind !== 'options')
      err(
        ctx,
        'redline_options_on_continuous',
        [...base, 'redLine', 'options'],
        `issue "${issue.id}" has a continuous scale; red lines there use min/max`,
        () => 'replace options with min and/or max',
      );
    else redLine.options.forEach((o, k) => checkPosition(ctx, issue, o, [...base, 'redLine', 'options', k]));
  }
  const pos = maybePositionValue(issue, position);
  const acc = toAcceptable(issue, redLine);
  if (acc.values !== undefined && acc.values.length === 0)
    err(
      ctx,
      'empty_redline',
      [...base, 'redLine'],
      'this red line accepts no outcome on the scale',
      () => 'widen min/max or list acceptable options',
    );
  else if (pos !== undefined && !isAcceptable(acc, pos))
    warn(
      ctx,
      'redline_excludes_position',
      [...base, 'redLine'],
      `the red line excludes the actor's own position (${pos})`,
      () => 'check the position or widen the red line',
    );
}

function checkProposals(ctx: Ctx, c: Case) {
  c.proposals.forEach((p, i) => {
    const base: CasePath = ['proposals', i];
    p.authors.forEach((a, k) => ref(ctx, 'actor', a, [...base, 'authors', k]));
    if (p.supersedes !== undefined) {
      if (p.supersedes === p.id)
        err(ctx, 'self_reference', [...base, 'supersedes'], 'a proposal cannot supersede itself');
      else ref(ctx, 'proposal', p.supersedes, [...base, 'supersedes']);
    }
    checkSources(ctx, p.sources, [...base, 'sources']);
    const numbers = new Map<number, number>();
    const settled = new Map<string, { value: number; k: number }>();
    p.points.forEach((pt, k) => {
      if (numbers.has(pt.number))
        warn(
          ctx,
          'duplicate_point',
          [...base, 'points', k, 'number'],
          `point number ${pt.number} is used twice`,
        );
      else numbers.set(pt.number, k);
      checkSources(ctx, pt.sources, [...base, 'points', k, 'sources']);
      pt.settles.forEach((st, j) => {
        const path: CasePath = [...base, 'points', k, 'settles', j];
        if (!ref(ctx, 'issue', st.issue, [...path, 'issue'])) return;
        const issue = ctx.issues.get(st.issue);
        if (!issue) return; // the issue exists but failed its own schema
        checkPosition(ctx, issue, st.position, [...path, 'position']);
        const v = maybePositionValue(issue, st.position);
        const prev = settled.get(st.issue);
        if (v !== undefined && prev && prev.value !== v)
          warn(
            ctx,
            'conflicting_settlement',
            [...path, 'position'],
            `issue "${st.issue}" is also settled at ${prev.value} by point ${p.points[prev.k]!.number}; the later point wins`,
            () => 'make the points agree',
          );
        if (v !== undefined) settled.set(st.issue, { value: v, k });
      });
    });
  });
}

function checkEvents(ctx: Ctx, c: Case) {
  c.events.forEach((e, i) => {
    e.actors.forEach((a, k) => ref(ctx, 'actor', a, ['events', i, 'actors', k]));
    e.targets.forEach((a, k) => ref(ctx, 'actor', a, ['events', i, 'targets', k]));
    checkSources(ctx, e.sources, ['events', i, 'sources']);
    if (e.endDate !== undefined && e.endDate < e.date)
      err(
        ctx,
        'date_order',
        ['events', i, 'endDate'],
        `endDate ${e.endDate} is before date ${e.date}`,
        () => 'swap the dates',
      );
  });
}

function checkScenarios(ctx: Ctx, c: Case) {
  c.scenarios.forEach((s, i) =>
    s.changes.forEach((ch, k) => {
      const path: CasePath = ['scenarios', i, 'changes', k];
      if ('actor' in ch) ref(ctx, 'actor', ch.actor, [...path, 'actor']);
      if ('issue' in ch && ref(ctx, 'issue', ch.issue, [...path, 'issue'])) {
        const issue = ctx.issues.get(ch.issue);
        if (issue && 'position' in ch && ch.position !== undefined)
          checkPosition(ctx, issue, ch.position, [...path, 'position']);
      }
      if (ch.op === 'capability' && (ch.factor === undefined) === (ch.set === undefined))
        err(
          ctx,
          'capability_change',
          path,
          'a capability change needs exactly one of "factor" or "set"',
          () => 'e.g. factor: 0.8 for −20 %',
        );
    }),
  );
}

/** Where references sit inside an entry of each list: `[kind, path]`, `*` standing for every list index. */
const RAW_REFERENCES: Record<string, [Kind, (string | '*')[]][]> = {
  actors: [
    ['actor', ['parent']],
    ['source', ['sources', '*', 'source']],
  ],
  issues: [['source', ['statusQuo', 'sources', '*', 'source']]],
  stances: [
    ['actor', ['actor']],
    ['issue', ['issue']],
    ['source', ['sources', '*', 'source']],
  ],
  proposals: [
    ['actor', ['authors', '*']],
    ['proposal', ['supersedes']],
    ['issue', ['points', '*', 'settles', '*', 'issue']],
    ['source', ['sources', '*', 'source']],
    ['source', ['points', '*', 'sources', '*', 'source']],
  ],
  events: [
    ['actor', ['actors', '*']],
    ['actor', ['targets', '*']],
    ['source', ['sources', '*', 'source']],
  ],
  scenarios: [
    ['actor', ['changes', '*', 'actor']],
    ['issue', ['changes', '*', 'issue']],
  ],
};

/** References inside entries that failed their schema, read defensively from the raw data. */
function checkRawReferences(ctx: Ctx, raw: Record<string, unknown>, isKept: (entry: unknown) => boolean) {
  for (const [list, refs] of Object.entries(RAW_REFERENCES))
    listOf(raw[list]).forEach((entry, i) => {
      if (isKept(entry)) return;
      for (const [kind, pattern] of refs)
        for (const [value, path] of valuesAt(entry, pattern, [list, i]))
          if (
            typeof value === 'string' &&
            value !== '' &&
            !(kind === 'actor' && pattern[0] === 'parent' && value === record(entry).id)
          )
            ref(ctx, kind, value, path);
    });
}

function valuesAt(x: unknown, pattern: readonly (string | '*')[], path: CasePath): [unknown, CasePath][] {
  if (pattern.length === 0) return [[x, path]];
  const [head, ...rest] = pattern;
  if (head === '*') return listOf(x).flatMap((y, k) => valuesAt(y, rest, [...path, k]));
  const r = record(x);
  return Object.hasOwn(r, head!) ? valuesAt(r[head!], rest, [...path, head!]) : [];
}
