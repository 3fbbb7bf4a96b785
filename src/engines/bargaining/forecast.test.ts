import { describe, expect, it } from 'vitest';
import { buildCase } from '../../case/testing.js';
import { forecastCase, monteCarloSpecFor, caseInput } from './forecast.js';
import { forecastScenarios } from './scenarios.js';
import {
  monteCarlo,
  quantile,
  runMonteCarloRange,
  summariseMonteCarlo,
  assertRuns,
  resolveRanges,
} from './monte-carlo.js';
import { BargainingInputError } from './validate.js';

// Three actors on one continuous issue; capabilities 1, 1, 2 and equal salience, so the compromise model gives
// (20 + 50 + 2·80) / 4 = 57.5 by hand, and actor b's red line (≤ 60) holds while c's (≥ 70) is crossed.
const threeActors = buildCase({
  actors: [
    { id: 'a', name: 'A', kind: 'state', capability: 1 },
    { id: 'b', name: 'B', kind: 'state', capability: 1 },
    { id: 'c', name: 'C', kind: 'state', capability: 2 },
  ],
  stances: [
    { actor: 'a', issue: 'x', date: '2025-01-01', position: 20, salience: 50 },
    { actor: 'b', issue: 'x', date: '2025-01-01', position: 50, salience: 50, redLine: { max: 60 } },
    { actor: 'c', issue: 'x', date: '2025-01-01', position: 80, salience: 50, redLine: { min: 70 } },
    { actor: 'c', issue: 'x', date: '2025-06-01', position: 100, salience: 50 },
  ],
  scenarios: [{ id: 'c-weaker', name: 'C weaker', changes: [{ op: 'capability', actor: 'c', factor: 0.5 }] }],
});

describe('forecasting a case', () => {
  it('builds the input from the stances as of the date and checks red lines (hand-computed)', () => {
    const f = forecastCase(threeActors, { asOf: '2025-03-01', models: ['compromise', 'median'] });
    expect(f.results[0]!.outcome![0]).toBeCloseTo(57.5, 10);
    expect(f.results[0]!.redLines).toEqual({ b: { x: true }, c: { x: false } });
    // c·s weights 0.5, 0.5, 1 at 20, 50, 80: half of 2 is reached at 50.
    expect(f.results[1]!.outcome![0]).toBe(50);
  });

  it('uses the later stance after its date: (20 + 50 + 2·100) / 4 = 67.5', () => {
    expect(
      forecastCase(threeActors, { asOf: '2025-07-01', models: ['compromise'] }).results[0]!.outcome![0],
    ).toBeCloseTo(67.5, 10);
  });

  it('puts scenarios beside the baseline: C at half capability gives (20 + 50 + 80) / 3 = 50', () => {
    const s = forecastScenarios(threeActors, { asOf: '2025-03-01', models: ['compromise'] });
    expect(s.baseline.results[0]!.outcome![0]).toBeCloseTo(57.5, 10);
    expect(s.scenarios[0]!.forecast.results[0]!.outcome![0]).toBeCloseTo(50, 10);
  });

  it('refuses bad input with problems naming the issue and field', () => {
    const zero = buildCase({
      actors: [
        { id: 'a', name: 'A', kind: 'state', capability: 0 },
        { id: 'b', name: 'B', kind: 'state', capability: 0 },
      ],
      stances: [
        { actor: 'a', issue: 'x', date: '2025-01-01', position: 20, salience: 50 },
        { actor: 'b', issue: 'x', date: '2025-01-01', position: 50, salience: 50 },
      ],
    });
    expect(() => caseInput(zero)).toThrow(BargainingInputError);
    expect(() => caseInput(zero)).toThrow(
      /issues\.x\.capability: every actor with salience above 0 has capability 0/,
    );
    const lonely = buildCase({
      stances: [{ actor: 'a', issue: 'x', date: '2025-01-01', position: 20, salience: 50 }],
    });
    expect(() => caseInput(lonely)).toThrow(/issues\.x: 1 actor\(s\) take part; a forecast needs at least 2/);
    const silent = buildCase({
      stances: [
        { actor: 'a', issue: 'x', date: '2025-01-01', position: 20, salience: 0 },
        { actor: 'b', issue: 'x', date: '2025-01-01', position: 50, salience: 0 },
      ],
    });
    expect(() => caseInput(silent)).toThrow(/issues\.x\.salience: the total salience is 0/);
  });
});

describe('Monte Carlo', () => {
  const spec = monteCarloSpecFor(threeActors, 'compromise', { asOf: '2025-03-01', runs: 200, seed: 7 });

  it('is reproducible for a seed, and any split of the run range gives the same outcomes', () => {
    const whole = runMonteCarloRange(spec, 0, 200);
    const parts = [
      runMonteCarloRange(spec, 0, 37),
      runMonteCarloRange(spec, 37, 150),
      runMonteCarloRange(spec, 150, 200),
    ];
    expect(Array.from(whole)).toEqual(parts.flatMap((p) => Array.from(p)));
    expect(monteCarlo(spec)).toEqual(monteCarlo(spec));
    expect(monteCarlo({ ...spec, seed: 8 }).issues[0]!.mean).not.toBe(monteCarlo(spec).issues[0]!.mean);
  });

  it('with zero ranges every run equals the point forecast and the red-line odds are 0 or 1', () => {
    const s = monteCarlo({
      ...spec,
      uncertainty: { capability: 0, salience: 0, position: 0, distribution: 'uniform' },
    });
    expect(s.issues[0]!.min).toBeCloseTo(57.5, 10);
    expect(s.issues[0]!.max).toBeCloseTo(57.5, 10);
    expect(s.actors.map((a) => a.all)).toEqual([null, 1, 0]);
    expect(s.everyRedLineHolds).toBe(0);
  });

  it('keeps perturbed outcomes inside the hull of the perturbed positions (±5 around 20…80)', () => {
    const s = monteCarlo(spec);
    expect(s.issues[0]!.min).toBeGreaterThanOrEqual(15);
    expect(s.issues[0]!.max).toBeLessThanOrEqual(85);
    expect(s.issues[0]!.quantiles.p05).toBeLessThanOrEqual(s.issues[0]!.quantiles.p95);
  });

  it('summarises by hand: quantiles interpolate linearly, red-line odds count runs', () => {
    expect(quantile([0, 10, 20, 30, 40], 0.25)).toBe(10);
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5, 12);
    const mini = { ...spec, redLines: [[null], [{ min: 0, max: 60 }], [null]] };
    const s = summariseMonteCarlo(mini, Float64Array.from([50, 55, 70, 90]));
    expect(s.actors[1]!.byIssue.x).toBe(0.5);
    expect(s.issues[0]!.mean).toBe(66.25);
  });

  it('refuses run counts beyond the limit, naming it', () => {
    expect(() => assertRuns(1e9)).toThrow(/runs must be a whole number from 1 to 1,000,000; got 1000000000/);
    expect(() => assertRuns(0)).toThrow(RangeError);
  });
});

describe('red lines on an options scale', () => {
  // Options at 0, 50, 100; A at 0, B at 100 with capability 1.5: compromise (0 + 1.5·100) / 2.5 = 60, whose
  // nearest option is "mid" (50): inside A's red line (low or mid), outside B's (high only).
  const optionsCase = (capB: number) =>
    buildCase({
      actors: [
        { id: 'a', name: 'A', kind: 'state', capability: 1 },
        { id: 'b', name: 'B', kind: 'state', capability: capB },
      ],
      issues: [
        {
          id: 'x',
          name: 'X',
          scale: {
            kind: 'options',
            options: [
              { id: 'low', label: 'Low', value: 0 },
              { id: 'mid', label: 'Mid', value: 50 },
              { id: 'high', label: 'High', value: 100 },
            ],
          },
        },
      ],
      stances: [
        {
          actor: 'a',
          issue: 'x',
          date: '2025-01-01',
          position: 'low',
          salience: 50,
          redLine: { options: ['low', 'mid'] },
        },
        {
          actor: 'b',
          issue: 'x',
          date: '2025-01-01',
          position: 'high',
          salience: 50,
          redLine: { options: ['high'] },
        },
      ],
    });

  it('reads a forecast as its nearest option before checking red lines', () => {
    const f = forecastCase(optionsCase(1.5), { models: ['compromise'] });
    expect(f.results[0]!.outcome![0]).toBeCloseTo(60, 10);
    expect(f.results[0]!.redLines).toEqual({ a: { x: true }, b: { x: false } });
  });
});

describe('uncertainty overrides', () => {
  it('apply the most specific range: actor + issue over actor over issue over the default', () => {
    const input = caseInput(threeActors, { asOf: '2025-03-01' }).input;
    const r = resolveRanges(input, { capability: 0.2, salience: 10, position: 5, distribution: 'uniform' }, [
      { issue: 'x', position: 7 },
      { actor: 'b', position: 9, capability: 0.5 },
      { actor: 'c', issue: 'x', position: 0 },
      { issue: 'x', capability: 0.9 },
    ]);
    expect(r.position.map((row) => row[0])).toEqual([7, 9, 0]);
    // Capability is per actor: an issue-only override does not touch it.
    expect(r.capability).toEqual([0.2, 0.5, 0.2]);
    expect(r.salience.map((row) => row[0])).toEqual([10, 10, 10]);
  });
});

describe('forecast settings checks', () => {
  it('warns about an override naming an unknown actor', () => {
    const c = {
      ...threeActors,
      forecast: { overrides: [{ actor: 'zed', position: 3 }] },
    } as typeof threeActors;
    expect(forecastCase(c, { models: ['compromise'] }).warnings).toContain(
      'forecast.overrides[0].actor: no actor "zed" in the case; the override does nothing',
    );
  });
});

describe('Monte Carlo where every run fails', () => {
  it('reports the failures and no probabilities instead of 0/0', () => {
    const spec = monteCarloSpecFor(threeActors, 'compromise', { asOf: '2025-03-01', runs: 3, seed: 1 });
    const s = summariseMonteCarlo(spec, Float64Array.from([NaN, NaN, NaN]));
    expect(s.failedRuns).toBe(3);
    expect(s.actors[1]).toEqual({ actor: 'b', byIssue: {}, byIssueSE: {}, all: null, allSE: null });
    expect(s.everyRedLineHolds).toBeNull();
  });
});
