/**
 * Parser bombs, numeric bounds and plain-language syntax advice (#14 items 4 and 7, #11 item 4). Expected
 * lines and columns are counted by hand from the inputs written here.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type CaseIssue } from './issues.js';
import { parseCase, parseCaseValue, type ParseResult } from './parse.js';
import { prescan } from './prescan.js';
import { readYaml } from './read-yaml.js';
import { PARSE_DEFAULTS } from './parse.js';

const issuesOf = (r: ParseResult): CaseIssue[] => (r.ok ? r.warnings : r.issues);
const only = (r: ParseResult) => {
  const list = issuesOf(r);
  expect(list, JSON.stringify(list)).toHaveLength(1);
  return list[0]!;
};

const HEAD = 'format: 1\nid: t\ntitle: T\n';
const MIN = `${HEAD}actors:\n  - { id: a, name: A, kind: state }\nissues:\n  - { id: x, name: X, scale: { kind: continuous } }\n`;

describe('parser bombs are refused by the pre-scan, located, before any parser builds nodes', () => {
  it('2 MB of nested brackets: too_deep at line 1, column 65 (the 65th "[")', () => {
    const i = only(parseCase('['.repeat(1_000_000) + ']'.repeat(1_000_000)));
    expect(i).toMatchObject({ code: 'too_deep', line: 1, column: 65 });
  });

  it('unclosed brackets and braces inside a value are located where the limit is crossed', () => {
    // The root mapping is level 1, so the 64th "[" after "id: " (4 characters) is level 65, at column 4 + 64.
    expect(only(parseCase(`format: 1\nid: ${'{a: '.repeat(100)}`))).toMatchObject({
      code: 'too_deep',
      line: 2,
    });
    expect(only(parseCase(`format: 1\nid: ${'['.repeat(100)}`))).toMatchObject({
      code: 'too_deep',
      line: 2,
      column: 68,
    });
  });

  it('1,800 levels of nested block mappings: too_deep at the 65th level, no stack overflow', () => {
    const lines = Array.from({ length: 1800 }, (_, i) => `${' '.repeat(i)}a:`);
    expect(only(parseCase(lines.join('\n') + ' 1\n'))).toMatchObject({
      code: 'too_deep',
      line: 65,
      column: 65,
    });
  });

  it('nested block lists, compact "- - -" and "- key:" nesting are all counted', () => {
    const seq = Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n');
    expect(only(parseCase(seq))).toMatchObject({ code: 'too_deep', line: 65 });
    expect(only(parseCase('- '.repeat(100_000) + '1\n'))).toMatchObject({
      code: 'too_deep',
      line: 1,
      column: 129,
    });
    const mixed = Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i)}- a:`).join('\n');
    // each line opens a list and a mapping: the 65th level is the list on line 33
    expect(only(parseCase(mixed))).toMatchObject({ code: 'too_deep', line: 33 });
  });

  it('too many aliases, too many keys and oversized text carry a line and column', () => {
    const aliases = `a: &a x\nb: [${Array(1001).fill('*a').join(', ')}]\n`;
    // the 1001st "*a" starts at column 5 + 4 × 1000
    expect(only(parseCase(aliases))).toMatchObject({ code: 'alias_bomb', line: 2, column: 4005 });
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}: 1`).join('\n');
    expect(only(parseCase(keys, { maxKeys: 10 }))).toMatchObject({
      code: 'too_many_keys',
      line: 11,
      column: 4,
    });
    const long = `${MIN}description: ${'x'.repeat(200)}\n`;
    const before = long.slice(0, 100).split('\n');
    expect(only(parseCase(long, { maxChars: 100 }))).toMatchObject({
      code: 'too_large',
      line: before.length,
      column: before[before.length - 1]!.length + 1,
    });
  });

  it('a huge anchor expanded many times is refused as an alias bomb at the first alias', () => {
    const big = `list: &a [${Array(5000).fill('1').join(', ')}]\nmore: [${Array(300).fill('*a').join(', ')}]\n`;
    expect(only(parseCase(big))).toMatchObject({ code: 'alias_bomb', line: 2, column: 8 });
  });

  it('brackets, quotes and "#" inside quoted text, comments and block scalars are not structure', () => {
    const text = [
      HEAD.trim(),
      `description: "${'['.repeat(200)} # not a comment"`,
      `# ${'{'.repeat(200)}`,
      'actors:',
      "  - { id: a, name: 'it''s [[[[ fine', kind: state }",
      '  - id: b',
      `    name: plain text with ${'['.repeat(100)} brackets`,
      '    kind: state',
      'issues:',
      '  - id: x',
      '    name: X',
      '    description: |',
      ...Array.from({ length: 70 }, (_, i) => `      ${' '.repeat(i % 10)}${'['.repeat(i + 1)}`),
      '    scale: { kind: continuous }',
      '',
    ].join('\n');
    const r = parseCase(text);
    expect(r.ok, JSON.stringify(issuesOf(r))).toBe(true);
  });

  it('a block scalar ends at the first line indented less than its first line: brackets there are structure', () => {
    const lines = ['a: |', '    text', ...Array.from({ length: 70 }, (_, i) => `  ${'['.repeat(i + 1)}`)];
    // Line L (from 3) opens L − 2 more brackets, all still open: after line 13 the root mapping and
    // 1 + 2 + … + 11 = 66 brackets make 67 levels; after line 12 only 1 + 55.
    expect(only(parseCase(lines.join('\n')))).toMatchObject({ code: 'too_deep', line: 13 });
  });

  it('the guarded reader refuses deep nesting on its own, should the pre-scan ever miss it', () => {
    const r = readYaml('['.repeat(10_000), 64);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ code: 'too_deep', line: 1 });
  });

  it('a deep JSON value given as an object (a request body) is refused without recursion', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(only(parseCaseValue({ format: 1, id: v }))).toMatchObject({ code: 'too_deep' });
  });

  it('the pre-scan is linear: 2 MB of nested brackets is refused after reading a few characters', () => {
    const r = prescan('['.repeat(2_000_000), PARSE_DEFAULTS);
    expect(r.refusal?.code).toBe('too_deep');
  });
});

describe('case-file messages for the low items of #14 item 7', () => {
  it('capability 1e308 is refused with the bound and a hint', () => {
    const r = parseCase(MIN.replace('kind: state }', 'kind: state, capability: 1e308 }'));
    const i = issuesOf(r).find((x) => x.code === 'out_of_range')!;
    expect(i).toMatchObject({ line: 5, path: ['actors', 0, 'capability'] });
    expect(i.message).toMatch(/at most 1,000,000/);
    expect(i.hint).toMatch(/≤ 1000000/);
  });

  it('scenario capability factors are bounded too', () => {
    const r = parseCase(
      `${MIN}scenarios:\n  - { id: s, name: S, changes: [{ op: capability, actor: a, factor: 1e300 }] }\n`,
    );
    expect(issuesOf(r).some((x) => x.code === 'out_of_range' && x.path.includes('factor'))).toBe(true);
  });

  it('a missing format says so, with the value to add (not "invalid value undefined undefined")', () => {
    const i = issuesOf(parseCase(MIN.replace('format: 1\n', ''))).find((x) => x.path[0] === 'format')!;
    expect(i.code).toBe('missing_field');
    expect(i.message).not.toMatch(/undefined/);
    expect(i.hint).toBe('add "format: 1"');
  });

  it('a complex key is named as such, never "[object Object]"', () => {
    for (const text of [`${MIN}? { a: 1 }\n: 2\n`, `${MIN}[a, b]: 1\n`]) {
      const list = issuesOf(parseCase(text));
      expect(JSON.stringify(list)).not.toMatch(/object Object/);
      expect(list[0]).toMatchObject({ code: 'yaml_complex_key', line: 8 }); // MIN has 7 lines
    }
  });

  it('every issue of a file with many kinds of mistakes has a line, a column and a hint', () => {
    const text = `${MIN}stances:\n  - { actor: b, issue: y, date: 2025-13-01, position: 500, salience: x }\nbogus: 1\n`;
    const list = issuesOf(parseCase(text));
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const i of list) {
      expect(i.line, JSON.stringify(i)).toBeTypeOf('number');
      expect(i.column, JSON.stringify(i)).toBeTypeOf('number');
      expect(i.hint, JSON.stringify(i)).toBeTruthy();
    }
  });
});

describe('YAML syntax errors become one piece of plain advice per mistake', () => {
  it('a comma inside { } is explained and the quoted value shown', () => {
    const text = MIN.replace('- { id: a, name: A,', '- { id: a, name: Shelved, no legal bar,');
    const i = issuesOf(parseCase(text)).find((x) => x.code === 'yaml_unquoted_comma')!;
    expect(i).toMatchObject({ line: 5, path: ['actors', 0, 'name'] });
    expect(i.hint).toMatch(/quote this value: it contains ", " inside \{ \}/);
    expect(i.hint).toContain('name: "Shelved, no legal bar"');
  });

  it('an unquoted ": " in a value says to quote the text', () => {
    const i = only(parseCase(`format: 1\nid: t\ntitle: Note: this matters\n`));
    expect(i).toMatchObject({ code: 'yaml_unquoted_colon', line: 3, column: 8 });
    expect(i.hint).toMatch(/quote this text: it contains ': '/);
  });

  it('one bad indent gives one error, not a cascade', () => {
    const text = `${HEAD}actors:\n  - id: a\n    name: A\n   kind: state\n  - id: b\n    name: B\n    kind: state\nissues: []\n`;
    const i = only(parseCase(text));
    expect(i).toMatchObject({ code: 'yaml_bad_indent', line: 7 });
  });

  it('an unclosed bracket or quote is named', () => {
    expect(only(parseCase(`${HEAD}actors: [1, 2\nissues: 3\n`)).code).toBe('yaml_unclosed');
    expect(only(parseCase(`${HEAD}description: "open\nactors: 3\n`)).code).toBe('yaml_unclosed');
  });

  it('every code has a default hint', () => {
    for (const [code, hint] of Object.entries(ISSUE_CODES)) expect(hint.length, code).toBeGreaterThan(5);
  });
});
