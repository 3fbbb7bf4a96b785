import { describe, expect, it } from 'vitest';
import { readStability } from './normalize-stability.js';

// The Prisoner's Dilemma (Fang, Hipel & Kilgour 1993, ch. 2): states NN, YN, NY, YY (Y = cooperate);
// mutual defection (state 1) is the only Nash equilibrium; GMR adds mutual cooperation (state 4).
const cliShape = {
  options: [
    { index: 0, id: 'one-cooperates', name: 'Cooperate with Two', owner: 'one' },
    { index: 1, id: 'two-cooperates', name: 'Cooperate with One', owner: 'two' },
  ],
  decisionMakers: [
    { id: 'one', name: 'Prisoner One' },
    { id: 'two', name: 'Prisoner Two' },
  ],
  states: [
    { state: 1, code: 0, yn: 'NN' },
    { state: 2, code: 1, yn: 'YN' },
    { state: 3, code: 2, yn: 'NY' },
    { state: 4, code: 3, yn: 'YY' },
  ],
  players: [
    { name: 'Prisoner One', members: ['one'] },
    { name: 'Prisoner Two', members: ['two'] },
  ],
  stability: {
    Nash: { 'Prisoner One': [true, false, true, false], 'Prisoner Two': [true, true, false, false] },
    GMR: { 'Prisoner One': [true, false, true, true], 'Prisoner Two': [true, true, false, true] },
  },
  equilibria: { Nash: [1], GMR: [1, 4] },
  statusQuo: {
    from: 4,
    reached: [
      { state: 4, steps: 0, path: [] },
      { state: 2, steps: 1, path: [{ player: 1, from: 4, to: 2, improvement: true }] },
      {
        state: 1,
        steps: 2,
        path: [
          { player: 1, from: 4, to: 2, improvement: true },
          { player: 0, from: 2, to: 1, improvement: true },
        ],
      },
    ],
  },
};

describe('stability results', () => {
  it('reads the CLI presentation: Y/N columns, marks per player and concept, equilibria', () => {
    const v = readStability(cliShape);
    expect(v.concepts).toEqual(['Nash', 'GMR']);
    expect(v.dms.map((d) => d.short)).toEqual(['one', 'two']);
    expect(v.states.map((s) => s.bits.join(''))).toEqual(['NN', 'YN', 'NY', 'YY']);
    expect(v.states.map((s) => s.equilibria)).toEqual([['Nash', 'GMR'], [], [], ['GMR']]);
    expect(v.states[2]!.marks.get('Nash')!.get('Prisoner One')).toBe(true);
    expect(v.states[2]!.marks.get('Nash')!.get('Prisoner Two')).toBe(false);
    expect(v.statusQuo).toBe('4');
    expect(v.paths).toEqual([
      { to: '2', steps: ['2'], improvement: false },
      { to: '1', steps: ['2', '1'], improvement: false },
    ]);
  });

  it('reads the per-state presentation of docs/api.md', () => {
    const v = readStability({
      options: [{ id: 'a', name: 'A', dm: 'one' }],
      dms: [{ id: 'one', name: 'Prisoner One' }],
      concepts: ['Nash'],
      states: [
        { id: '1', bits: 'N', stability: { Nash: { one: true } }, equilibria: ['Nash'] },
        { id: '2', bits: 'Y', stability: { Nash: { one: false } }, equilibria: [] },
      ],
      statusQuo: { state: '2', paths: [{ to: '1', path: ['2', '1'] }] },
    });
    expect(v.states.map((s) => [s.id, s.bits.join(''), s.equilibria])).toEqual([
      ['1', 'N', ['Nash']],
      ['2', 'Y', []],
    ]);
    expect(v.states[1]!.marks.get('Nash')!.get('one')).toBe(false);
    expect(v.statusQuo).toBe('2');
    expect(v.paths).toEqual([{ to: '1', steps: ['1'], improvement: false }]);
  });

  it('reads the server’s combined presentation by decision-maker id', () => {
    const v = readStability({
      ...cliShape,
      states: cliShape.states.map((st, k) => ({
        ...st,
        stability: {
          Nash: {
            one: cliShape.stability.Nash['Prisoner One'][k],
            two: cliShape.stability.Nash['Prisoner Two'][k],
          },
        },
        equilibria: k === 0 ? ['Nash'] : [],
      })),
    });
    expect(v.dms.map((d) => [d.id, d.name])).toEqual([
      ['one', 'Prisoner One'],
      ['two', 'Prisoner Two'],
    ]);
    expect(v.states[0]!.marks.get('Nash')!.get('one')).toBe(true);
    expect(v.states[3]!.marks.get('Nash')!.get('two')).toBe(false);
    expect(v.states[0]!.equilibria).toEqual(['Nash']);
  });
});
