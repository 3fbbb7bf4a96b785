import { describe, expect, it } from 'vitest';
import { buildCase } from '../../case/testing.js';
import { handCase } from './hand-case.fixture.js';
import { cheapestRelaxation, intersect, zoneOfAgreement } from './zone.js';

describe('zoneOfAgreement', () => {
  it('finds no zone in March and the cheapest relaxation by hand', () => {
    const r = zoneOfAgreement(handCase(), { asOf: '2025-03-01' });
    expect(r.vetoPlayers).toEqual(['a', 'b']);
    expect(r.feasible).toBe(false);
    const land = r.issues.find((z) => z.issue === 'land')!;
    // A needs ≥ 60 (s 80), B ≤ 40 (s 40). At x = 60 only B widens by 20: cost 0.4 × 20 = 8.
    // At x = 40 only A widens by 20: cost 0.8 × 20 = 16. Any x between costs 8 + 0.4·… more. → x = 60.
    expect(land.zone).toBeNull();
    expect(land.relaxation).toMatchObject({ point: 60, cost: 8 });
    expect(land.relaxation!.moves).toEqual([
      { actor: 'b', issue: 'land', widenBy: 20, direction: 'up', cost: 8 },
    ]);
    // Bloc: A accepts {ban}, s 50; B {join, open}, s 60. Options only: open → A moves 50 (cost 25);
    // ban → B moves 50 (cost 30); join → A moves 100 (cost 50). → open, A moves down.
    const bloc = r.issues.find((z) => z.issue === 'bloc')!;
    expect(bloc.relaxation).toMatchObject({ point: 50, cost: 25 });
    expect(bloc.relaxation!.moves[0]).toMatchObject({ actor: 'a', direction: 'down', widenBy: 50 });
    expect(r.relaxation.totalCost).toBe(33);
  });

  it('finds a zone once B softens (June) and picks the capability-salience best point inside it', () => {
    const r = zoneOfAgreement(handCase(), { asOf: '2025-07-01' });
    const land = r.issues.find((z) => z.issue === 'land')!;
    // A ≥ 60 ∩ B ≤ 70 → [60, 70]. Score(x) = 2·80·u_A + 1·40·u_B with A at 100, B at 20: increasing in x
    // (slope 160 − 40 > 0) → 70.
    expect(land.zone).toEqual({ min: 60, max: 70 });
    expect(land.suggested).toBe(70);
  });

  it('intersects option sets and intervals', () => {
    expect(
      intersect([
        { min: 0, max: 100, values: [0, 50] },
        { min: 40, max: 100 },
      ]),
    ).toEqual({ min: 40, max: 100, values: [50] });
    expect(
      intersect([
        { min: 0, max: 30 },
        { min: 31, max: 100 },
      ]),
    ).toBeNull();
  });

  it('says every outcome is in the zone when nobody has a veto', () => {
    const c = buildCase({ actors: [{ id: 'a', name: 'A', kind: 'state' }] });
    const r = zoneOfAgreement(c);
    expect(r.feasible).toBe(true);
    expect(r.warnings[0]).toMatch(/no actor has a veto/);
  });

  it('relaxation minimises the weighted sum of distances (three players)', () => {
    const issue = buildCase().issues[0]!;
    // Intervals [0,10] s100, [50,60] s10, [90,100] s10. Cost at 10: 0.1·40 + 0.1·80 = 12; at 50: 1·40 + 0.1·40 = 44.
    const r = cheapestRelaxation(issue, [
      { actor: 'x', redLine: { min: 0, max: 10 }, salience: 100, position: 0 },
      { actor: 'y', redLine: { min: 50, max: 60 }, salience: 10, position: 55 },
      { actor: 'z', redLine: { min: 90, max: 100 }, salience: 10, position: 95 },
    ]);
    expect(r.point).toBe(10);
    expect(r.cost).toBeCloseTo(12, 12);
  });
});
