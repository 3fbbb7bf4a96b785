/**
 * Checks a structurally valid case for what a schema cannot see: duplicate ids, references to unknown
 * actors/issues/sources/proposals, positions off the issue's scale, red lines that exclude the actor's own
 * position, date order, parent cycles. Returns every issue found, each with a path and a hint.
 */
import type { CaseIssue, CasePath } from './issues.js';
import { closest } from './schema-issues.js';
import { isAcceptable, maybePositionValue, toAcceptable } from './resolve.js';
import type { Case, Issue, Position, SourceRef } from './schema.js';

export function validateCase(c: Case): CaseIssue[] {
  const out: CaseIssue[] = [];
  const err = (code: string, path: CasePath, message: string, hint?: string) =>
    out.push({ code, severity: 'error', path, message, hint });
  const warn = (code: string, path: CasePath, message: string, hint?: string) =>
    out.push({ code, severity: 'warning', path, message, hint });

  const ids = (list: { id: string }[], field: string) => {
    const seen = new Map<string, number>();
    list.forEach((x, i) => {
      const first = seen.get(x.id);
      if (first !== undefined)
        err(
          'duplicate_id',
          [field, i, 'id'],
          `duplicate id "${x.id}" (first used at ${field}[${first}])`,
          'give each entry its own id',
        );
      else seen.set(x.id, i);
    });
    return new Set(seen.keys());
  };
  const actorIds = ids(c.actors, 'actors');
  const issueIds = ids(c.issues, 'issues');
  const sourceIds = ids(c.sources, 'sources');
  const proposalIds = ids(c.proposals, 'proposals');
  ids(c.events, 'events');
  ids(c.scenarios, 'scenarios');
  const issues = new Map(c.issues.map((i) => [i.id, i]));

  const ref = (set: Set<string>, kind: string, field: string, value: string, path: CasePath) => {
    if (set.has(value)) return true;
    const guess = closest(value, [...set]);
    err(
      `unknown_${kind}`,
      path,
      `unknown ${kind} "${value}"`,
      guess
        ? `did you mean "${guess}"?`
        : `add it to "${field}" or use one of: ${[...set].slice(0, 12).join(', ')}`,
    );
    return false;
  };
  const refActor = (v: string, path: CasePath) => ref(actorIds, 'actor', 'actors', v, path);
  const refIssue = (v: string, path: CasePath) => ref(issueIds, 'issue', 'issues', v, path);
  const refSources = (list: SourceRef[], path: CasePath) =>
    list.forEach((s, k) => {
      ref(sourceIds, 'source', 'sources', s.source, [...path, k, 'source']);
      if (s.start !== undefined && s.end !== undefined && s.end < s.start)
        err('bad_offsets', [...path, k, 'end'], 'quote end offset is before its start', 'swap start and end');
    });
  const checkPosition = (issue: Issue, p: Position, path: CasePath) => {
    if (maybePositionValue(issue, p) === undefined) {
      const opts = issue.scale.kind === 'options' ? issue.scale.options.map((o) => o.id) : [];
      const guess = typeof p === 'string' ? closest(p, opts) : undefined;
      err(
        'unknown_option',
        path,
        issue.scale.kind === 'options'
          ? `"${p}" is not an option of issue "${issue.id}"`
          : `issue "${issue.id}" has a continuous scale: positions are numbers 0–100, not "${p}"`,
        guess
          ? `did you mean "${guess}"?`
          : opts.length
            ? `use one of: ${opts.join(', ')}`
            : 'write a number from 0 to 100',
      );
      return;
    }
    if (
      typeof p === 'number' &&
      issue.scale.kind === 'options' &&
      !issue.scale.options.some((o) => o.value === p)
    )
      err(
        'off_scale',
        path,
        `${p} is not on the options scale of issue "${issue.id}"`,
        `use an option id or one of its values: ${issue.scale.options.map((o) => `${o.id}=${o.value}`).join(', ')}`,
      );
  };

  c.actors.forEach((a, i) => {
    if (a.parent !== undefined) {
      if (a.parent === a.id)
        err('parent_cycle', ['actors', i, 'parent'], 'an actor cannot be its own parent');
      else refActor(a.parent, ['actors', i, 'parent']);
    }
    refSources(a.sources, ['actors', i, 'sources']);
  });
  const parents = new Map(c.actors.map((a) => [a.id, a.parent]));
  c.actors.forEach((a, i) => {
    const seen = new Set<string>([a.id]);
    for (let p = a.parent; p !== undefined; p = parents.get(p)) {
      if (seen.has(p)) {
        if (p === a.id && a.parent !== a.id)
          err(
            'parent_cycle',
            ['actors', i, 'parent'],
            `parent chain of "${a.id}" loops back to itself`,
            'break the cycle',
          );
        break;
      }
      seen.add(p);
    }
  });

  c.issues.forEach((issue, i) => {
    if (issue.scale.kind === 'options') {
      const seen = new Set<string>();
      issue.scale.options.forEach((o, k) => {
        if (seen.has(o.id))
          err('duplicate_id', ['issues', i, 'scale', 'options', k, 'id'], `duplicate option id "${o.id}"`);
        seen.add(o.id);
        const prev = issue.scale.kind === 'options' ? issue.scale.options[k - 1] : undefined;
        if (prev && prev.value >= o.value)
          err(
            'options_order',
            ['issues', i, 'scale', 'options', k, 'value'],
            'option values must increase down the list',
            'order the options from 0 towards 100',
          );
      });
    }
    if (issue.statusQuo) {
      checkPosition(issue, issue.statusQuo.position, ['issues', i, 'statusQuo', 'position']);
      refSources(issue.statusQuo.sources, ['issues', i, 'statusQuo', 'sources']);
    }
  });

  const stanceKeys = new Map<string, number>();
  c.stances.forEach((s, i) => {
    const base: CasePath = ['stances', i];
    const actorOk = refActor(s.actor, [...base, 'actor']);
    const issueOk = refIssue(s.issue, [...base, 'issue']);
    refSources(s.sources, [...base, 'sources']);
    const key = `${s.actor}|${s.issue}|${s.date}`;
    const first = stanceKeys.get(key);
    if (first !== undefined)
      err(
        'duplicate_stance',
        [...base, 'date'],
        `a stance of "${s.actor}" on "${s.issue}" dated ${s.date} already exists (stances[${first}])`,
        'merge them or change one date',
      );
    else stanceKeys.set(key, i);
    const issue = issues.get(s.issue);
    if (!actorOk || !issueOk || !issue) return;
    checkPosition(issue, s.position, [...base, 'position']);
    if (!s.redLine) return;
    if (s.redLine.options) {
      if (issue.scale.kind !== 'options')
        err(
          'redline_options_on_continuous',
          [...base, 'redLine', 'options'],
          `issue "${issue.id}" has a continuous scale; red lines there use min/max`,
          'replace options with min and/or max',
        );
      else s.redLine.options.forEach((o, k) => checkPosition(issue, o, [...base, 'redLine', 'options', k]));
    }
    const pos = maybePositionValue(issue, s.position);
    const acc = toAcceptable(issue, s.redLine);
    if (acc.values !== undefined && acc.values.length === 0)
      err(
        'empty_redline',
        [...base, 'redLine'],
        'this red line accepts no outcome on the scale',
        'widen min/max or list acceptable options',
      );
    else if (pos !== undefined && !isAcceptable(acc, pos))
      warn(
        'redline_excludes_position',
        [...base, 'redLine'],
        `the red line excludes the actor's own position (${pos})`,
        'check the position or widen the red line',
      );
  });

  c.proposals.forEach((p, i) => {
    const base: CasePath = ['proposals', i];
    p.authors.forEach((a, k) => refActor(a, [...base, 'authors', k]));
    if (p.supersedes !== undefined) {
      if (p.supersedes === p.id)
        err('self_reference', [...base, 'supersedes'], 'a proposal cannot supersede itself');
      else ref(proposalIds, 'proposal', 'proposals', p.supersedes, [...base, 'supersedes']);
    }
    refSources(p.sources, [...base, 'sources']);
    const numbers = new Map<number, number>();
    const settled = new Map<string, { value: number; k: number }>();
    p.points.forEach((pt, k) => {
      const first = numbers.get(pt.number);
      if (first !== undefined)
        warn('duplicate_point', [...base, 'points', k, 'number'], `point number ${pt.number} is used twice`);
      else numbers.set(pt.number, k);
      refSources(pt.sources, [...base, 'points', k, 'sources']);
      pt.settles.forEach((st, j) => {
        const path: CasePath = [...base, 'points', k, 'settles', j];
        if (!refIssue(st.issue, [...path, 'issue'])) return;
        const issue = issues.get(st.issue)!;
        checkPosition(issue, st.position, [...path, 'position']);
        const v = maybePositionValue(issue, st.position);
        const prev = settled.get(st.issue);
        if (v !== undefined && prev && prev.value !== v)
          warn(
            'conflicting_settlement',
            [...path, 'position'],
            `issue "${st.issue}" is also settled at ${prev.value} by point ${p.points[prev.k]!.number}; the later point wins`,
            'make the points agree',
          );
        if (v !== undefined) settled.set(st.issue, { value: v, k });
      });
    });
  });

  c.events.forEach((e, i) => {
    e.actors.forEach((a, k) => refActor(a, ['events', i, 'actors', k]));
    e.targets.forEach((a, k) => refActor(a, ['events', i, 'targets', k]));
    refSources(e.sources, ['events', i, 'sources']);
    if (e.endDate !== undefined && e.endDate < e.date)
      err(
        'date_order',
        ['events', i, 'endDate'],
        `endDate ${e.endDate} is before date ${e.date}`,
        'swap the dates',
      );
  });

  c.scenarios.forEach((s, i) =>
    s.changes.forEach((ch, k) => {
      const path: CasePath = ['scenarios', i, 'changes', k];
      if ('actor' in ch) refActor(ch.actor, [...path, 'actor']);
      if ('issue' in ch && refIssue(ch.issue, [...path, 'issue'])) {
        const issue = issues.get(ch.issue)!;
        if ('position' in ch && ch.position !== undefined)
          checkPosition(issue, ch.position, [...path, 'position']);
      }
      if (ch.op === 'capability' && (ch.factor === undefined) === (ch.set === undefined))
        err(
          'capability_change',
          path,
          'a capability change needs exactly one of "factor" or "set"',
          'e.g. factor: 0.8 for −20 %',
        );
    }),
  );
  return out;
}
