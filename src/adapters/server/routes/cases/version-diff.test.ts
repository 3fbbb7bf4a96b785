/** Version diffs on small hand-made inputs: changes by path (list items matched by id) and line diffs. */
import { describe, expect, it } from 'vitest';
import { lineDiff, structuralChanges } from './version-diff.js';

describe('structuralChanges', () => {
  it('reports nothing for equal values', () => {
    expect(structuralChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it('matches list items by id, so reordering is no change and edits are located by id', () => {
    const before = {
      actors: [
        { id: 'us', capability: 1 },
        { id: 'ru', capability: 2 },
      ],
    };
    const after = {
      actors: [
        { id: 'ru', capability: 3 },
        { id: 'us', capability: 1 },
        { id: 'ua', capability: 1 },
      ],
    };
    expect(structuralChanges(before, after)).toEqual([
      { path: ['actors', 'ru', 'capability'], op: 'changed', before: 2, after: 3 },
      { path: ['actors', 'ua'], op: 'added', after: { id: 'ua', capability: 1 } },
    ]);
  });

  it('compares lists without ids by position and reports added and removed keys', () => {
    // Removed keys come first, then the new object's keys in order.
    expect(structuralChanges({ k: [1, 2, 3], x: 1 }, { k: [1, 5], y: 2 })).toEqual([
      { path: ['x'], op: 'removed', before: 1 },
      { path: ['k', 1], op: 'changed', before: 2, after: 5 },
      { path: ['k', 2], op: 'removed', before: 3 },
      { path: ['y'], op: 'added', after: 2 },
    ]);
  });
});

describe('lineDiff', () => {
  it('aligns the longest common subsequence of lines', () => {
    // a b c d → a c d e: "b" removed, "e" added, the rest kept.
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nd\ne')).toEqual([
      { op: '=', text: 'a' },
      { op: '-', text: 'b' },
      { op: '=', text: 'c' },
      { op: '=', text: 'd' },
      { op: '+', text: 'e' },
    ]);
  });

  it('shows a changed line as removed then added', () => {
    expect(lineDiff('x: 1\ny: 2', 'x: 1\ny: 3')).toEqual([
      { op: '=', text: 'x: 1' },
      { op: '-', text: 'y: 2' },
      { op: '+', text: 'y: 3' },
    ]);
  });

  it('keeps every line of equal texts', () => {
    expect(lineDiff('p\nq', 'p\nq').every((l) => l.op === '=')).toBe(true);
  });
});
