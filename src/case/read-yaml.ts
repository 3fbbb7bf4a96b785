/**
 * The careful YAML reader: builds a located `yaml` Document with the parser's depth checked after every token
 * (so nesting that slipped past the pre-scan is refused before the composer recurses into it), and turns
 * the parser's errors into one piece of plain advice per mistake instead of a cascade of raw messages.
 */
import {
  Composer,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type YAMLError,
} from 'yaml';
import type { CaseIssue, CaseIssueCode } from './issues.js';

export interface Located {
  doc: Document;
  lineCounter: LineCounter;
  text: string;
}

export type ReadYamlResult = { ok: true; located: Located } | { ok: false; issue: CaseIssue };

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/** Parses one YAML document; refuses it when the parser's own stack grows past `maxDepth`. */
export function readYaml(text: string, maxDepth: number): ReadYamlResult {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  // The parser's stack holds the document, one entry per open collection and the token being read.
  const stackLimit = maxDepth + 3;
  function* tokens(): Generator<CST.Token> {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > stackLimit) throw new TooDeep(parser.offset);
    }
    yield* parser.end();
  }
  const composer = new Composer({ uniqueKeys: false, strict: true, merge: true });
  try {
    let doc: Document | undefined;
    for (const d of composer.compose(tokens(), true, text.length)) {
      if (!doc) doc = d;
      else {
        doc.errors.push(multipleDocs(d.range[0]));
        break;
      }
    }
    return { ok: true, located: { doc: doc!, lineCounter, text } };
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    const pos = lineCounter.linePos(e.offset);
    return {
      ok: false,
      issue: {
        code: 'too_deep',
        severity: 'error',
        path: [],
        line: pos.line,
        column: pos.col,
        message: `the document nests deeper than ${maxDepth} levels here`,
        hint: 'a case file is a few levels deep; check for runaway brackets or indentation',
      },
    };
  }
}

function multipleDocs(offset: number): YAMLError {
  return {
    code: 'MULTIPLE_DOCS',
    pos: [offset, offset + 3],
    message: 'Source contains multiple documents',
    name: 'YAMLParseError',
  } as YAMLError;
}

/**
 * The syntax problems of a document as issues: only the first parser error (the ones after it are usually
 * its consequences), translated into advice, plus every duplicate or non-scalar key (each its own mistake).
 */
export function syntaxIssues(located: Located): CaseIssue[] {
  const out: CaseIssue[] = [];
  const first = [...located.doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) out.push(translate(located, first));
  out.push(...keyIssues(located));
  return out;
}

const at = (located: Located, offset: number) => {
  const p = located.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
};

function issue(
  located: Located,
  offset: number,
  code: CaseIssueCode,
  message: string,
  hint: string,
): CaseIssue {
  return { code, severity: 'error', path: [], ...at(located, offset), message, hint };
}

/** The text of the line holding `offset`, from `offset` to its end (trimmed, shortened). */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const s = text.slice(offset, end === -1 ? undefined : end).trim();
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function translate(located: Located, e: YAMLError): CaseIssue {
  const offset = e.pos[0];
  const raw = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const rest = restOfLine(located.text, offset);
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/: /.test(rest))
        return issue(
          located,
          offset,
          'yaml_unquoted_colon',
          `this text contains ": ", which YAML reads as the start of another key: ${rest}`,
          `quote this text: it contains ': ' — write it as "${rest.replace(/"/g, '\\"')}"`,
        );
      return issue(
        located,
        offset,
        'yaml_bad_indent',
        'this line is indented as if it continued the line above',
        'line it up with the keys it belongs with (same number of spaces), or quote a value that runs over several lines',
      );
    case 'TAB_AS_INDENT':
      return issue(
        located,
        offset,
        'yaml_tab_indent',
        'a tab is used for indentation',
        'indent with spaces, not tabs',
      );
    case 'MULTIPLE_DOCS':
      return issue(
        located,
        offset,
        'yaml_multiple_documents',
        'the text holds more than one YAML document',
        'a case file holds one document: remove the extra "---"',
      );
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN': {
      const unclosed = /closing|end with an? [\]}]|must end/i.exec(raw);
      if (unclosed) {
        const what = /quote/i.test(raw)
          ? 'a quoted text'
          : /\]/.test(raw)
            ? 'a [ list'
            : /\}/.test(raw)
              ? 'a { mapping'
              : 'a bracket or quote';
        return issue(
          located,
          offset,
          'yaml_unclosed',
          `${what} opened before this point is not closed`,
          /quote/i.test(raw)
            ? "add the closing quote, or escape a quote inside the text (\\\" in \"…\", '' in '…')"
            : 'close the bracket on the line where the list or mapping ends, or quote a value that contains [ ] { }',
        );
      }
      if (/without - indicator|indent/i.test(raw))
        return issue(
          located,
          offset,
          'yaml_bad_indent',
          'this line is not indented like the lines around it',
          'line it up with its siblings (same number of spaces), or start it with "- " if it begins a new list item',
        );
      break;
    }
    default:
      break;
  }
  return issue(
    located,
    offset,
    'yaml_syntax',
    `YAML syntax: ${raw}`,
    'check indentation, colons and closing brackets or quotes on this line and the one before; quote text that contains ": " or " #"',
  );
}

/** Duplicate keys and keys that are lists or mappings, found in one walk (linear: a Set per mapping). */
function keyIssues(located: Located): CaseIssue[] {
  const out: CaseIssue[] = [];
  const stack: unknown[] = [located.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        const start = (key as { range?: number[] } | null)?.range?.[0] ?? 0;
        if (key !== null && !isScalar(key)) {
          out.push(
            issue(
              located,
              start,
              'yaml_complex_key',
              'this key is a list or mapping; case-file keys are plain names',
              'write the key as plain text (e.g. "name:"), or put the list under a named key',
            ),
          );
        } else {
          const value = isScalar(key) ? key.value : null;
          if (seen.has(value))
            out.push(
              issue(
                located,
                start,
                'yaml_duplicate_key',
                `the key "${String(value)}" appears twice in this mapping`,
                'each key may appear once per mapping; remove or rename one',
              ),
            );
          seen.add(value);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return out.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

/** The YAML node at a path of keys and indices, or undefined. */
function nodeAt(located: Located, path: readonly (string | number)[]): unknown {
  let node: unknown = located.doc.contents;
  for (const seg of path) {
    if (isMap(node))
      node = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return node;
}

/**
 * An unknown key that is really the rest of the previous value, cut off by ", " inside `{ }`
 * (`{ label: Shelved, no legal bar }`): said as such, with the quoted value to write instead.
 */
export function strayKeyAdvice(located: Located, unknown: CaseIssue): CaseIssue | undefined {
  const key = unknown.path[unknown.path.length - 1];
  const map = nodeAt(located, unknown.path.slice(0, -1));
  if (!isMap(map) || !map.flow) return undefined;
  const index = map.items.findIndex((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const pair = map.items[index];
  const prev = map.items[index - 1];
  if (!pair || pair.value !== null || !prev || !isScalar(prev.value) || !isScalar(prev.key)) return undefined;
  const start = (prev.value.range ?? [0])[0];
  const joined = `${String(prev.value.value)}, ${String(key)}`;
  return {
    code: 'yaml_unquoted_comma',
    severity: 'error',
    path: unknown.path.slice(0, -1).concat(String(prev.key.value)),
    ...at(located, start),
    message: `"${String(key)}" is read as a key of its own: the ", " before it ends the value of "${String(prev.key.value)}"`,
    hint: `quote this value: it contains ", " inside { } — write ${String(prev.key.value)}: "${joined.replace(/"/g, '\\"')}"`,
  };
}
