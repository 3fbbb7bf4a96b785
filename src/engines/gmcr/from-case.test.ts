// Conflicts written in case files: compiled against the case's actors, equal to the same conflict read from
// a .gmcr file, and every mistake reported with its path from the case root.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { parseCase } from '../../case/parse.js';
import { readGmcrFile } from '../../formats/gmcr-file.js';
import { analyzeStability } from './analyze.js';
import { conflictFromCase, toCaseIssues } from './from-case.js';
import { buildModel } from './model.js';

const caseText = readFileSync(
  new URL('../../../fixtures/gmcr/cases/prisoners.yaml', import.meta.url),
  'utf8',
);

/** Parses the fixture after applying `edit` to its plain data (loosely typed: edits reach deep into it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
function caseWith(edit: (d: Loose) => void = () => {}) {
  const data = parseYaml(caseText) as Loose;
  edit(data);
  const parsed = parseCase(stringify(data));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.case;
}

describe('conflictFromCase', () => {
  it('compiles the Prisoners case to the same states, payoffs and stability as Prisoners.gmcr', () => {
    const compiled = conflictFromCase(caseWith());
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const fromCase = buildModel(compiled.conflict.spec);
    const file = readGmcrFile(
      readFileSync(new URL('../../../fixtures/gmcr/textbook/Prisoners.gmcr', import.meta.url), 'utf8'),
    );
    if (!fromCase.ok || !file.ok) throw new Error('build failed');
    const fromFile = buildModel(file.spec);
    if (!fromFile.ok) throw new Error('build failed');
    expect(fromCase.model.payoffs.map((p) => Array.from(p))).toEqual(
      fromFile.model.payoffs.map((p) => Array.from(p)),
    );
    expect(analyzeStability(fromCase.model).equilibria).toEqual(analyzeStability(fromFile.model).equilibria);
    expect(fromCase.model.dms.map((d) => d.id)).toEqual(['one', 'two']);
    expect(compiled.conflict.statusQuo).toEqual(['one-cooperates', 'two-cooperates']);
  });

  it('turns mutually exclusive groups, at-least-one groups and dependencies into infeasible states', () => {
    const c = caseWith((d) => {
      d.conflicts[0].mutuallyExclusive = [['one-cooperates', 'two-cooperates']];
      d.conflicts[0].atLeastOne = [['one-cooperates', 'two-cooperates']];
    });
    const compiled = conflictFromCase(c);
    if (!compiled.ok) throw new Error('compile failed');
    const b = buildModel(compiled.conflict.spec);
    if (!b.ok) throw new Error('build failed');
    expect(Array.from(b.model.codes)).toEqual([1, 2]); // exactly one cooperates
    const dep = conflictFromCase(
      caseWith((d) => (d.conflicts[0].requires = [{ option: 'two-cooperates', requires: 'one-cooperates' }])),
    );
    if (!dep.ok) throw new Error('compile failed');
    const bd = buildModel(dep.conflict.spec);
    expect(bd.ok && Array.from(bd.model.codes)).toEqual([0, 1, 3]); // NY (code 2) is ruled out
  });

  it('accepts an explicit ranking with ties written as Y/N strings', () => {
    const c = caseWith(
      (d) => (d.conflicts[0].decisionMakers[0].preferences = { ranking: ['NY', ['YY', 'NN'], 'YN'] }),
    );
    const compiled = conflictFromCase(c);
    if (!compiled.ok) throw new Error('compile failed');
    const b = buildModel(compiled.conflict.spec);
    expect(b.ok && Array.from(b.model.payoffs[0]!)).toEqual([3, 2, 4, 3]);
  });

  it('reports unknown actors, options and sources, and statements that do not parse, with case paths', () => {
    const c = caseWith((d) => {
      d.conflicts[0].decisionMakers[1].actor = 'three';
      d.conflicts[0].decisionMakers[0].preferences.statements[1] = 'NOT one-cooperates AND';
      d.conflicts[0].mutuallyExclusive = [['one-cooperates', 'nobody']];
      d.conflicts[0].sources = [{ source: 'nowhere' }];
    });
    const r = conflictFromCase(c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_actor', 'conflicts.0.decisionMakers.1.actor'],
      ['unknown_source', 'conflicts.0.sources.0.source'],
      ['unknown_option', 'conflicts.0.mutuallyExclusive.0.1'],
      ['bad_statement', 'conflicts.0.decisionMakers.0.preferences.statements.1'],
    ]);
    expect(r.issues[3]!.message).toContain('column 23');
  });

  it('maps engine issues back to the case: contradictory feasibility leaving no state', () => {
    const c = caseWith((d) => (d.conflicts[0].infeasible = ['one-cooperates', 'NOT one-cooperates']));
    const compiled = conflictFromCase(c);
    if (!compiled.ok) throw new Error('compile failed');
    const b = buildModel(compiled.conflict.spec);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(toCaseIssues(b.issues, compiled.conflict.casePath)[0]).toMatchObject({
      code: 'no_feasible_state',
      path: ['conflicts', 0, 'infeasible'],
    });
  });

  it('asks which conflict when there are several, and names the known ones for an unknown id', () => {
    const two = caseWith((d) => d.conflicts.push({ ...d.conflicts[0], id: 'again' }));
    const r = conflictFromCase(two);
    expect(!r.ok && r.issues[0]!.code).toBe('ambiguous_conflict');
    const u = conflictFromCase(two, 'nope');
    expect(!u.ok && u.issues[0]!.hint).toBe('conflicts: dilemma, again');
    expect(conflictFromCase(two, 'again').ok).toBe(true);
  });
});
