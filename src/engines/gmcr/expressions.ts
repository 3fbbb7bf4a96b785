/**
 * Preference statements and conditions written as text over option ids — `a AND NOT b`, `q IF p`,
 * `q IFF p`, `a OR (b AND c)`; `&`, `|`, `!` and a leading `-` also work — compiled to an OR of AND-terms
 * (disjunctive normal form), the condition form of docs/models/GMCR.md §1.2. `q IF p` means ¬p ∨ q, `q IFF p` means
 * (p ∧ q) ∨ (¬p ∧ ¬q), as in the GMCR+ statement syntax (§1.4).
 */
import type { GmcrCondition, GmcrLiteral, GmcrTerm } from './types.js';

/** Larger normal forms are refused: such a statement is better split. */
export const MAX_TERMS = 512;

export type ExpressionResult =
  { ok: true; condition: GmcrCondition } | { ok: false; message: string; column: number; hint?: string };

type Node =
  | { op: 'id'; option: number }
  | { op: 'not'; a: Node }
  | { op: 'and' | 'or' | 'if' | 'iff'; a: Node; b: Node };

interface Token {
  kind: 'id' | 'and' | 'or' | 'not' | 'if' | 'iff' | '(' | ')' | 'end';
  text: string;
  column: number;
}

const KEYWORDS: Record<string, Token['kind']> = { and: 'and', or: 'or', not: 'not', if: 'if', iff: 'iff' };

class ParseError extends Error {
  constructor(
    message: string,
    readonly column: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let k = 0;
  while (k < text.length) {
    const ch = text[k]!;
    if (/\s/.test(ch)) {
      k++;
      continue;
    }
    const column = k + 1;
    if (ch === '(' || ch === ')') out.push({ kind: ch, text: ch, column });
    else if (ch === '&' || ch === ',') out.push({ kind: 'and', text: ch, column });
    else if (ch === '|') out.push({ kind: 'or', text: ch, column });
    else if (ch === '!' || ch === '~' || ch === '-' || ch === '¬')
      out.push({ kind: 'not', text: ch, column });
    else if (/[A-Za-z0-9]/.test(ch)) {
      let j = k + 1;
      while (j < text.length && /[A-Za-z0-9._-]/.test(text[j]!)) j++;
      const word = text.slice(k, j);
      out.push({ kind: KEYWORDS[word.toLowerCase()] ?? 'id', text: word, column });
      k = j;
      continue;
    } else
      throw new ParseError(
        `unexpected character "${ch}"`,
        column,
        'use option ids, AND, OR, NOT, IF, IFF and parentheses',
      );
    k++;
  }
  out.push({ kind: 'end', text: '', column: text.length + 1 });
  return out;
}

/** Parses `text`, resolving option ids with `optionIndex`, into a condition in normal form. */
export function parseExpression(
  text: string,
  optionIndex: (id: string) => number | undefined,
  known: readonly string[] = [],
): ExpressionResult {
  try {
    const tokens = tokenize(text);
    let pos = 0;
    const peek = () => tokens[pos]!;
    const take = () => tokens[pos++]!;
    const expect = (kind: Token['kind'], what: string) => {
      const t = take();
      if (t.kind !== kind)
        throw new ParseError(
          `expected ${what}, found ${t.kind === 'end' ? 'the end' : `"${t.text}"`}`,
          t.column,
        );
    };
    // Precedence, loosest first: IFF, IF, OR, AND, NOT.
    const parseIff = (): Node => {
      const a = parseIf();
      if (peek().kind === 'iff') {
        take();
        return { op: 'iff', a, b: parseIf() };
      }
      return a;
    };
    const parseIf = (): Node => {
      const a = parseOr();
      if (peek().kind === 'if') {
        take();
        return { op: 'if', a, b: parseOr() };
      }
      return a;
    };
    const parseOr = (): Node => {
      let a = parseAnd();
      while (peek().kind === 'or') {
        take();
        a = { op: 'or', a, b: parseAnd() };
      }
      return a;
    };
    const parseAnd = (): Node => {
      let a = parseUnary();
      while (peek().kind === 'and') {
        take();
        a = { op: 'and', a, b: parseUnary() };
      }
      return a;
    };
    const parseUnary = (): Node => {
      const t = take();
      if (t.kind === 'not') return { op: 'not', a: parseUnary() };
      if (t.kind === '(') {
        const e = parseIff();
        expect(')', '")"');
        return e;
      }
      if (t.kind === 'id') {
        const option = optionIndex(t.text);
        if (option === undefined) {
          const near = known.find((x) => x.toLowerCase() === t.text.toLowerCase());
          throw new ParseError(
            `unknown option "${t.text}"`,
            t.column,
            near ? `did you mean "${near}"?` : known.length ? `options: ${known.join(', ')}` : undefined,
          );
        }
        return { op: 'id', option };
      }
      throw new ParseError(
        `expected an option id, NOT or "(", found ${t.kind === 'end' ? 'the end' : `"${t.text}"`}`,
        t.column,
      );
    };
    const tree = parseIff();
    if (peek().kind !== 'end')
      throw new ParseError(
        `unexpected "${peek().text}"`,
        peek().column,
        'join conditions with AND, OR, IF or IFF',
      );
    return { ok: true, condition: toDnf(tree, false) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message, column: e.column, hint: e.hint };
    throw e;
  }
}

/** Normal form of the node (negated when `neg`), by De Morgan and distribution; contradictory terms dropped. */
function toDnf(node: Node, neg: boolean): GmcrTerm[] {
  switch (node.op) {
    case 'id':
      return [[{ option: node.option, taken: !neg }]];
    case 'not':
      return toDnf(node.a, !neg);
    case 'and':
      return neg
        ? or(toDnf(node.a, true), toDnf(node.b, true))
        : and(toDnf(node.a, false), toDnf(node.b, false));
    case 'or':
      return neg
        ? and(toDnf(node.a, true), toDnf(node.b, true))
        : or(toDnf(node.a, false), toDnf(node.b, false));
    case 'if': // a IF b  ≡  ¬b ∨ a
      return toDnf({ op: 'or', a: { op: 'not', a: node.b }, b: node.a }, neg);
    case 'iff': {
      const both: Node = { op: 'and', a: node.a, b: node.b };
      const neither: Node = { op: 'and', a: { op: 'not', a: node.a }, b: { op: 'not', a: node.b } };
      return toDnf({ op: 'or', a: both, b: neither }, neg);
    }
  }
}

function or(a: GmcrTerm[], b: GmcrTerm[]): GmcrTerm[] {
  const seen = new Set<string>();
  const out: GmcrTerm[] = [];
  for (const t of [...a, ...b]) {
    const key = t
      .map((l) => `${l.option}${l.taken ? 'Y' : 'N'}`)
      .sort()
      .join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  if (out.length > MAX_TERMS)
    throw new ParseError(
      `the statement expands to more than ${MAX_TERMS} terms`,
      1,
      'split it into simpler statements',
    );
  return out;
}

function and(a: GmcrTerm[], b: GmcrTerm[]): GmcrTerm[] {
  const out: GmcrTerm[] = [];
  for (const x of a)
    for (const y of b) {
      const merged = new Map<number, boolean>();
      let contradictory = false;
      for (const l of [...x, ...y]) {
        const prev = merged.get(l.option);
        if (prev !== undefined && prev !== l.taken) contradictory = true;
        merged.set(l.option, l.taken);
      }
      if (!contradictory)
        out.push([...merged.entries()].map(([option, taken]): GmcrLiteral => ({ option, taken })));
      if (out.length > MAX_TERMS)
        throw new ParseError(
          `the statement expands to more than ${MAX_TERMS} terms`,
          1,
          'split it into simpler statements',
        );
    }
  return or(out, []);
}
