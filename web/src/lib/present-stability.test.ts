import { describe, expect, it } from 'vitest';
import type { StabilityReport } from '../api/types.js';
import { presentStability } from './present-stability.js';

// The Prisoner's Dilemma (Fang, Hipel & Kilgour 1993, ch. 2): states NN, YN, NY, YY (Y = cooperate);
// mutual defection (state 1) is the only Nash equilibrium; GMR adds mutual cooperation (state 4).
const nash = [
  [true, true],
  [false, true],
  [true, false],
  [false, false],
];
const gmr = [
  [true, true],
  [false, true],
  [true, false],
  [true, true],
];
const report: StabilityReport = {
  conflict: { id: 'pd', name: "Prisoner's Dilemma" },
  concepts: ['Nash', 'GMR'],
  options: [
    { index: 0, id: 'one-cooperates', name: 'Cooperate with Two', owner: 'one', direction: 'forward' },
    { index: 1, id: 'two-cooperates', name: 'Cooperate with One', owner: 'two', direction: 'forward' },
  ],
  decisionMakers: [
    { id: 'one', name: 'Prisoner One' },
    { id: 'two', name: 'Prisoner Two' },
  ],
  states: ['NN', 'YN', 'NY', 'YY'].map((yn, k) => ({
    state: k + 1,
    code: k,
    yn,
    payoffs: {},
    stability: {
      Nash: { one: nash[k]![0]!, two: nash[k]![1]! },
      GMR: { one: gmr[k]![0]!, two: gmr[k]![1]! },
    },
    equilibria: k === 0 ? ['Nash', 'GMR'] : k === 3 ? ['GMR'] : [],
  })),
  players: [
    { name: 'Prisoner One', members: ['one'] },
    { name: 'Prisoner Two', members: ['two'] },
  ],
  settings: { sanctions: 'standard', seqSim: 'and' },
  stability: {},
  equilibria: { Nash: [1], GMR: [1, 4] },
  statusQuo: {
    from: 4,
    depth: 5,
    players: [],
    reached: [
      { state: 4, steps: 0, path: [] },
      {
        state: 1,
        steps: 2,
        path: [
          { player: 1, from: 4, to: 2, improvement: true },
          { player: 0, from: 2, to: 1, improvement: true },
        ],
        improvementPath: [
          { player: 1, from: 4, to: 2, improvement: true },
          { player: 0, from: 2, to: 1, improvement: true },
        ],
      },
    ],
    movesPerLevel: [],
  },
  warnings: [],
};

describe('presentStability', () => {
  it('keys marks by decision maker and lists the equilibria of each state', () => {
    const v = presentStability(report);
    expect(v.dms.map((d) => d.id)).toEqual(['one', 'two']);
    expect(v.states.map((s) => s.equilibria)).toEqual([['Nash', 'GMR'], [], [], ['GMR']]);
    expect(v.states[3]!.marks.get('Nash')!.get('one')).toBe(false);
    expect(v.states[3]!.marks.get('GMR')!.get('one')).toBe(true);
    expect(v.states[1]!.bits).toEqual(['Y', 'N']);
  });
  it('reads the status quo’s improvement path as the states it passes through', () => {
    const v = presentStability(report);
    expect(v.statusQuo).toBe('4');
    expect(v.paths).toEqual([{ to: '1', steps: ['2', '1'], improvement: true }]);
  });
});
