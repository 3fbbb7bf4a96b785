import { describe, expect, it } from 'vitest';
import { bdm, bdmRound, DEFAULT_BDM_OPTIONS } from './bdm/index.js';
import { detectConvergence } from './convergence.js';
import type { BargainingInput } from './types.js';

/**
 * Three actors on one issue, R = 100: A at 0 and B at 100 with c = 1, s = 0.8; C at 0 with c = 2, s = 0.2
 * (weights w = c·s = 0.8, 0.8, 0.4). Worked by hand with the reproduction variant (q = 1, 'scholz-code'):
 *
 * P (r = 1 and with the risk exponents alike, since every distance is 0 or 1): the normaliser sums w_k·|g_k(a) −
 * g_k(b)| over voters and the 4 ordered pairs of actors at different positions: 4·(0.8 + 0.8 + 0.4) = 8.
 * P(0 beats 100) = (0.8 + 0.4)/8 = 0.15, P(100 beats 0) = 0.8/8 = 0.1.
 * With d = 1: u_s = 2, u_f = −2, u_sq = 2 − 4·0.5^r; with d = 0 every term is 0.
 * Danger (r = 1, u_sq = 0): A: 0.8(0.1·2 − 0.9·2) + 0.2·2 = −0.88; B: 2·[0.8(0.15·2 − 0.85·2) + 0.2·2] = −1.44;
 * C: 0.2(0.1·2 − 0.9·2) + 0.8·2 = 1.28. Scaled to [−1, 1]: R_A = −10/17, R_B = −1, R_C = 1, so
 * r = (1 − R/3)/(1 + R/3): r_A = 61/41, r_B = 2, r_C = 1/2.
 * C (receiver) facing B, with r_C = 1/2 (u_sq = 2 − 2√2):
 *   EU_C(C→B) = 0.8(0.15·2 − 0.85·2) + 0.2·2 − u_sq = 2√2 − 2.72 ≈ 0.108 > 0,
 *   EU_C(B→C) = 0.2(0.1·2 − 0.9·2) + 0.8·2 − u_sq = 2√2 − 0.72 ≈ 2.108 > EU_C(C→B): a confrontation, C moves to 100.
 * A facing B (r_A = 61/41, u_sq ≈ 0.5735): EU_A(B→A) = −1.28 + 0.4 − u_sq < 0, no offer.
 * B facing A or C (r_B = 2, u_sq = 1): EU_B(A→B) = EU_B(C→B) = −1.12 + 0.4 − 1 = −1.72 < 0, no offer.
 * So round 1 maps (0, 100, 0) to (0, 100, 100). That state is the first one mirrored (x → 100 − x) with A and B
 * relabelled; the model depends only on distances and on c and s (no tie is broken here), and A and B have the
 * same c and s, so round 2 maps it back to (0, 100, 0): period 2. The median voter (weights at 0: 1.2 vs 0.8)
 * is 0 in the first state and 100 in the second: the cycle visits 0 and 100, mean 50, range 0–100.
 */
const input: BargainingInput = {
  actors: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
  dimensions: [{ id: 'issue' }],
  capability: [1, 1, 2],
  position: [[0], [100], [0]],
  salience: [[0.8], [0.8], [0.2]],
};

describe('convergence of the iterative models', () => {
  it('round 1 of the hand-built case matches the arithmetic: exponents 61/41, 2, 1/2 and C confronted to 100', () => {
    const { round, dyads } = bdmRound(
      { x: [0, 100, 0], c: [1, 1, 2], s: [0.8, 0.8, 0.2] },
      100,
      DEFAULT_BDM_OPTIONS,
    );
    expect(round.r[0]).toBeCloseTo(61 / 41, 12);
    expect(round.r[1]).toBeCloseTo(2, 12);
    expect(round.r[2]).toBeCloseTo(0.5, 12);
    const cFromB = dyads.find((d) => d.receiver === 2 && d.proposer === 1)!;
    expect(cFromB.euIJ).toBeCloseTo(2 * Math.SQRT2 - 2.72, 12);
    expect(cFromB.euJI).toBeCloseTo(2 * Math.SQRT2 - 0.72, 12);
    expect(round.x).toEqual([0, 100, 100]);
  });

  it('reports the 3-actor BDM case as cycling with period 2 over 0 and 100, and forecasts the mean 50', () => {
    const f = bdm(input);
    const c = f.convergence!.issues[0]!;
    expect(f.convergence!.status).toBe('cycling');
    expect(c.status).toBe('cycling');
    expect(c.cycle!.period).toBe(2);
    expect(c.cycle!.start).toBe(0);
    expect(c.cycle!.values).toEqual([0, 100]);
    expect(c.cycle!.mean).toBe(50);
    expect([c.cycle!.min, c.cycle!.max]).toEqual([0, 100]);
    // 8 rounds: an even round, so the naive last value is the first state's median, 0.
    expect(c.cycle!.last).toBe(0);
    expect(f.outcome).toEqual([50]);
    expect(f.warnings.some((w) => /cycles with period 2/.test(w))).toBe(true);
  });

  it('detects a fixed point, its first round, and an unfinished run', () => {
    expect(detectConvergence([[0], [5], [7], [7], [7]])).toEqual({ status: 'converged', round: 2 });
    expect(detectConvergence([[0], [1], [2], [3]])).toEqual({ status: 'not-converged', round: null });
    expect(detectConvergence([[9], [0], [1], [2], [0], [1], [2]])).toEqual({
      status: 'cycling',
      round: 1,
      period: 3,
    });
  });
});
