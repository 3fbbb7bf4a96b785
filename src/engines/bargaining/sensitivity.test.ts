import { describe, expect, it } from 'vitest';
import { buildCase } from '../../case/testing.js';
import {
  oneAtATime,
  sensitivitySpecFor,
  sobolByIssue,
  sobolSpec,
  whoMustMove,
  type OatRow,
} from './sensitivity.js';
import { sobolEvaluations, sobolIndices, sobolPoint, type SobolDesign } from './sobol.js';
import { runMonteCarloRange } from './monte-carlo.js';

// Compromise model, one issue: c = (1, 1, 2), s = 0.5 each, x = (20, 50, 80). With w = c·s = (0.5, 0.5, 1) and
// W = 2, F = (10 + 25 + 80) / 2 = 57.5. Derivatives of F = Σ c_k s_k x_k / Σ c_k s_k:
//   ∂F/∂x_i = c_i s_i / W                      → a 0.25, b 0.25, c 0.5
//   ∂F/∂s_i = c_i (x_i − F) / W, per point /100 → a −0.1875, b −0.0375, c 0.225
//   ∂F/∂c_i = s_i (x_i − F) / W                → a −9.375, b −1.875, c 5.625
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
  forecast: { uncertainty: { capability: 0.0001, salience: 0.01, position: 5 } },
});

const row = (rows: OatRow[], label: string) => rows.find((r) => r.label === label)!;

describe('one-at-a-time sensitivity', () => {
  const { spec, targets } = sensitivitySpecFor(c, { model: 'compromise' });
  const [x] = oneAtATime(spec, targets);

  it('has the compromise forecast 57.5 as its base', () => {
    expect(x!.base).toBeCloseTo(57.5, 12);
  });

  it('gives position slopes equal to c·s / W exactly (the model is linear in positions)', () => {
    expect(row(x!.rows, 'a position on x').slope).toBeCloseTo(0.25, 12);
    expect(row(x!.rows, 'b position on x').slope).toBeCloseTo(0.25, 12);
    expect(row(x!.rows, 'c position on x').slope).toBeCloseTo(0.5, 12);
    expect(row(x!.rows, 'c position on x').effect).toBeCloseTo(2.5, 12);
  });

  it('gives salience and capability slopes equal to the analytic derivatives', () => {
    expect(row(x!.rows, 'a salience on x').slope).toBeCloseTo(-0.1875, 6);
    expect(row(x!.rows, 'b salience on x').slope).toBeCloseTo(-0.0375, 6);
    expect(row(x!.rows, 'c salience on x').slope).toBeCloseTo(0.225, 6);
    expect(row(x!.rows, 'a capability').slope).toBeCloseTo(-9.375, 4);
    expect(row(x!.rows, 'b capability').slope).toBeCloseTo(-1.875, 4);
    expect(row(x!.rows, 'c capability').slope).toBeCloseTo(5.625, 4);
  });

  it('ranks by effect and includes the model parameters (equal weighting: (20 + 50 + 80) / 3 = 50)', () => {
    // Effects are |slope| × half-range: c's position 0.5 · 5 = 2.5 is the largest numeric one.
    const numeric = x!.rows.filter((r) => r.input.kind !== 'parameter');
    expect(numeric[0]!.label).toBe('c position on x');
    for (let k = 1; k < x!.rows.length; k++)
      expect(x!.rows[k]!.effect).toBeLessThanOrEqual(x!.rows[k - 1]!.effect);
    expect(row(x!.rows, 'compromise.weighting = equal').outcomeHigh).toBeCloseTo(50, 12);
  });
});

describe('Sobol indices (Saltelli sampling)', () => {
  it('match the analytic values of an additive function within sampling error', () => {
    // f(u) = u1 + 2 u2 + 3 u3 with u_i uniform: V_i = a_i² / 12, so S_i = ST_i = a_i² / Σ a² = 1/14, 4/14, 9/14.
    const design: SobolDesign = { inputs: 3, samples: 8192, seed: 7 };
    const out = new Float64Array(sobolEvaluations(design));
    for (let e = 0; e < out.length; e++) {
      const u = sobolPoint(design, e);
      out[e] = u[0]! + 2 * u[1]! + 3 * u[2]!;
    }
    const s = sobolIndices(design, out);
    [1 / 14, 4 / 14, 9 / 14].forEach((v, i) => {
      expect(Math.abs(s.first[i]! - v)).toBeLessThan(0.03);
      expect(Math.abs(s.total[i]! - v)).toBeLessThan(0.03);
    });
    expect(s.variance).toBeCloseTo(14 / 12, 1);
  });

  it('on the compromise model over positions alone give S_i ∝ (c_i s_i / W)² · range²: 1/6, 1/6, 2/3', () => {
    const { spec } = sensitivitySpecFor(c, { model: 'compromise' });
    const inputs = (['a', 'b', 'c'] as const).map((actor) => ({
      kind: 'position' as const,
      actor,
      issue: 'x',
    }));
    const mc = sobolSpec(spec, inputs, 4096);
    const [s] = sobolByIssue(mc, runMonteCarloRange(mc, 0, mc.runs), [0]);
    [1 / 6, 1 / 6, 2 / 3].forEach((v, i) => {
      expect(Math.abs(s!.first[i]! - v)).toBeLessThan(0.04);
      expect(Math.abs(s!.total[i]! - v)).toBeLessThan(0.04);
    });
  });
});

describe('who must move for the forecast to cross a red line', () => {
  it('finds C moving its position 5 points (80 → 85) as the smallest move past B’s red line (≤ 60)', () => {
    const { spec } = sensitivitySpecFor(c, { model: 'compromise' });
    const [crossing] = whoMustMove(spec, { owner: 'b' });
    expect(crossing!.insideNow).toBe(true);
    // 57.5 + 0.5·Δ > 60 ⇔ Δ > 5; A or B would need 10 points (slope 0.25).
    expect(crossing!.smallest!.actor).toBe('c');
    expect(crossing!.smallest!.field).toBe('position');
    expect(crossing!.smallest!.to).toBeCloseTo(85, 1);
    const a = crossing!.moves.find((m) => m.actor === 'a' && m.field === 'position')!;
    expect(a.to).toBeCloseTo(30, 1);
  });
});
