import { describe, expect, it } from 'vitest';
import { emissionInputs } from './test-fixtures.js';
import { compromise, weightedMean } from './compromise.js';
import { condorcetWinner, median, plainMedian, weightedMedian } from './median.js';
import { nash, nashSolution } from './nash.js';
import type { BargainingInput } from './types.js';

const e = emissionInputs();
const cs = e.c.map((c, k) => c * e.s[k]!);
const emission: BargainingInput = {
  actors: e.names.map((id) => ({ id })),
  dimensions: [{ id: 'years' }],
  capability: e.c,
  position: e.x.map((x) => [x]),
  salience: e.s.map((s) => [s]),
};

describe('compromise model (docs/models/baselines.md §1)', () => {
  it('gives the c·s-weighted mean 7.38996 on the emission example', () => {
    expect(compromise(emission).outcome[0]).toBeCloseTo(7.38996, 5);
  });
  it('gives the capability-weighted mean 7.4752 and the unweighted mean 6.7', () => {
    expect(compromise(emission, { weighting: 'capability' }).outcome[0]).toBeCloseTo(7.4752, 4);
    expect(compromise(emission, { weighting: 'equal' }).outcome[0]).toBeCloseTo(6.7, 10);
  });
  it('by hand: positions 0 and 100 with weights 1 and 3 give 75', () => {
    expect(weightedMean([0, 100], [1, 3])).toBe(75);
  });
  it('is undefined (NaN with a warning) when the weights sum to 0', () => {
    const f = compromise({ ...emission, capability: e.c.map(() => 0) });
    expect(f.outcome[0]).toBeNaN();
    expect(f.warnings[0]).toMatch(/years: .*undefined/);
  });
});

describe('weighted median and Condorcet winner (docs/models/baselines.md §2)', () => {
  it('the c·s-weighted median and the Condorcet winner are 7 on the emission example', () => {
    expect(weightedMedian(e.x, cs)).toBe(7);
    expect(condorcetWinner(e.x, cs)).toBe(7);
    expect(median(emission).outcome[0]).toBe(7);
    expect(median(emission, { method: 'condorcet' }).outcome[0]).toBe(7);
  });
  it('by hand: weights 1, 1, 2 at 10, 20, 30 reach half (2) at 20; the plain median of 4 values averages the middle two', () => {
    expect(weightedMedian([30, 10, 20], [2, 1, 1])).toBe(20);
    expect(plainMedian([1, 9, 3, 5])).toBe(4);
    expect(plainMedian([7, 1, 3])).toBe(3);
  });
  it('merges tied positions before deciding', () => {
    // Weights at 10: 1 + 1 = 2 of total 5; at 20: 3 → cumulative 5 ≥ 2.5, so 20.
    expect(weightedMedian([10, 10, 20], [1, 1, 3])).toBe(20);
  });
});

describe('asymmetric Nash bargaining solution (docs/models/baselines.md §3)', () => {
  it('two actors at 20 and 80, D = 0, weights 2 and 1: quadratic gives 80 − 40√2, linear gives 20', () => {
    expect(nashSolution([20, 80], [2, 1], 0, 'quadratic').outcome).toBeCloseTo(80 - 40 * Math.SQRT2, 6);
    expect(nashSolution([20, 80], [2, 1], 0, 'linear').outcome).toBeCloseTo(20, 6);
  });
  it('with D between the ideal points the strict solution is D; the majority-side variant bargains on the heavier side', () => {
    expect(nashSolution([20, 80], [1, 1], 50, 'quadratic', 'status-quo').outcome).toBe(50);
    // Heavier side is actor at 80 alone: its gain (50−80)²−(y−80)² is maximal at its ideal point.
    expect(nashSolution([20, 80], [1, 2], 50, 'quadratic', 'majority-side').outcome).toBeCloseTo(80, 5);
  });
  it('uses the input status quo as disagreement point', () => {
    const input: BargainingInput = {
      actors: [{ id: 'a' }, { id: 'b' }],
      dimensions: [{ id: 'd' }],
      capability: [2, 1],
      position: [[20], [80]],
      salience: [[1], [1]],
      statusQuo: [0],
    };
    expect(nash(input).outcome[0]).toBeCloseTo(80 - 40 * Math.SQRT2, 6);
  });
});

describe('Nash bargainers with vetoes', () => {
  it('bargains among the veto players only: a veto player at 20 alone with D = 0 gets its ideal point', () => {
    const input: BargainingInput = {
      actors: [{ id: 'a' }, { id: 'b' }],
      dimensions: [{ id: 'd' }],
      capability: [2, 1],
      position: [[20], [80]],
      salience: [[1], [1]],
      statusQuo: [0],
      veto: [true, false],
    };
    expect(nash(input).outcome[0]).toBeCloseTo(20, 6);
    expect(nash(input, { bargainers: 'all' }).outcome[0]).toBeCloseTo(80 - 40 * Math.SQRT2, 6);
  });
});
