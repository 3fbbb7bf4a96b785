/**
 * A linear pre-scan of case-file text (YAML or JSON) that refuses parser bombs before any parser builds a
 * node: oversized text, deep flow brackets, deep block indentation, too many aliases or keys. One pass over
 * the characters with a handful of counters and one small stack, so a 2 MB bracket bomb is refused after
 * reading the first few hundred characters.
 *
 * It follows the parts of YAML that decide what is structure: quoted scalars (which may span lines), comments,
 * block scalars (`|`, `>`), plain scalars (in which brackets and quotes are text in block context), flow
 * collections and block indentation. Its depth is an upper bound of the parser's in the cases that matter;
 * the guarded YAML reader (read-yaml.ts) checks the real depth again, so an odd corner it gets wrong costs a
 * few characters of parsing, not the stack.
 */
import type { CaseIssue } from './issues.js';

export interface ScanLimits {
  /** Largest text accepted, in characters. */
  maxChars: number;
  /** Deepest nesting of mappings and lists (block and flow together). */
  maxDepth: number;
  /** Most alias references (`*name`). */
  maxAliases: number;
  /** Most mapping keys in the whole text. */
  maxKeys: number;
}

export interface ScanResult {
  /** The first limit crossed, located at the character where it was crossed. */
  refusal?: CaseIssue;
  anchors: number;
  aliases: number;
  /** A key that may be a list or mapping (`? ` or `]:`), which JSON objects cannot hold. */
  complexKey: boolean;
  /** Where the first alias is, to locate an alias bomb found later. */
  firstAlias?: { line: number; column: number };
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

/** Characters that end or escape a quoted scalar, or a line inside it. */
const DOUBLE_QUOTED_STOP = /["\\\n]/g;
const SINGLE_QUOTED_STOP = /['\n]/g;

const isBlank = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
const isFlowIndicator = (c: number) => c === 44 || c === 91 || c === 93 || c === 123 || c === 125; // , [ ] { }

interface Level {
  indent: number;
  seq: boolean;
}

/** Scans `text` once; stops at the first limit crossed. */
export function prescan(text: string, limits: ScanLimits): ScanResult {
  const result: ScanResult = { anchors: 0, aliases: 0, complexKey: false };
  let line = 1;
  let lineStart = 0;
  const refuse = (at: number, code: CaseIssue['code'], message: string, hint: string): ScanResult => {
    result.refusal = {
      code,
      severity: 'error',
      path: [],
      line,
      column: at - lineStart + 1,
      message,
      hint,
    };
    return result;
  };

  if (text.length > limits.maxChars) {
    // Locate the character at the limit, counting lines only up to it.
    for (let p = text.indexOf('\n'); p !== -1 && p < limits.maxChars; p = text.indexOf('\n', p + 1)) {
      line++;
      lineStart = p + 1;
    }
    return refuse(
      limits.maxChars,
      'too_large',
      `the case text is ${text.length.toLocaleString('en')} characters; the limit is ${limits.maxChars.toLocaleString('en')}`,
      'split the material: case files hold the model, not the articles behind it',
    );
  }

  const blocks: Level[] = [];
  let flow = 0;
  let keys = 0;
  let nodeStart = true; // the next non-blank character begins a node (so a quote opens a quoted scalar)
  let plainOpen = false; // the current line ended inside a plain scalar, which may continue on the next
  // Inside a block scalar: the indentation of its parent and of its text. The text's indentation is that of
  // its first non-blank line (or the header's digit); a line indented less ends the scalar.
  let blockScalarParent: number | undefined;
  let blockScalarIndent: number | undefined;
  let lineFirstTokenIsSeq: boolean;
  let colonSeenOnLine: boolean;
  let tokenCol = 0; // column of the token being read (for compact `- key:` nesting)
  let afterQuoted = false; // just closed a quoted scalar: in flow context `"key":value` needs no space

  const depth = () => blocks.length + flow;
  const tooDeep = (at: number) =>
    refuse(
      at,
      'too_deep',
      `the document nests deeper than ${limits.maxDepth} levels here`,
      'a case file is a few levels deep; check for runaway brackets or indentation',
    );
  const push = (indent: number, seq: boolean) => {
    blocks.push({ indent, seq });
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    // ---- start of a line (never reached inside a quoted scalar)
    let indent = 0;
    while (i + indent < n && text.charCodeAt(i + indent) === SPACE) indent++;
    const first = text.charCodeAt(i + indent);
    const blankLine = i + indent >= n || first === LF || first === CR;
    if (blockScalarParent !== undefined) {
      if (blockScalarIndent === undefined && !blankLine && indent > blockScalarParent)
        blockScalarIndent = indent;
      if (blankLine || (blockScalarIndent !== undefined && indent >= blockScalarIndent)) {
        i = skipLine(text, i);
        line++;
        lineStart = i;
        continue;
      }
      blockScalarParent = blockScalarIndent = undefined;
    }
    i += indent;
    lineFirstTokenIsSeq = false;
    colonSeenOnLine = false;
    if (flow === 0 && !blankLine && first !== HASH) {
      const continuation = plainOpen && blocks.length > 0 && indent > blocks[blocks.length - 1]!.indent;
      if (continuation) nodeStart = false;
      else {
        if (first === 45 && text.startsWith('---', i) && indent === 0 && isBlank(text.charCodeAt(i + 3)))
          blocks.length = 0;
        const seqItem = first === 45 && isBlank(text.charCodeAt(i + 1));
        const explicitKey = first === 63 && isBlank(text.charCodeAt(i + 1));
        while (blocks.length > 0) {
          const top = blocks[blocks.length - 1]!;
          // A list may sit at its key's own indentation ("key:\n- item"): it is nested, not a sibling.
          if (top.indent > indent || (top.indent === indent && !(seqItem && !top.seq))) blocks.pop();
          else break;
        }
        // A line that opens a flow collection adds no block level of its own: the brackets are counted.
        if (first !== 91 && first !== 123) push(indent, seqItem);
        if (depth() > limits.maxDepth) return tooDeep(i);
        lineFirstTokenIsSeq = seqItem || explicitKey;
        nodeStart = true;
      }
    }
    // A blank line does not end a plain scalar (it folds into it); anything else read below decides anew.
    if (!blankLine) plainOpen = false;

    // ---- the characters of the line
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === SPACE || c === TAB || c === CR) {
        i++;
        continue;
      }
      const quotedBefore = afterQuoted;
      afterQuoted = false;
      const prevBlank = i === lineStart || isBlank(text.charCodeAt(i - 1));
      if (c === HASH && prevBlank) {
        while (i < n && text.charCodeAt(i) !== LF) i++;
        plainOpen = false;
        break;
      }
      if (nodeStart) {
        tokenCol = i - lineStart;
        if (c === 34 || c === 39) {
          // Quoted scalar: may span lines; newlines inside it are counted but start no structure.
          // The regex jumps to the next character that matters (native search, not a loop per character).
          const stop = c === 34 ? DOUBLE_QUOTED_STOP : SINGLE_QUOTED_STOP;
          i++;
          for (;;) {
            stop.lastIndex = i;
            if (!stop.exec(text)) return result;
            i = stop.lastIndex - 1;
            const q = text.charCodeAt(i);
            if (q === LF) {
              line++;
              lineStart = i + 1;
            } else if (q === 92) i++;
            else if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
            else break;
            i++;
          }
          i++;
          nodeStart = false;
          plainOpen = false;
          afterQuoted = true;
          continue;
        }
        if (c === 38 || c === 42 || c === 33) {
          // &anchor, *alias, !tag: a name up to a blank or flow indicator
          if (c === 38) result.anchors++;
          if (c === 42 && result.aliases === 0) result.firstAlias = { line, column: i - lineStart + 1 };
          if (c === 42 && ++result.aliases > limits.maxAliases)
            return refuse(
              i,
              'alias_bomb',
              `the text uses more than ${limits.maxAliases} aliases (*name)`,
              'write the repeated content out or use fewer aliases',
            );
          i++;
          while (i < n && !isBlank(text.charCodeAt(i)) && !(flow > 0 && isFlowIndicator(text.charCodeAt(i))))
            i++;
          nodeStart = c !== 42;
          continue;
        }
        if (flow === 0 && (c === 124 || c === 62)) {
          // Block scalar header (`|`, `>-`, `|2` ...): the lines below, indented past the innermost collection, are text.
          blockScalarParent = blocks.length > 0 ? blocks[blocks.length - 1]!.indent : -1;
          const digit = /^[|>][+-]?([1-9])|^[|>]([1-9])/.exec(text.slice(i, i + 4));
          const explicit = digit ? Number(digit[1] ?? digit[2]) : undefined;
          blockScalarIndent = explicit !== undefined ? Math.max(0, blockScalarParent) + explicit : undefined;
          while (i < n && text.charCodeAt(i) !== LF) i++;
          break;
        }
        if (flow === 0 && (c === 45 || c === 63) && isBlank(text.charCodeAt(i + 1))) {
          // "- " or "? " after another indicator on the same line: a compact nested list or key.
          if (i - lineStart !== indent) {
            push(i - lineStart, c === 45);
            if (depth() > limits.maxDepth) return tooDeep(i);
          }
          if (c === 63) result.complexKey = true;
          i++;
          continue;
        }
      }
      if (c === 91 || c === 123) {
        // In block context a bracket inside a plain scalar is text; anywhere else it opens a collection.
        if (flow > 0 || nodeStart) {
          flow++;
          if (depth() > limits.maxDepth) return tooDeep(i);
          nodeStart = true;
          i++;
          continue;
        }
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow--;
        nodeStart = false;
        plainOpen = false;
        i++;
        continue;
      } else if (c === 44 && flow > 0) {
        nodeStart = true;
        plainOpen = false;
        i++;
        continue;
      } else if (
        c === 58 &&
        (isBlank(text.charCodeAt(i + 1)) ||
          (flow > 0 && (quotedBefore || isFlowIndicator(text.charCodeAt(i + 1)))))
      ) {
        if (++keys > limits.maxKeys)
          return refuse(
            i,
            'too_many_keys',
            `the text has more than ${limits.maxKeys.toLocaleString('en')} keys`,
            'a case file needs far fewer keys; check for generated or repeated content',
          );
        const before = lastNonBlank(text, i, lineStart);
        if (before === 93 || before === 125) result.complexKey = true;
        if (flow === 0 && !colonSeenOnLine && lineFirstTokenIsSeq && tokenCol > indent) {
          // "- key: value": a mapping nested in the list item, at the key's column.
          push(tokenCol, false);
          if (depth() > limits.maxDepth) return tooDeep(i);
        }
        colonSeenOnLine = true;
        nodeStart = true;
        plainOpen = false;
        i++;
        continue;
      }
      if (nodeStart) tokenCol = i - lineStart;
      // Any other character is part of a plain scalar (or of something the parser will reject).
      nodeStart = false;
      plainOpen = flow === 0;
      i++;
    }
    // ---- end of line
    if (i < n) {
      i++;
      line++;
      lineStart = i;
    }
    if (flow === 0 && !plainOpen) nodeStart = true;
  }
  return result;
}

function skipLine(text: string, i: number): number {
  const p = text.indexOf('\n', i);
  return p === -1 ? text.length : p + 1;
}

function lastNonBlank(text: string, i: number, lineStart: number): number {
  for (let p = i - 1; p >= lineStart; p--) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) return c;
  }
  return NaN;
}
