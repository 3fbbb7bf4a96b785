import { describe, expect, it } from 'vitest';
import { buildCase } from '../../case/testing.js';
import { monteCarloSpecFor } from './forecast.js';
import { monteCarlo } from './monte-carlo.js';
import { binomialUpperTail, quantileBootstrapInterval } from './stats.js';

// Three actors on one issue; b's red line (≤ 60) sits near the compromise forecast 57.5, so the probability
// that it holds is well inside (0, 1) and its sampling error is visible.
const c = buildCase({
  actors: [
    { id: 'a', name: 'A', kind: 'state', capability: 1 },
    { id: 'b', name: 'B', kind: 'state', capability: 1 },
    { id: 'c', name: 'C', kind: 'state', capability: 2 },
  ],
  stances: [
    { actor: 'a', issue: 'x', date: '2025-01-01', position: 20, salience: 50 },
    { actor: 'b', issue: 'x', date: '2025-01-01', position: 50, salience: 50, redLine: { max: 60 } },
    { actor: 'c', issue: 'x', date: '2025-01-01', position: 80, salience: 50 },
  ],
});

const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Monte Carlo sampling error', () => {
  const runs = 2000;
  const summaries = Array.from({ length: 20 }, (_, k) =>
    monteCarlo(monteCarloSpecFor(c, 'compromise', { runs, seed: 1000 + k })),
  );

  it('reports a standard error of each probability that matches the spread across 20 seeds within 30 %', () => {
    const p = summaries.map((s) => s.actors[1]!.byIssue.x!);
    expect(mean(p)).toBeGreaterThan(0.2);
    expect(mean(p)).toBeLessThan(0.95);
    const reported = mean(summaries.map((s) => s.actors[1]!.byIssueSE.x!));
    expect(Math.abs(reported / sd(p) - 1)).toBeLessThan(0.3);
  });

  it('reports a standard error of the mean that matches the spread of the means across 20 seeds within 30 %', () => {
    const means = summaries.map((s) => s.issues[0]!.mean);
    const reported = mean(summaries.map((s) => s.issues[0]!.meanSE));
    expect(Math.abs(reported / sd(means) - 1)).toBeLessThan(0.3);
  });

  it('gives median intervals whose half-width / 1.96 matches the spread of the medians across seeds within 30 %', () => {
    const medians = summaries.map((s) => s.issues[0]!.quantiles.p50);
    const halfWidth = mean(
      summaries.map(
        (s) => (s.issues[0]!.quantileIntervals.p50[1] - s.issues[0]!.quantileIntervals.p50[0]) / 2,
      ),
    );
    expect(Math.abs(halfWidth / 1.96 / sd(medians) - 1)).toBeLessThan(0.3);
  });

  it('computes the binomial tail and the exact bootstrap interval by hand on small cases', () => {
    // P(Bin(4, 0.5) ≥ 2) = (6 + 4 + 1) / 16.
    expect(binomialUpperTail(4, 0.5, 2)).toBeCloseTo(11 / 16, 12);
    // P(Bin(10, 0.3) ≥ 10) = 0.3^10.
    expect(binomialUpperTail(10, 0.3, 10)).toBeCloseTo(0.3 ** 10, 15);
    // n = 3, median rank r = 2: P(X*(2) ≤ x(1)) = P(Bin(3, 1/3) ≥ 2) = 7/27 ≥ 0.025, so the lower end is x(1);
    // P(X*(2) ≤ x(2)) = P(Bin(3, 2/3) ≥ 2) = 20/27 < 0.975, so the upper end is x(3).
    expect(quantileBootstrapInterval([1, 2, 3], 0.5)).toEqual([1, 3]);
  });
});
