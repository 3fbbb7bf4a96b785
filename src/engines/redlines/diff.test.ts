import { describe, expect, it } from 'vitest';
import { diffProposals, matchPoints } from './diff.js';
import { handCase } from './hand-case.fixture.js';

describe('diffProposals', () => {
  const c = handCase();
  const r = diffProposals(c, 'p1', 'p2', { asOf: '2025-03-01' });

  it('classifies each issue change', () => {
    // land: 70 → 30 (moved, −40); bloc: ban in p1, silent in p2 (dropped: back to the status quo, open).
    expect(r.issues.map((d) => [d.issue, d.change, d.from, d.to, d.delta])).toEqual([
      ['land', 'moved', 70, 30, -40],
      ['bloc', 'dropped', 100, undefined, undefined],
    ]);
  });

  it('says whom each change favours, salience-weighted, by hand', () => {
    const land = r.issues.find((d) => d.issue === 'land')!;
    // A (pos 100, s 80): 0.8 × (0.3 − 0.7) = −0.32. B (pos 0, s 40): 0.4 × (0.7 − 0.3) = +0.16.
    expect(land.favours.map((f) => f.actor)).toEqual(['b', 'a']);
    expect(land.favours.find((f) => f.actor === 'a')!.gain).toBeCloseTo(-0.32, 12);
    expect(land.favours.find((f) => f.actor === 'b')!.gain).toBeCloseTo(0.16, 12);
    // bloc 100 → 50: A (pos 100, s 50) 0.5 × (0.5 − 1) = −0.25; B (pos 0, s 60) 0.6 × (0.5 − 0) = +0.3;
    // C (pos 50, s 20) 0.2 × (1 − 0.5) = +0.1.
    const bloc = r.issues.find((d) => d.issue === 'bloc')!;
    expect(bloc.favours.map((f) => [f.actor, Number(f.gain.toFixed(12))])).toEqual([
      ['b', 0.3],
      ['c', 0.1],
      ['a', -0.25],
    ]);
  });

  it('sums per-actor gains over total salience and flags red lines crossed and cleared', () => {
    const a = r.actors.find((x) => x.actor === 'a')!;
    const b = r.actors.find((x) => x.actor === 'b')!;
    // A: (−0.32 − 0.25) × 100 / 130 = −57/130. B: (0.16 + 0.3) × 100 / 100 = 0.46.
    expect(a.gain).toBeCloseTo(-57 / 130, 12);
    expect(a.direction).toBe('away');
    expect(b.gain).toBeCloseTo(0.46, 12);
    expect(b.direction).toBe('toward');
    // A's land red line ≥ 60: 70 ok → 30 crosses. Bloc: ban ok → open crosses.
    expect(a.newlyCrossed.map((x) => x.issue)).toEqual(['land', 'bloc']);
    // B's land red line ≤ 40: 70 crossed → 30 ok; bloc ban crossed → open ok.
    expect(b.cleared.map((x) => x.issue)).toEqual(['land', 'bloc']);
  });

  it('matches points by settled issues, then by wording, and lists added and dropped points', () => {
    expect(r.points.matched.map((m) => [m.from, m.to])).toEqual([
      [1, 1],
      [3, 2],
    ]);
    expect(r.points.added.map((p) => p.number)).toEqual([3]);
    expect(r.points.dropped.map((p) => p.number)).toEqual([2]);
  });

  it('a proposal compared with itself changes nothing', () => {
    const same = diffProposals(c, 'p1', 'p1');
    expect(same.issues.every((d) => d.change === 'unchanged' && d.favours.length === 0)).toBe(true);
    expect(same.actors.every((a) => a.gain === 0 && a.direction === 'neutral')).toBe(true);
    expect(matchPoints(c.proposals[0]!.points, c.proposals[0]!.points).matched).toHaveLength(3);
  });
});
