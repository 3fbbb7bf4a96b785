import { describe, expect, it } from 'vitest';
import { checkProposal } from './check.js';
import { handCase } from './hand-case.fixture.js';

describe('checkProposal', () => {
  const c = handCase();

  it('marks each point × actor cell by hand-checked red lines (as of March 2025)', () => {
    const r = checkProposal(c, 'p1', { asOf: '2025-03-01' });
    const cell = (point: number, actor: string) =>
      r.cells.find((x) => x.point === point && x.actor === actor)!.status;
    // Land = 70: A's red line is ≥ 60 → inside; B's (March) is ≤ 40 → crosses by 30; C has no land stance.
    expect(cell(1, 'a')).toBe('inside');
    expect(cell(1, 'b')).toBe('crosses');
    expect(cell(1, 'c')).toBe('silent');
    // Bloc = ban (100): A accepts only ban → inside; B accepts join|open → crosses; C has a stance, no red line.
    expect(cell(2, 'a')).toBe('inside');
    expect(cell(2, 'b')).toBe('crosses');
    expect(cell(2, 'c')).toBe('no-red-line');
    // Point 3 settles nothing.
    expect(['a', 'b', 'c'].map((x) => cell(3, x))).toEqual(['silent', 'silent', 'silent']);
    expect(r.cells.find((x) => x.point === 1 && x.actor === 'b')!.issues[0]!.distance).toBe(30);
  });

  it('gives verdicts: a veto player whose red line is crossed would veto', () => {
    const r = checkProposal(c, 'p1', { asOf: '2025-03-01' });
    expect(r.vetoedBy).toEqual(['b']);
    expect(r.acceptedBy).toEqual(['a', 'c']);
    expect(r.passes).toBe(false);
    const b = r.verdicts.find((v) => v.actor === 'b')!;
    expect(b.crossings.map((x) => [x.point, x.issue])).toEqual([
      [1, 'land'],
      [2, 'bloc'],
    ]);
    expect(b.reasons[0]).toMatch(/point 1 sets Land to 70, outside its red line \(≤ 40\)/);
  });

  it('computes salience-weighted utility against the status quo by hand', () => {
    const r = checkProposal(c, 'p1', { asOf: '2025-03-01' });
    const u = (id: string) => r.verdicts.find((v) => v.actor === id)!.utility!;
    // A: land 80 × (u(70) − u(50)) = 80 × (0.7 − 0.5) = 16; bloc 50 × (1 − 0.5) = 25; Σs = 130 → 41/130.
    expect(u('a')).toBeCloseTo(41 / 130, 12);
    // B (pos 0 on land, join on bloc): land 40 × (0.3 − 0.5) = −8; bloc 60 × (0 − 0.5) = −30; Σs = 100 → −0.38.
    expect(u('b')).toBeCloseTo(-0.38, 12);
    // C: bloc only, 20 × (0.5 − 1) = −10, Σs = 20 → −0.5; no red line crossed but worse off than no deal.
    expect(u('c')).toBeCloseTo(-0.5, 12);
    expect(r.verdicts.find((v) => v.actor === 'c')!.gainsOnStatusQuo).toBe(false);
  });

  it('uses the latest stance on or before the analysis date', () => {
    // From June, B's land red line is ≤ 70, so land = 70 no longer crosses it; bloc still does.
    const r = checkProposal(c, 'p1', { asOf: '2025-07-01' });
    expect(r.cells.find((x) => x.point === 1 && x.actor === 'b')!.status).toBe('inside');
    expect(r.verdicts.find((v) => v.actor === 'b')!.crossings.map((x) => x.issue)).toEqual(['bloc']);
  });

  it('calls an actor not bound when the plan settles nothing it has a stance on', () => {
    const r = checkProposal(c, 'p2', { asOf: '2025-03-01' });
    expect(r.verdicts.find((v) => v.actor === 'c')!.verdict).toBe('not-bound');
  });

  it('throws a typed error naming known proposals for an unknown id', () => {
    expect(() => checkProposal(c, 'nope')).toThrow(/known: p1, p2/);
  });
});
