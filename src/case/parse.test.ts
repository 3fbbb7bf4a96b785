import { describe, expect, it } from 'vitest';
import { parseCase, type ParseResult } from './parse.js';
import { formatPath, type CaseIssue } from './issues.js';

/** A valid minimal case; variants below edit it line by line so expected line numbers are easy to read. */
const BASE = [
  'format: 1', //                                   1
  'id: t', //                                       2
  'title: T', //                                    3
  'actors:', //                                     4
  '  - id: a', //                                   5
  '    name: A', //                                 6
  '    kind: state', //                             7
  '  - id: b', //                                   8
  '    name: B', //                                 9
  '    kind: state', //                             10
  'issues:', //                                     11
  '  - id: x', //                                   12
  '    name: X', //                                 13
  '    scale: { kind: continuous }', //             14
  '  - id: nato', //                                15
  '    name: NATO', //                              16
  '    scale:', //                                  17
  '      kind: options', //                         18
  '      options:', //                              19
  '        - { id: join, label: Join, value: 0 }', // 20
  '        - { id: ban, label: Ban, value: 100 }', // 21
];

const doc = (...extra: string[]) => [...BASE, ...extra].join('\n') + '\n';
const replaceLine = (n: number, text: string, ...extra: string[]) =>
  [...BASE.slice(0, n - 1), text, ...BASE.slice(n), ...extra].join('\n') + '\n';

function issuesOf(r: ParseResult): CaseIssue[] {
  return r.ok ? r.warnings : r.issues;
}

function expectIssue(
  r: ParseResult,
  want: { code: string; line?: number; column?: number; path?: string; message?: RegExp; hint?: RegExp },
) {
  const found = issuesOf(r).find((i) => i.code === want.code);
  expect(found, `expected an issue with code ${want.code}, got ${JSON.stringify(issuesOf(r))}`).toBeDefined();
  if (want.line !== undefined) expect(found!.line).toBe(want.line);
  if (want.column !== undefined) expect(found!.column).toBe(want.column);
  if (want.path !== undefined) expect(formatPath(found!.path)).toBe(want.path);
  if (want.message) expect(found!.message).toMatch(want.message);
  if (want.hint) expect(found!.hint).toMatch(want.hint);
}

describe('parseCase accepts valid input', () => {
  it('parses the base case and fills defaults', () => {
    const r = parseCase(doc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.actors[0]!.capability).toBe(1);
    expect(r.case.actors[0]!.veto).toBe(false);
    expect(r.case.stances).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('reads the same case written as JSON', () => {
    const json = JSON.stringify({
      format: 1,
      id: 't',
      title: 'T',
      actors: [{ id: 'a', name: 'A', kind: 'state' }],
      issues: [{ id: 'x', name: 'X', scale: { kind: 'continuous' } }],
    });
    expect(parseCase(json).ok).toBe(true);
  });
});

describe('parseCase locates malformed case files', () => {
  it('1. unclosed flow mapping: YAML syntax error at the line where it fails', () => {
    const r = parseCase(replaceLine(14, '    scale: { kind: continuous'));
    expect(r.ok).toBe(false);
    const i = issuesOf(r)[0]!;
    expect(i.code).toMatch(/^yaml_/);
    expect(i.line).toBeGreaterThanOrEqual(14);
    expect(i.hint ?? i.message).toBeTruthy();
  });

  it('2. duplicate key in a mapping', () => {
    const r = parseCase(replaceLine(3, 'title: T\ntitle: U'));
    expectIssue(r, { code: 'yaml_duplicate_key', line: 4, column: 1, hint: /once per mapping/ });
  });

  it('3. tab used for indentation', () => {
    const r = parseCase(replaceLine(6, '\tname: A'));
    expect(r.ok).toBe(false);
    expect(issuesOf(r)[0]!.line).toBe(6);
  });

  it('4. unknown top-level key, with a spelling suggestion, located at the key', () => {
    const r = parseCase(doc('actorz: []'));
    expectIssue(r, {
      code: 'unknown_key',
      line: 22,
      column: 1,
      path: 'actorz',
      hint: /did you mean "actors"/,
    });
  });

  it('5. unknown key inside an actor lists the allowed keys when nothing is close', () => {
    const r = parseCase(replaceLine(7, '    kind: state\n    superpower: true'));
    expectIssue(r, {
      code: 'unknown_key',
      line: 8,
      column: 5,
      path: 'actors[0].superpower',
      hint: /aliases, capability, veto/,
    });
  });

  it('6. wrong type: capability written as text', () => {
    const r = parseCase(replaceLine(7, '    kind: state\n    capability: high'));
    expectIssue(r, {
      code: 'wrong_type',
      line: 8,
      column: 17,
      path: 'actors[0].capability',
      message: /expected number, got string "high"/,
    });
  });

  it('7. missing required field: an actor without a name is located at the actor', () => {
    const r = parseCase(
      replaceLine(6, '    kind: state').replace('    kind: state\n    kind: state', '    kind: state'),
    );
    expectIssue(r, { code: 'missing_field', line: 5, column: 5, path: 'actors[0].name', hint: /add "name"/ });
  });

  it('8. salience out of range', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 150 }'),
    );
    expectIssue(r, {
      code: 'out_of_range',
      line: 23,
      path: 'stances[0].salience',
      message: /got 150/,
      hint: /≤ 100/,
    });
  });

  it('9. negative capability', () => {
    const r = parseCase(replaceLine(7, '    kind: state\n    capability: -3'));
    expectIssue(r, {
      code: 'out_of_range',
      line: 8,
      column: 17,
      path: 'actors[0].capability',
      message: /cannot be negative/,
    });
  });

  it('10. a date that does not parse', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: x, date: 15 Aug 2025, position: 10, salience: 50 }'),
    );
    expectIssue(r, { code: 'bad_date', line: 23, path: 'stances[0].date', hint: /YYYY-MM-DD/ });
  });

  it('11. an impossible calendar date', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: x, date: 2025-13-45, position: 10, salience: 50 }'),
    );
    expectIssue(r, { code: 'bad_date', path: 'stances[0].date' });
  });

  it('12. invalid enum value with a suggestion and the allowed values', () => {
    const r = parseCase(replaceLine(7, '    kind: stat'));
    expectIssue(r, {
      code: 'invalid_value',
      line: 7,
      column: 11,
      path: 'actors[0].kind',
      hint: /did you mean "state".*"alliance"/,
    });
  });

  it('13. duplicate actor id', () => {
    const r = parseCase(replaceLine(8, '  - id: a'));
    expectIssue(r, {
      code: 'duplicate_id',
      line: 8,
      column: 9,
      path: 'actors[1].id',
      message: /first used at actors\[0\]/,
    });
  });

  it('14. stance naming an unknown actor, with a did-you-mean', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: aa, issue: x, date: 2025-01-01, position: 10, salience: 50 }'),
    );
    expectIssue(r, {
      code: 'unknown_actor',
      line: 23,
      column: 14,
      path: 'stances[0].actor',
      hint: /did you mean "a"/,
    });
  });

  it('15. stance naming an unknown issue', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: crimea, date: 2025-01-01, position: 10, salience: 50 }'),
    );
    expectIssue(r, { code: 'unknown_issue', line: 23, path: 'stances[0].issue', hint: /x, nato/ });
  });

  it('16. reference to an unknown source', () => {
    const r = parseCase(
      doc(
        'stances:',
        '  - actor: a',
        '    issue: x',
        '    date: 2025-01-01',
        '    position: 10',
        '    salience: 50',
        '    sources: [{ source: nyt }]',
      ),
    );
    expectIssue(r, { code: 'unknown_source', line: 28, path: 'stances[0].sources[0].source' });
  });

  it('17. a proposal superseding an unknown proposal', () => {
    const r = parseCase(
      doc('proposals:', '  - { id: p, title: P, kind: plan, date: 2025-01-01, supersedes: q }'),
    );
    expectIssue(r, { code: 'unknown_proposal', line: 23, path: 'proposals[0].supersedes' });
  });

  it('18. a position naming an option the issue does not have', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: nato, date: 2025-01-01, position: bann, salience: 50 }'),
    );
    expectIssue(r, {
      code: 'unknown_option',
      line: 23,
      path: 'stances[0].position',
      hint: /did you mean "ban"/,
    });
  });

  it('19. a number that is not on an options scale', () => {
    const r = parseCase(
      doc('stances:', '  - { actor: a, issue: nato, date: 2025-01-01, position: 40, salience: 50 }'),
    );
    expectIssue(r, { code: 'off_scale', line: 23, path: 'stances[0].position', hint: /join=0, ban=100/ });
  });

  it('20. a red line that excludes the actor’s own position is a warning, not an error', () => {
    const r = parseCase(
      doc(
        'stances:',
        '  - { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50, redLine: { min: 60 } }',
      ),
    );
    expect(r.ok).toBe(true);
    expectIssue(r, { code: 'redline_excludes_position', line: 23, path: 'stances[0].redLine' });
  });

  it('21. a red line whose min is above its max', () => {
    const r = parseCase(
      doc(
        'stances:',
        '  - { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50, redLine: { min: 60, max: 20 } }',
      ),
    );
    expectIssue(r, {
      code: 'redline_min_above_max',
      path: 'stances[0].redLine.min',
      message: /min is above its max/,
      hint: /swap min and max/,
    });
  });

  it('22. option red lines on a continuous scale', () => {
    const r = parseCase(
      doc(
        'stances:',
        '  - { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50, redLine: { options: [join] } }',
      ),
    );
    expectIssue(r, {
      code: 'redline_options_on_continuous',
      path: 'stances[0].redLine.options',
      hint: /min and\/or max/,
    });
  });

  it('23. a format version this Redline does not read', () => {
    const r = parseCase(replaceLine(1, 'format: 2'));
    expectIssue(r, { code: 'invalid_value', line: 1, column: 9, path: 'format' });
  });

  it('24. a document that is a list, not a case', () => {
    expectIssue(parseCase('- a\n- b\n'), { code: 'not_a_case', line: 1, hint: /format: 1/ });
  });

  it('25. binary junk is refused with its position', () => {
    expectIssue(parseCase('format: 1\nid: \u0000\u0001\u0002'), { code: 'binary', line: 2, column: 5 });
  });

  it('26. an alias bomb is refused instead of expanding', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 0; k < 8; k++)
      lines.push(
        `${'bcdefghij'[k]}: &${'bcdefghij'[k]} [${Array(10).fill(`*${'abcdefghij'[k]}`).join(', ')}]`,
      );
    expectIssue(parseCase(lines.join('\n')), { code: 'alias_bomb' });
  });

  it('27. runaway nesting is refused', () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    expectIssue(parseCase(`format: 1\nid: ${deep}\n`), { code: 'too_deep' });
  });

  it('28. text over the size limit is refused before parsing', () => {
    expectIssue(parseCase(doc(), { maxChars: 100 }), { code: 'too_large', message: /limit is 100/ });
  });

  it('29. an unknown scenario operation names the allowed ones', () => {
    const r = parseCase(doc('scenarios:', '  - { id: s, name: S, changes: [{ op: grow, actor: a }] }'));
    expectIssue(r, {
      code: 'invalid_value',
      line: 23,
      path: 'scenarios[0].changes[0].op',
      hint: /capability, veto, stance, statusQuo/,
    });
  });

  it('30. an event that ends before it starts', () => {
    const r = parseCase(
      doc('events:', '  - { id: e, date: 2025-05-02, endDate: 2025-05-01, type: meet, summary: Talks }'),
    );
    expectIssue(r, { code: 'date_order', line: 23, path: 'events[0].endDate', hint: /swap/ });
  });

  it('31. JSON input is located too', () => {
    const json =
      '{\n  "format": 1,\n  "id": "t",\n  "title": "T",\n  "actors": [{ "id": "a", "name": "A", "kind": "nation" }],\n  "issues": []\n}';
    const r = parseCase(json);
    expectIssue(r, { code: 'invalid_value', line: 5, path: 'actors[0].kind' });
    expectIssue(r, { code: 'too_small', line: 6, path: 'issues' });
  });

  it('32. every problem is reported at once, not only the first', () => {
    const r = parseCase(
      doc(
        'stances:',
        '  - { actor: zz, issue: yy, date: 2025-01-01, position: 10, salience: 50 }',
        '  - { actor: a, issue: qq, date: 2025-01-01, position: 10, salience: 50 }',
      ),
    );
    expect(issuesOf(r).map((i) => i.code)).toEqual(['unknown_actor', 'unknown_issue', 'unknown_issue']);
  });
});

describe('parseCase reads files with and without YAML anchors alike', () => {
  it('an anchored file (careful path) parses to the same case as its expanded twin (fast path)', () => {
    const anchored = doc(
      'stances:',
      '  - &s { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50 }',
      '  - { <<: *s, actor: b }',
    );
    const plain = doc(
      'stances:',
      '  - { actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50 }',
      '  - { actor: b, issue: x, date: 2025-01-01, position: 10, salience: 50 }',
    );
    const a = parseCase(anchored);
    const p = parseCase(plain);
    expect(a.ok && p.ok).toBe(true);
    if (a.ok && p.ok) expect(a.case).toEqual(p.case);
  });
});

describe('parseCase runs extra checks and locates what they find', () => {
  it('a check’s issue gets the line and column of its path', () => {
    const check = () => [
      {
        code: 'invalid' as const,
        severity: 'error' as const,
        path: ['issues', 1, 'name'],
        message: 'not allowed',
      },
    ];
    const r = parseCase(doc(), { checks: [check] });
    expect(r.ok).toBe(false);
    expectIssue(r, { code: 'invalid', line: 16, column: 11 });
  });

  it('checks run in the same pass as the case’s own validation, even when it found errors', () => {
    let ran = false;
    parseCase(replaceLine(8, '  - id: a'), { checks: [() => ((ran = true), [])] });
    expect(ran).toBe(true);
  });
});
