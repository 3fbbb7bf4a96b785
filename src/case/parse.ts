/**
 * Text (YAML or JSON) to a validated case, with every problem located at a line and column. Pure: a string
 * in, a success/failure union out. Guards against hostile input: oversized text, binary junk, deep nesting
 * and alias bombs are refused with an issue instead of exhausting memory or the stack.
 */
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { CaseIssue, CasePath } from './issues.js';
import { fromZodIssues } from './schema-issues.js';
import { CaseSchema, type Case } from './schema.js';
import { validateCase } from './validate.js';

export type ParseResult =
  { ok: true; case: Case; warnings: CaseIssue[] } | { ok: false; issues: CaseIssue[] };

export interface ParseOptions {
  /** Largest text accepted, in characters. */
  maxChars?: number;
  /** Deepest nesting of mappings and lists accepted. */
  maxDepth?: number;
  /** Most alias expansions accepted (YAML anchors). */
  maxAliases?: number;
  /** Further checks run on a structurally valid case (e.g. engines' own validation); their issues are located too. */
  checks?: readonly ((c: Case) => CaseIssue[])[];
}

export const PARSE_DEFAULTS: Required<ParseOptions> = {
  maxChars: 20_000_000,
  maxDepth: 64,
  maxAliases: 1000,
  checks: [],
};

const fail = (issue: CaseIssue): ParseResult => ({ ok: false, issues: [issue] });

/** Parses and validates a case from YAML or JSON text (JSON is read as the YAML subset it is). */
export function parseCase(text: string, options: ParseOptions = {}): ParseResult {
  const opts = { ...PARSE_DEFAULTS, ...options };
  if (text.length > opts.maxChars)
    return fail({
      code: 'too_large',
      severity: 'error',
      path: [],
      message: `the case text is ${text.length.toLocaleString('en')} characters; the limit is ${opts.maxChars.toLocaleString('en')}`,
      hint: 'split the material: case files hold the model, not the articles behind it',
    });
  const junk = binaryOffset(text);
  if (junk !== undefined) {
    const before = text.slice(0, junk);
    const lineStart = before.lastIndexOf('\n') + 1;
    return fail({
      code: 'binary',
      severity: 'error',
      path: [],
      line: before.split('\n').length,
      column: junk - lineStart + 1,
      message: 'this is not a text file (it contains control or undecodable bytes)',
      hint: 'case files are UTF-8 YAML or JSON text',
    });
  }

  // Fast path for plain files; anchors, aliases and anything js-yaml rejects take the careful path, which
  // bounds alias expansion and reports syntax errors with positions.
  let data = fastLoad(text);
  let located: Located | undefined;
  const locate = (): Located => (located ??= readDocument(text));
  if (data === undefined) {
    const { doc, lineCounter } = locate();
    const syntax: CaseIssue[] = doc.errors.map((e) => ({
      code: `yaml_${e.code.toLowerCase()}`,
      severity: 'error',
      path: [],
      line: lineCounter.linePos(e.pos[0]).line,
      column: lineCounter.linePos(e.pos[0]).col,
      message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      hint: syntaxHint(e.code),
    }));
    if (syntax.length > 0) return { ok: false, issues: syntax };
    try {
      data = doc.toJS({ maxAliasCount: opts.maxAliases });
    } catch (e) {
      return fail({
        code: 'alias_bomb',
        severity: 'error',
        path: [],
        message: `the YAML expands too far through anchors and aliases (${e instanceof Error ? e.message : String(e)})`,
        hint: 'write the repeated content out or use fewer aliases',
      });
    }
  }
  const depth = nestingDepth(data, opts.maxDepth);
  if (depth > opts.maxDepth)
    return fail({
      code: 'too_deep',
      severity: 'error',
      path: [],
      message: `the document nests deeper than ${opts.maxDepth} levels`,
      hint: 'a case file is a few levels deep; check for runaway brackets or indentation',
    });
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
  if (!parsed.success)
    return { ok: false, issues: locateAll(locate(), fromZodIssues(CaseSchema, parsed.error.issues, data)) };
  const found = validateCase(parsed.data);
  // Engine checks assume references are sound, so they run only when the case's own checks found no error.
  if (!found.some((i) => i.severity === 'error'))
    for (const check of opts.checks) found.push(...check(parsed.data));
  const semantic = found.length > 0 ? locateAll(locate(), found) : [];
  const errors = semantic.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: semantic };
  return { ok: true, case: parsed.data, warnings: semantic };
}

interface Located {
  doc: Document;
  lineCounter: LineCounter;
}

function readDocument(text: string): Located {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    merge: true,
  });
  return { doc, lineCounter };
}

/** js-yaml with the YAML 1.2 core schema (no timestamps, so dates stay strings); undefined = use the careful path. */
function fastLoad(text: string): unknown {
  if (/(^|[\s[{,:-])[&*][\w-]/m.test(text)) return undefined;
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Offset of the first NUL, other C0 control (except tab/CR/LF/FF) or U+FFFD replacement character. */
function binaryOffset(text: string): number | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/.exec(text);
  return m ? m.index : undefined;
}

function nestingDepth(root: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

function syntaxHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once per mapping; remove or rename one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check indentation and closing brackets or quotes';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MULTIPLE_DOCS':
      return 'a case file holds one document: remove the extra "---"';
    default:
      return undefined;
  }
}

/** Adds line and column to each issue from the YAML node at its path (or the nearest existing parent). */
function locateAll({ doc, lineCounter: lc }: Located, issues: CaseIssue[]): CaseIssue[] {
  return issues.map((issue) => {
    const offset = offsetOf(doc, issue.path, issue.code === 'unknown_key' || issue.code === 'duplicate_key');
    if (offset === undefined) return issue;
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
