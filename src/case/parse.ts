/**
 * Text (YAML or JSON) to a validated case, with every problem located at a line and column. Pure: a string
 * in, a success/failure union out.
 *
 * Steps: refuse binary junk; pre-scan the text in one linear pass (size, nesting depth, aliases, keys) so a
 * parser bomb is refused before any parser builds a node; read it (js-yaml for plain files, the guarded
 * `yaml` reader for anchors, complex keys and syntax errors); bound the value's depth and its size after
 * alias expansion; then report schema, reference and engine-check problems together, in one pass.
 */
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { withHint, type CaseIssue, type CasePath } from './issues.js';
import { prescan } from './prescan.js';
import { readYaml, strayKeyAdvice, syntaxIssues, type Located } from './read-yaml.js';
import { fromZodIssues } from './schema-issues.js';
import { CaseSchema, type Case } from './schema.js';
import { salvagedForChecks, validateCase, validateSalvaged } from './validate.js';

export type ParseResult =
  { ok: true; case: Case; warnings: CaseIssue[] } | { ok: false; issues: CaseIssue[] };

export interface ParseOptions {
  /** Largest text accepted, in characters. */
  maxChars?: number;
  /** Deepest nesting of mappings and lists accepted. */
  maxDepth?: number;
  /** Most alias references (YAML `*name`) accepted. */
  maxAliases?: number;
  /** Most mapping keys in the text. */
  maxKeys?: number;
  /** Most values (scalars, lists, mappings) in the document, counting every expansion of an alias. */
  maxValues?: number;
  /** Most issues reported; the rest are summed up in one `more_problems` issue. */
  maxIssues?: number;
  /** Further checks run on the case (e.g. engines' own validation); their issues are located too. */
  checks?: readonly ((c: Case) => CaseIssue[])[];
}

/**
 * Limits sized so that the largest accepted input parses in a few seconds and well under 1 GB: the example
 * case is 0.1 MB, 2 levels of lists and 5 of nesting, and the bench's 60-actor case 0.4 MB and 40k values.
 */
export const PARSE_DEFAULTS: Required<ParseOptions> = {
  maxChars: 5_000_000,
  maxDepth: 64,
  maxAliases: 1000,
  maxKeys: 250_000,
  maxValues: 1_000_000,
  maxIssues: 200,
  checks: [],
};

const fail = (issue: CaseIssue): ParseResult => ({ ok: false, issues: [withHint(issue)] });

/** Parses and validates a case from YAML or JSON text (JSON is read as the YAML subset it is). */
export function parseCase(text: string, options: ParseOptions = {}): ParseResult {
  const opts = { ...PARSE_DEFAULTS, ...options };
  const junk = binaryIssue(text);
  if (junk) return fail(junk);
  const scan = prescan(text, opts);
  if (scan.refusal) return fail(scan.refusal);

  let located: Located | undefined;
  // Plain files take js-yaml (fast); anchors, complex keys and anything js-yaml rejects take the guarded reader.
  let data = scan.anchors === 0 && scan.aliases === 0 && !scan.complexKey ? fastLoad(text) : undefined;
  if (data === undefined) {
    const read = readYaml(text, opts.maxDepth);
    if (!read.ok) return fail(read.issue);
    located = read.located;
    const syntax = syntaxIssues(located);
    if (syntax.length > 0) return { ok: false, issues: syntax.map(withHint) };
    try {
      data = located.doc.toJS({ maxAliasCount: opts.maxAliases });
    } catch (e) {
      return fail(aliasBomb(scan.firstAlias, e instanceof Error ? e.message : String(e)));
    }
  }
  const locate = (): Located | undefined => {
    if (located) return located;
    const read = readYaml(text, opts.maxDepth);
    return read.ok ? (located = read.located) : undefined;
  };
  const guard = guardValue(data, opts);
  if (guard) {
    const issue =
      guard === 'values' && scan.aliases > 0 ? aliasBomb(scan.firstAlias) : boundIssue(guard, opts);
    const where = issue.line === undefined ? locate() : undefined;
    return { ok: false, issues: (where ? locateAll(where, [issue]) : [issue]).map(withHint) };
  }
  return checkData(data, opts, locate);
}

/**
 * Validates a case that is already a value (e.g. a JSON request body) with the same bounds and checks as
 * `parseCase`; the issues carry paths but no line or column.
 */
export function parseCaseValue(value: unknown, options: ParseOptions = {}): ParseResult {
  const opts = { ...PARSE_DEFAULTS, ...options };
  const guard = guardValue(value, opts);
  if (guard) return fail(boundIssue(guard, opts));
  return checkData(value, opts, () => undefined);
}

function checkData(
  data: unknown,
  opts: Required<ParseOptions>,
  locate: () => Located | undefined,
): ParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail({
      code: 'not_a_case',
      severity: 'error',
      path: [],
      line: 1,
      column: 1,
      message: `a case file is a mapping of keys (format, id, title, actors, issues, ...), got ${data === null || data === undefined ? 'nothing' : Array.isArray(data) ? 'a list' : typeof data}`,
      hint: 'start the file with "format: 1"',
    });
  const parsed = CaseSchema.safeParse(data);
  // Schema, references and engine checks are reported together: on a case that failed its schema, the
  // entries that pass their own schema are still checked, and references are read from the raw data.
  const found: CaseIssue[] = parsed.success
    ? validateCase(parsed.data)
    : [...fromZodIssues(CaseSchema, parsed.error.issues, data), ...validateSalvaged(data)];
  const forChecks = parsed.success ? parsed.data : salvagedForChecks(data);
  for (const check of opts.checks) found.push(...safeCheck(check, forChecks));
  const issues = finish(dedupe(found), opts.maxIssues, locate);
  if (!parsed.success || issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, case: parsed.data, warnings: issues };
}

/** An engine check that trips over data it did not expect reports nothing rather than failing the parse. */
function safeCheck(check: (c: Case) => CaseIssue[], c: Case): CaseIssue[] {
  try {
    return check(c);
  } catch {
    return [];
  }
}

function dedupe(issues: CaseIssue[]): CaseIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.path.join('.')}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Caps, locates and fills in default hints. */
function finish(issues: CaseIssue[], max: number, locate: () => Located | undefined): CaseIssue[] {
  const shown = issues.length > max ? issues.slice(0, max) : issues;
  const where = shown.length > 0 ? locate() : undefined;
  const out = (where ? locateAll(where, shown) : shown).map(withHint);
  if (issues.length > max) {
    const rest = issues.slice(max);
    const errors = rest.filter((i) => i.severity === 'error').length;
    out.push({
      code: 'more_problems',
      severity: errors > 0 ? 'error' : 'warning',
      path: [],
      ...(out[out.length - 1]?.line !== undefined ? { line: out[out.length - 1]!.line, column: 1 } : {}),
      message: `${rest.length} more problem${rest.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) not shown`,
      hint: 'fix the problems shown and validate again to see the rest',
    });
  }
  return out;
}

/** js-yaml with the YAML 1.2 core schema (no timestamps, so dates stay strings); undefined = use the careful path. */
function fastLoad(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    // Syntax errors, duplicate keys and (should the pre-scan have missed deep nesting) a stack overflow.
    return undefined;
  }
}

/** The first NUL, other C0 control (except tab/CR/LF/FF) or U+FFFD replacement character, as an issue. */
function binaryIssue(text: string): CaseIssue | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    code: 'binary',
    severity: 'error',
    path: [],
    line: before.split('\n').length,
    column: m.index - lineStart + 1,
    message: 'this is not a text file (it contains control or undecodable bytes)',
    hint: 'case files are UTF-8 YAML or JSON text',
  };
}

function aliasBomb(at: { line: number; column: number } | undefined, detail?: string): CaseIssue {
  return {
    code: 'alias_bomb',
    severity: 'error',
    path: [],
    ...(at ?? { line: 1, column: 1 }),
    message: `the YAML expands too far through anchors and aliases${detail ? ` (${detail})` : ''}`,
    hint: 'write the repeated content out or use fewer aliases',
  };
}

type Bound = 'values' | { deep: CasePath };

function boundIssue(bound: Bound, opts: Required<ParseOptions>): CaseIssue {
  if (bound === 'values')
    return {
      code: 'too_large',
      severity: 'error',
      path: [],
      line: 1,
      column: 1,
      message: `the document holds more than ${opts.maxValues.toLocaleString('en')} values`,
      hint: 'split the material: case files hold the model, not the articles behind it',
    };
  return {
    code: 'too_deep',
    severity: 'error',
    path: bound.deep,
    message: `the document nests deeper than ${opts.maxDepth} levels`,
    hint: 'a case file is a few levels deep; check for runaway brackets or indentation',
  };
}

/**
 * Walks the value without recursion, counting every value it reaches (an alias reached twice counts twice:
 * that is the work the schema would do) and the depth. Stops at the first bound crossed.
 */
function guardValue(root: unknown, opts: Required<ParseOptions>): Bound | undefined {
  interface Entry {
    v: unknown;
    d: number;
    up: Entry | undefined;
    key: string | number;
  }
  let count = 0;
  const stack: Entry[] = [{ v: root, d: 0, up: undefined, key: '' }];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (++count > opts.maxValues) return 'values';
    if (e.d > opts.maxDepth) {
      const path: CasePath = [];
      for (let p: Entry | undefined = e; p?.up; p = p.up) path.unshift(p.key);
      return { deep: path };
    }
    if (e.v !== null && typeof e.v === 'object') {
      if (Array.isArray(e.v)) e.v.forEach((v, k) => stack.push({ v, d: e.d + 1, up: e, key: k }));
      else for (const [k, v] of Object.entries(e.v)) stack.push({ v, d: e.d + 1, up: e, key: k });
    }
  }
  return undefined;
}

/** Adds line and column to each issue from the YAML node at its path (or the nearest existing parent). */
function locateAll(located: Located, issues: CaseIssue[]): CaseIssue[] {
  const { doc, lineCounter: lc } = located;
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    if (issue.code === 'unknown_key') {
      const advice = strayKeyAdvice(located, issue);
      if (advice) return advice;
    }
    const offset = offsetOf(
      doc,
      issue.path,
      issue.code === 'unknown_key' || issue.code === 'yaml_duplicate_key',
    );
    if (offset === undefined) return { ...issue, line: 1, column: 1 };
    const pos = lc.linePos(offset);
    return { ...issue, line: pos.line, column: pos.col };
  });
}

function offsetOf(doc: Document, path: CasePath, atKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (const [depth, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) return best;
      // An unknown key is shown at the key itself; anything else at its value.
      best = rangeStart(pair.key) ?? best;
      if (atKey && depth === path.length - 1) return best;
      node = pair.value;
      best = rangeStart(node) ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      best = rangeStart(node) ?? best;
    } else return best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}
