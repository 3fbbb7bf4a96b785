import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../case/schema.js';
import { handCase } from './hand-case.fixture.js';
import { compareScenarios } from './scenarios.js';

describe('compareScenarios', () => {
  const base = handCase();
  const c = CaseSchema.parse({
    ...base,
    scenarios: [
      {
        id: 'b-concedes',
        name: 'Beta drops its bloc red line and softens on land',
        changes: [
          { op: 'stance', actor: 'b', issue: 'bloc', redLine: null },
          { op: 'stance', actor: 'b', issue: 'land', redLine: { max: 80 } },
        ],
      },
      { id: 'b-loses-veto', name: 'Beta loses its veto', changes: [{ op: 'veto', actor: 'b', veto: false }] },
    ],
  });

  it('lists the baseline first, then each scenario, with the proposal verdicts under each', () => {
    const rows = compareScenarios(c, { proposal: 'p1', asOf: '2025-03-01' });
    expect(rows.map((r) => r.scenario)).toEqual([null, 'b-concedes', 'b-loses-veto']);
    // Baseline: B's red lines (land ≤ 40, bloc join|open) are crossed by land 70 and ban → B vetoes.
    expect(rows[0]!.proposal!.vetoedBy).toEqual(['b']);
    // B without a bloc red line and with land ≤ 80: land 70 is inside → nobody vetoes.
    expect(rows[1]!.proposal!.passes).toBe(true);
    // B without a veto objects instead of vetoing, and the zone depends on A alone, so it exists.
    expect(rows[2]!.proposal).toMatchObject({ passes: true, vetoedBy: [], objectedBy: ['b'] });
    expect(rows[2]!.vetoPlayers).toEqual(['a']);
    expect(rows[2]!.zone).toMatchObject({ feasible: true, relaxationCost: 0 });
  });

  it('reports the zone per scenario: B conceding leaves only land ≥ 60 ∩ ≤ 80, which is non-empty', () => {
    const rows = compareScenarios(c, { asOf: '2025-03-01' });
    expect(rows[0]!.zone.feasible).toBe(false);
    expect(rows[0]!.zone.relaxationCost).toBe(33);
    expect(rows[1]!.zone.feasible).toBe(true);
  });
});
