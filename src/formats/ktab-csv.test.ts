/** KTAB CSV reader: the shipped files read as docs/models/SMP.md §2.1 describes, and KTAB's validation rules, located. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv, type KtabParseResult } from './ktab-csv.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/ktab/inputs/${name}`, import.meta.url), 'utf8');

function scenarioOf(r: KtabParseResult) {
  if (!r.ok) throw new Error(`unexpected issues: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

function issuesOf(r: KtabParseResult) {
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.issues;
}

const HEAD = 'Test,"a test",3,2,\nActor,Desc,Power,P1,S1,P2,S2,\n';
const csv = (...actorLines: string[]) => HEAD + actorLines.join('\n') + '\n';
const GOOD = ['A, one, 10, 20, 30, 40, 50,', 'B, two, 20, 60, 20, 10, 10,', 'C, three, 30, 90, 5, 95, 5,'];

describe('reading the shipped KTAB CSV files', () => {
  it('dummyData_3Dim: 7 actors × 3 dimensions, white space kept in text fields', () => {
    const s = scenarioOf(parseKtabCsv(fixture('dummyData_3Dim.csv')));
    expect(s.name).toBe('DummyData_3Dim ');
    expect(s.description).toBe('Dummy scenario to test reading format');
    expect(s.dimensions).toEqual(['Pstn1', 'Pstn2', 'Pstn3']);
    expect(s.actors).toHaveLength(7);
    expect(s.actors[0]).toEqual({
      name: 'SActor-00',
      description: ' Random Spatial Actor',
      capability: 102.543,
      position: [75.79, 6.37, 70.45],
      salience: [49.53, 5.91, 28.15],
    });
  });

  it('the file without trailing commas has the same actors', () => {
    const a = scenarioOf(parseKtabCsv(fixture('dummyData_3Dim.csv')));
    const b = scenarioOf(parseKtabCsv(fixture('dummyData_3Dim-no-final-comma.csv')));
    expect(b.actors).toEqual(a.actors);
  });

  it('dummyData-a040: the dimension is called "  XYZ Position" (two leading spaces, docs/models/SMP.md §2.1)', () => {
    const s = scenarioOf(parseKtabCsv(fixture('dummyData-a040.csv')));
    expect(s.dimensions).toEqual(['  XYZ Position']);
    expect(s.actors).toHaveLength(40);
  });

  it.each([
    ['SOE-Policy.csv', 26, 1],
    ['SOE-Competitive.csv', 34, 1],
    ['SOE-Pol-Comp.csv', 13, 2],
    ['dummyData_6Dim.csv', 27, 6],
    ['dummyData-a080.csv', 80, 1],
    ['dummyData-a160.csv', 160, 1],
  ])('%s: %i actors × %i dimensions', (file, n, k) => {
    const s = scenarioOf(parseKtabCsv(fixture(file)));
    expect(s.actors).toHaveLength(n);
    expect(s.dimensions).toHaveLength(k);
  });
});

describe('KTAB’s validation rules, with line and column', () => {
  it('accepts a small valid file, quotes removed', () => {
    expect(scenarioOf(parseKtabCsv(csv(...GOOD))).description).toBe('a test');
  });

  it('fewer than 3 actors announced', () => {
    const issues = issuesOf(parseKtabCsv('T,d,2,1\nA,D,P,X,S\na,,1,1,1\nb,,1,1,1\n'));
    expect(issues[0]).toMatchObject({ code: 'ktab_actor_count', line: 1, column: 5 });
  });

  it('more than 250 actors announced', () => {
    expect(issuesOf(parseKtabCsv('T,d,251,1\n'))[0]).toMatchObject({ code: 'ktab_actor_count' });
  });

  it('a capability that is not a number, named with its actor, line and column', () => {
    const issues = issuesOf(parseKtabCsv(csv(GOOD[0]!, 'B, two, abc, 60, 20, 10, 10,', GOOD[2]!)));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'ktab_not_a_number',
        path: ['actors', 1, 'capability'],
        line: 4,
        column: 9,
        message: expect.stringContaining('B: capability "abc"'),
      }),
    ]);
  });

  it.each(['NaN', 'Infinity', '', '0x10'])('"%s" is not a number', (text) => {
    const issues = issuesOf(parseKtabCsv(csv(GOOD[0]!, `B, two, 20, ${text}, 20, 10, 10,`, GOOD[2]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_not_a_number', path: ['actors', 1, 'position', 0] });
  });

  it('capability 0 is rejected at load time (KTAB accepts it and then fails, docs/models/SMP.md §12.6)', () => {
    const issues = issuesOf(parseKtabCsv(csv('A, one, 0, 20, 30, 40, 50,', GOOD[1]!, GOOD[2]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_capability', line: 3 });
  });

  it('capability above 1e8', () => {
    expect(issuesOf(parseKtabCsv(csv('A, one, 2e8, 20, 30, 40, 50,', GOOD[1]!, GOOD[2]!)))[0]).toMatchObject({
      code: 'ktab_capability',
    });
  });

  it('positions and saliences outside 0–100', () => {
    const issues = issuesOf(parseKtabCsv(csv('A, one, 10, 101, 30, 40, -1,', GOOD[1]!, GOOD[2]!)));
    expect(issues.map((i) => i.code)).toEqual(['ktab_position_range', 'ktab_salience_range']);
  });

  it('saliences summing above 100', () => {
    const issues = issuesOf(parseKtabCsv(csv('A, one, 10, 20, 60, 40, 41,', GOOD[1]!, GOOD[2]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_salience_sum', path: ['actors', 0, 'salience'], line: 3 });
  });

  it('saliences summing to exactly 100 in a way that rounds above it are accepted (docs/models/SMP.md §12.11)', () => {
    const text =
      'T,d,3,3\nA,D,P,X,S,Y,S,Z,S\na,,1,1,73.68,1,17.61,1,8.71\nb,,1,2,10,2,10,2,10\nc,,1,3,10,3,10,3,10\n';
    expect(parseKtabCsv(text).ok).toBe(true);
  });

  it('an actor with all saliences 0 (KTAB aborts at run time)', () => {
    const issues = issuesOf(parseKtabCsv(csv('A, one, 10, 20, 0, 40, 0,', GOOD[1]!, GOOD[2]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_salience_zero' });
  });

  it('actor names of 1 to 25 characters', () => {
    const issues = issuesOf(
      parseKtabCsv(csv(`${'x'.repeat(26)}, one, 10, 20, 30, 40, 50,`, GOOD[1]!, GOOD[2]!)),
    );
    expect(issues[0]).toMatchObject({ code: 'ktab_actor_name', line: 3, column: 1 });
  });

  it('fewer actor lines than announced', () => {
    const issues = issuesOf(parseKtabCsv(csv(GOOD[0]!, GOOD[1]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_csv_missing_actor', line: 5 });
  });

  it('an actor line with a missing field', () => {
    const issues = issuesOf(parseKtabCsv(csv(GOOD[0]!, 'B, two, 20, 60, 20, 10', GOOD[2]!)));
    expect(issues[0]).toMatchObject({ code: 'ktab_csv_columns', line: 4 });
  });

  it('a header too short for the announced dimensions', () => {
    const issues = issuesOf(parseKtabCsv('T,d,3,2\nActor,Desc,Power,P1,S1\n'));
    expect(issues[0]).toMatchObject({ code: 'ktab_csv_columns', line: 2 });
  });

  it('an empty file', () => {
    expect(issuesOf(parseKtabCsv(''))[0]).toMatchObject({ code: 'ktab_csv_header', line: 1 });
  });

  it('extra lines after the announced actors are ignored with a warning', () => {
    const r = parseKtabCsv(csv(...GOOD, 'D, four, 1, 1, 1, 1, 1,'));
    expect(r.ok && r.warnings[0]).toMatchObject({ code: 'ktab_csv_extra_line', line: 6 });
  });

  it('a byte-order mark and Windows line ends are accepted', () => {
    const s = scenarioOf(parseKtabCsv(`\uFEFF${csv(...GOOD).replace(/\n/g, '\r\n')}`));
    expect(s.name).toBe('Test');
    expect(s.actors.map((a) => a.name)).toEqual(['A', 'B', 'C']);
  });

  it('a quoted field may contain commas', () => {
    const s = scenarioOf(parseKtabCsv(csv('A,"one, first", 10, 20, 30, 40, 50,', GOOD[1]!, GOOD[2]!)));
    expect(s.actors[0]!.description).toBe('one, first');
  });
});
