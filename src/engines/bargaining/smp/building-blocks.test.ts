/**
 * SMP building blocks against hand calculations from the formulas of docs/models/SMP.md §4, §6 and §7.2, and the worked
 * check of §6 taken from KTAB's full-logging database.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv } from '../../../formats/index.js';
import { challengerView, interpolateBargain, probEduChlg } from './challenge.js';
import { buildModel } from './input.js';
import { DEFAULT_SMP_PARAMS } from './params.js';
import { conditionalPce, markovIncentivePce, markovUniformPce } from './pce.js';
import { setupState, type SmpModel, type SmpState } from './state.js';
import { distance, utility } from './utility.js';
import { coalitions, victoryProbabilities, victoryProbability, vote } from './voting.js';

describe('utility u(d, R) = (1 − d)(1 + dR) (docs/models/SMP.md §4.2)', () => {
  it.each([
    [0.5, 0, 0.5],
    [0.5, 1, 0.75], // 1 − d²
    [0.5, -0.5, 0.375],
    [0, -1, 1],
    [1, 1, 0],
    [1.2, 0.5, -0.3], // beyond 1: (1 − d)(1 + R)
  ])('u(%f, %f) = %f', (d, r, u) => expect(utility(d, r)).toBeCloseTo(u, 12));
});

describe('salience-weighted distance (docs/models/SMP.md §4.1)', () => {
  it('weights squared differences by squared salience', () => {
    // saliences (0.3, 0.4), ideal (0, 0), point (0.3, 0.4): sqrt((0.09·0.09 + 0.16·0.16) / 0.25)
    const d = distance(
      new Float64Array([0, 0]),
      new Float64Array([0.3, 0.4]),
      new Float64Array([0.25]),
      2,
      0,
      new Float64Array([0.3, 0.4]),
      0,
    );
    expect(d).toBeCloseTo(Math.sqrt(0.1348), 12);
  });
});

describe('votes (docs/models/SMP.md §4.3) for weight 2 and a utility gap of ±0.2', () => {
  it.each([
    ['Prop', 0.4, -0.4],
    ['Binary', 2, -2],
    ['PropBin', 2 * (0.8 * 0.2 + 0.2), -2 * (0.8 * 0.2 + 0.2)],
    ['PropCbc', 2 * (0.1 + 0.5 * 0.008), -2 * (0.1 + 0.5 * 0.008)],
    ['Cubic', 0.016, -0.016],
    ['ASymProsp', (2 / 3) * 0.4, -0.4], // gains count two thirds
  ] as const)('%s', (rule, up, down) => {
    expect(vote(rule, 2, 0.7, 0.5)).toBeCloseTo(up, 12);
    expect(vote(rule, 2, 0.5, 0.7)).toBeCloseTo(down, 12);
  });
});

describe('coalitions and victory probabilities (docs/models/SMP.md §4.4–4.5)', () => {
  // voter 0 (weight 1) values options (0.2, 0.8); voter 1 (weight 2) values (0.6, 0.5).
  const c = coalitions('Prop', new Float64Array([1, 2]), new Float64Array([0.2, 0.8, 0.6, 0.5]), 2, 2);

  it('sums positive votes plus the 1e-8 floor', () => {
    expect(c[1 * 2 + 0]).toBeCloseTo(0.6 + 1e-8, 14); // option 1 over 0: voter 0 gives 0.6
    expect(c[0 * 2 + 1]).toBeCloseTo(0.2 + 1e-8, 14); // option 0 over 1: voter 1 gives 2·0.1
    expect(c[0]).toBe(1e-8);
  });

  it('Linear: 0.6 / 0.8; Square: 0.36 / 0.40; 0.5 on the diagonal; complements', () => {
    const linear = victoryProbabilities('Linear', c, 2);
    expect(linear[2]).toBeCloseTo(0.75, 7);
    expect(linear[1]).toBeCloseTo(0.25, 7);
    expect(linear[0]).toBe(0.5);
    expect(victoryProbabilities('Square', c, 2)[2]).toBeCloseTo(0.9, 7);
    expect(victoryProbability('Quartic', 2, 1)).toBeCloseTo(16 / 17, 12);
    expect(victoryProbability('Octic', 2, 1)).toBeCloseTo(256 / 257, 12);
  });

  it('Binary: a 10 % edge wins almost surely, a tie is a coin toss', () => {
    expect(victoryProbability('Binary', 1.1, 1)).toBeCloseTo(1 / (1 + 1e-6), 12);
    expect(victoryProbability('Binary', 1, 1.1)).toBeCloseTo(1e-6 / (1 + 1e-6), 12);
    expect(victoryProbability('Binary', 1, 1)).toBeCloseTo(0.5, 12); // (2.1·½ − 1)/0.1
  });
});

describe('probabilistic Condorcet election (docs/models/SMP.md §4.6)', () => {
  // Two options, P(1 > 0) = 0.75.
  const pv = new Float64Array([0.5, 0.25, 0.75, 0.5]);

  it('Conditional: p ∝ Π_b P(a > b) → (0.5·0.25, 0.75·0.5) normalised = (0.25, 0.75)', () => {
    const { p } = conditionalPce(pv, 2);
    expect([...p].map((x) => +x.toFixed(12))).toEqual([0.25, 0.75]);
  });

  it('MarkovUniform: fixed point p0 = ½(p0 + 0.25) gives (0.25, 0.75)', () => {
    const { p } = markovUniformPce(pv, 2);
    expect(p[0]).toBeCloseTo(0.25, 5);
    expect(p[1]).toBeCloseTo(0.75, 5);
  });

  it('every model gives the uniform distribution when all contests are even', () => {
    const even = new Float64Array(9).fill(0.5);
    const strength = new Float64Array(9).fill(1e-8);
    for (const { p } of [
      conditionalPce(even, 3),
      markovUniformPce(even, 3),
      markovIncentivePce(strength, even, 3),
    ]) {
      for (const x of p) expect(x).toBeCloseTo(1 / 3, 8);
    }
  });
});

describe('bargain interpolation (docs/models/SMP.md §7.2)', () => {
  // i at 0.2, j at 0.8, both salience 0.5, P(i wins) = 0.75.
  const model = {
    dims: 1,
    salience: new Float64Array([0.5, 0.5]),
    params: DEFAULT_SMP_PARAMS,
  } as unknown as SmpModel;
  const state = { pos: new Float64Array([0.2, 0.8]) } as unknown as SmpState;

  it('S2P2: w_i = 0.25·0.5625, w_j = 0.25·0.0625 → both points round to 0.26', () => {
    // b_i = (0.140626·0.2 + 0.015625·0.8) / 0.156251 = 0.259999…; b_j = 0.260004…
    const b = interpolateBargain(model, state, 0, 1, 0.75);
    expect([b.initPoint[0], b.recvPoint[0]]).toEqual([0.26, 0.26]);
  });

  it('S1P1: w_i = 0.375, w_j = 0.125 → 0.35 for both', () => {
    const b = interpolateBargain(
      { ...model, params: { ...DEFAULT_SMP_PARAMS, interVecBrgn: 'S1P1' } },
      state,
      0,
      1,
      0.75,
    );
    expect([b.initPoint[0], b.recvPoint[0]]).toEqual([0.35, 0.35]);
  });

  it('S2PMax: the likely winner stays, the loser moves almost all the way (not rounded)', () => {
    const b = interpolateBargain(
      { ...model, params: { ...DEFAULT_SMP_PARAMS, interVecBrgn: 'S2PMax' } },
      state,
      0,
      1,
      0.75,
    );
    // d_i = 0 → δ_i = 0; d_j = 0.5 → δ_j = 0.125 / (0.125 + 1e-6 + 0.125)
    expect(b.initPoint[0]).toBe(0.2);
    expect(b.recvPoint[0]).toBeCloseTo(0.8 + (0.125 / 0.250001) * (0.2 - 0.8), 12);
  });
});

describe('the worked check of docs/models/SMP.md §6 (KTAB full-logging database, dummyData_3Dim, turn 0)', () => {
  const text = readFileSync(
    new URL('../../../../fixtures/ktab/inputs/dummyData_3Dim.csv', import.meta.url),
    'utf8',
  );
  const parsed = parseKtabCsv(text);
  if (!parsed.ok) throw new Error('fixture');
  const s = parsed.scenario;
  const { model, pos0 } = buildModel(
    {
      actors: s.actors.map((a) => ({ id: a.name })),
      dimensions: s.dimensions.map((d) => ({ id: d })),
      capability: s.actors.map((a) => a.capability),
      position: s.actors.map((a) => a.position),
      salience: s.actors.map((a) => a.salience.map((x) => x / 100)),
    },
    DEFAULT_SMP_PARAMS,
  );
  const state = setupState(model, pos0, Float64Array.from(pos0));

  it('U(0,1) = 0.859311517, P_01 = 0.204846196, ΔEU = −0.030113079 for h = k = i = 0, j = 1', () => {
    expect(state.ownUtil[1]).toBeCloseTo(0.859311517, 9);
    const { prob, gain } = probEduChlg(model, state, 0, 0, 0, 1, challengerView(model, state, 0, 0));
    expect(prob).toBeCloseTo(0.204846196, 9);
    expect(gain).toBeCloseTo(-0.030113079, 9);
  });
});
