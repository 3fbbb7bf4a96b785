import { describe, expect, it } from 'vitest';
import { stancesAsOf } from '../../../src/case/resolve.js';
import type { Case } from '../api/types.js';
import { acceptableIntervals, describeIntervals, scaleLabel } from './format.js';

// One options scale (0, 25, 100) and one continuous scale, written by hand.
const c = {
  format: 1,
  id: 't',
  title: 'T',
  actors: [{ id: 'a', name: 'A', kind: 'state', aliases: [], capability: 1, veto: true, sources: [] }],
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
      redLine: { min: 20 },
      sources: [],
    },
    {
      actor: 'a',
      issue: 'army',
      date: '2025-01-01',
      position: 40,
      salience: 50,
      redLine: { max: 60 },
      sources: [],
    },
  ],
  sources: [],
  proposals: [],
  events: [],
  scenarios: [],
  conflicts: [],
} as unknown as Case;

describe('red lines as the dashboard draws them (resolved by the core)', () => {
  const stances = stancesAsOf(c, '2025-06-01');
  it('draws a min/max red line on an options scale as the options inside it, not as a band', () => {
    // Options at or above 20: "Door open" (25) and "Ban" (100); 0 is outside.
    expect(acceptableIntervals(stances.get('a', 'nato')!.redLine)).toEqual([
      [25, 25],
      [100, 100],
    ]);
    expect(describeIntervals(stances.get('a', 'nato')!.redLine)).toBe('25, 100');
  });
  it('draws a continuous red line as one interval', () => {
    expect(acceptableIntervals(stances.get('a', 'army')!.redLine)).toEqual([[0, 60]]);
  });
  it('labels scale points with their option or anchor', () => {
    expect(scaleLabel(c.issues[0]!, 25)).toBe('Door open (25)');
    expect(scaleLabel(c.issues[1]!, 50)).toBe('Half (50)');
    expect(scaleLabel(c.issues[1]!, 37.25)).toBe('37.3');
  });
});
