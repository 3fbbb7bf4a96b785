/** SMP parameters: KTAB's defaults (docs/models/SMP.md §3) and the case-file form of the settings. */
import { describe, expect, it } from 'vitest';
import {
  accommodationMatrix,
  DEFAULT_SMP_PARAMS,
  SMP_KTAB_PARAMETER_ORDER,
  SMP_KTAB_PARAMETER_VALUES,
  SmpCaseSettingsSchema,
} from './params.js';

describe('SMP parameters', () => {
  it('default to KTAB’s codes 0,0,0,2,1,1,1,1,0 (docs/models/SMP.md §3, ScenarioDesc of the shipped database)', () => {
    const codes = SMP_KTAB_PARAMETER_ORDER.map((key) =>
      (SMP_KTAB_PARAMETER_VALUES[key] as readonly string[]).indexOf(DEFAULT_SMP_PARAMS[key]),
    );
    expect(codes).toEqual([0, 0, 0, 2, 1, 1, 1, 1, 0]);
    expect(DEFAULT_SMP_PARAMS).toMatchObject({ minTurns: 2, maxTurns: 100, stopRatio: 0.02 });
  });

  it('case settings accept parameters by name and accommodation by actor id, and reject unknown names', () => {
    const ok = SmpCaseSettingsSchema.safeParse({
      votingRule: 'PropCbc',
      accommodation: [{ actor: 'bob', toward: 'alice', weight: 0.07 }],
    });
    expect(ok.success).toBe(true);
    expect(SmpCaseSettingsSchema.safeParse({ votingRule: 'Proportional' }).success).toBe(false);
    expect(SmpCaseSettingsSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('accommodation entries fill an identity matrix', () => {
    const { matrix, unknownIds } = accommodationMatrix(
      ['alice', 'bob', 'carol'],
      [
        { actor: 'alice', toward: 'alice', weight: 0.87 },
        { actor: 'bob', toward: 'alice', weight: 0.07 },
        { actor: 'zed', toward: 'bob', weight: 0.1 },
      ],
    );
    expect(matrix).toEqual([
      [0.87, 0, 0],
      [0.07, 1, 0],
      [0, 0, 1],
    ]);
    expect(unknownIds).toEqual(['zed']);
  });
});
