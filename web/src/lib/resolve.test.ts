import { describe, expect, it } from 'vitest';
import type { Case } from '../api/types.js';
import {
  acceptableSet,
  defaultAsOf,
  positionValue,
  scaleLabel,
  stanceDates,
  stancesAsOf,
} from './resolve.js';

// A two-issue case written by hand: one options scale, one continuous.
const c = {
  format: 1,
  id: 't',
  title: 'T',
  actors: [
    { id: 'a', name: 'A', kind: 'state', aliases: [], capability: 1, veto: true, sources: [] },
    { id: 'b', name: 'B', kind: 'state', aliases: [], capability: 1, veto: false, sources: [] },
  ],
  issues: [
    {
      id: 'nato',
      name: 'NATO',
      keywords: [],
      scale: {
        kind: 'options',
        options: [
          { id: 'member', label: 'Member', value: 0 },
          { id: 'open', label: 'Door open', value: 25 },
          { id: 'ban', label: 'Ban', value: 100 },
        ],
      },
    },
    {
      id: 'army',
      name: 'Army',
      keywords: [],
      scale: { kind: 'continuous', anchors: [{ value: 50, label: 'Half' }] },
    },
  ],
  stances: [
    {
      actor: 'a',
      issue: 'nato',
      date: '2025-01-01',
      position: 'ban',
      salience: 80,
      redLine: { options: ['ban', 'open'] },
      sources: [],
    },
    { actor: 'a', issue: 'nato', date: '2025-06-01', position: 'open', salience: 60, sources: [] },
    {
      actor: 'b',
      issue: 'army',
      date: '2025-03-01',
      position: 40,
      salience: 50,
      redLine: { min: 30, max: 60 },
      sources: [],
    },
  ],
  sources: [],
  proposals: [],
  events: [],
  scenarios: [],
  conflicts: [],
} as unknown as Case;

describe('client-side stance resolution', () => {
  it('takes the latest stance on or before the date', () => {
    const early = stancesAsOf(c, '2025-03-15');
    expect(early.find((s) => s.actor === 'a')?.position).toBe(100); // 'ban' is 100 on the scale
    const late = stancesAsOf(c, '2025-06-01');
    expect(late.find((s) => s.actor === 'a')?.position).toBe(25); // 'open' from 1 June on
    expect(stancesAsOf(c, '2024-12-31')).toHaveLength(0);
  });

  it('reads an options red line as one point per option and an interval red line as itself', () => {
    const nato = c.issues[0]!;
    expect(acceptableSet(nato, { options: ['ban', 'open'] })).toEqual([
      [100, 100],
      [25, 25],
    ]);
    // min/max narrow an options red line: only 'ban' (100) is ≥ 50.
    expect(acceptableSet(nato, { options: ['ban', 'open'], min: 50 })).toEqual([[100, 100]]);
    expect(acceptableSet(c.issues[1]!, { min: 30, max: 60 })).toEqual([[30, 60]]);
  });

  it('lists stance dates and defaults to the latest', () => {
    expect(stanceDates(c)).toEqual(['2025-01-01', '2025-03-01', '2025-06-01']);
    expect(defaultAsOf(c)).toBe('2025-06-01');
  });

  it('labels values by option or anchor', () => {
    expect(positionValue(c.issues[0]!, 'open')).toBe(25);
    expect(scaleLabel(c.issues[0]!, 25)).toBe('Door open (25)');
    expect(scaleLabel(c.issues[1]!, 50)).toBe('Half (50)');
    expect(scaleLabel(c.issues[1]!, 42.25)).toBe('42.3');
  });
});
