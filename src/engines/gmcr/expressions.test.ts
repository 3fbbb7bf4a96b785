// Statement text → normal-form conditions, checked by evaluating them on every combination of the options.
import { describe, expect, it } from 'vitest';
import { parseExpression } from './expressions.js';
import type { GmcrCondition } from './types.js';

const IDS = ['a', 'b', 'c', 'us-relief'];
const index = (id: string) => {
  const k = IDS.indexOf(id);
  return k < 0 ? undefined : k;
};
const holds = (c: GmcrCondition, code: number) =>
  c.some((t) => t.every((l) => ((code >> l.option) & 1) === (l.taken ? 1 : 0)));
/** Truth table over a (bit 0), b (bit 1), c (bit 2). */
const table = (text: string) => {
  const r = parseExpression(text, index, IDS);
  if (!r.ok) throw new Error(r.message);
  return Array.from({ length: 8 }, (_, code) => (holds(r.condition, code) ? 1 : 0)).join('');
};

describe('parseExpression', () => {
  it('reads literals, NOT and the leading-minus negation of GMCR+', () => {
    expect(table('a')).toBe('01010101');
    expect(table('NOT a')).toBe('10101010');
    expect(table('-a')).toBe('10101010');
    expect(table('!a')).toBe('10101010');
  });

  it('gives AND precedence over OR, and parentheses override it', () => {
    expect(table('a OR b AND c')).toBe('01010111'); // a ∨ (b ∧ c)
    expect(table('(a OR b) AND c')).toBe('00000111');
    expect(table('a, -b')).toBe('01000100'); // GMCR+ "1, -2": a ∧ ¬b
  });

  it('reads `q IF p` as gmcr-py’s compound (p∧q) ∨ (¬p∧q) ∨ (¬p∧¬q), i.e. ¬p ∨ q', () => {
    // q = a (bit 0), p = b (bit 1): false only when b is taken and a is not (codes 2 and 6).
    expect(table('a IF b')).toBe('11011101');
    expect(table('-a if b')).toBe('11101110'); // false when b and a: codes 3 and 7
  });

  it('reads `q IFF p` as (p∧q) ∨ (¬p∧¬q)', () => {
    expect(table('a IFF b')).toBe('10011001');
  });

  it('keeps option ids with dashes whole', () => {
    const r = parseExpression('NOT us-relief', index, IDS);
    expect(r.ok && r.condition).toEqual([[{ option: 3, taken: false }]]);
  });

  it('drops contradictory terms, so a statement that can never hold has no terms', () => {
    const r = parseExpression('a AND NOT a', index, IDS);
    expect(r.ok && r.condition).toEqual([]);
  });

  it('locates errors: unknown option (with a suggestion), missing operand, stray token', () => {
    expect(parseExpression('a AND B', index, IDS)).toMatchObject({
      ok: false,
      column: 7,
      message: 'unknown option "B"',
      hint: 'did you mean "b"?',
    });
    expect(parseExpression('a AND', index, IDS)).toMatchObject({ ok: false, column: 6 });
    expect(parseExpression('a b', index, IDS)).toMatchObject({
      ok: false,
      column: 3,
      message: 'unexpected "b"',
    });
    expect(parseExpression('(a OR b', index, IDS)).toMatchObject({
      ok: false,
      message: 'expected ")", found the end',
    });
    expect(parseExpression('a # b', index, IDS)).toMatchObject({ ok: false, column: 3 });
  });
});
