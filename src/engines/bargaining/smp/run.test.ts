/**
 * runSmp behaviour beyond the KTAB reproduction: every parameter variant runs, seeded stochastic runs
 * reproduce, bad input is named, the accommodation matrix moves ideals as docs/models/SMP.md §7.6 says, the
 * compatibility flags of docs/models/SMP.md §12 switch the documented quantity, degenerate states stop cleanly.
 */
import { describe, expect, it } from 'vitest';
import type { BargainingInput } from '../types.js';
import { BargainingInputError } from '../validate.js';
import { probEduChlg, interpolateBargain, challengerView } from './challenge.js';
import { buildModel } from './input.js';
import { DEFAULT_SMP_PARAMS, SMP_KTAB_PARAMETER_VALUES, SmpParamsSchema, type SmpParams } from './params.js';
import { runSmp } from './index.js';
import { setupState } from './state.js';
import { chooseTarget, formBargains } from './turn.js';

// dummyData_3Dim's numbers (KTAB examples/smp/doc), salience on 0–1.
const INPUT: BargainingInput = {
  actors: ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => ({ id })),
  dimensions: [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }],
  capability: [102.543, 53.393, 129.643, 75.92, 63.224, 120.048, 54.178],
  position: [
    [75.79, 6.37, 70.45],
    [82.72, 73.5, 64.0],
    [82.45, 90.89, 0.07],
    [62.52, 50.82, 62.33],
    [82.34, 45.77, 73.31],
    [84.48, 33.7, 88.11],
    [70.96, 33.46, 90.36],
  ],
  salience: [
    [0.4953, 0.0591, 0.2815],
    [0.3033, 0.2122, 0.2479],
    [0.4847, 0.1355, 0.3462],
    [0.2076, 0.3924, 0.2221],
    [0.4096, 0.2543, 0.2259],
    [0.2292, 0.3935, 0.1542],
    [0.3175, 0.2793, 0.2603],
  ],
};

describe('every value of every parameter runs to a sane trajectory', () => {
  for (const [key, values] of Object.entries(SMP_KTAB_PARAMETER_VALUES)) {
    for (const value of values) {
      it(`${key} = ${value}`, () => {
        const r = runSmp(INPUT, { [key]: value } as Partial<SmpParams>, { seed: 7, maxTurns: 30 });
        expect(r.turns.length).toBeGreaterThanOrEqual(2);
        expect(r.turns.length).toBeLessThanOrEqual(31);
        for (const state of r.turns)
          for (const row of state) for (const x of row) expect(x).toBeGreaterThanOrEqual(0);
        for (const state of r.turns)
          for (const row of state) for (const x of row) expect(x).toBeLessThanOrEqual(100);
        for (const p of r.prob.flat()) expect(p).toBeGreaterThanOrEqual(0);
        for (const p of r.prob.flat()) expect(p).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.params[key as keyof SmpParams]).toBe(value);
      });
    }
  }
});

describe('stochastic transitions (docs/models/SMP.md §7.4, §10)', () => {
  const stochastic = { stateTransitions: 'Stochastic' } as const;

  it('are reproducible for a seed', () => {
    expect(runSmp(INPUT, stochastic, { seed: 42 }).turns).toEqual(
      runSmp(INPUT, stochastic, { seed: 42 }).turns,
    );
  });

  it('depend on the seed', () => {
    const paths = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(runSmp(INPUT, stochastic, { seed }).turns));
    expect(new Set(paths).size).toBeGreaterThan(1);
  });

  it('deterministic runs ignore the seed', () => {
    expect(runSmp(INPUT, {}, { seed: 1 }).turns).toEqual(runSmp(INPUT, {}, { seed: 2 }).turns);
  });
});

describe('bad input is reported by actor and field', () => {
  const problemsOf = (input: BargainingInput, params?: Partial<SmpParams>) => {
    try {
      runSmp(input, params);
    } catch (e) {
      expect(e).toBeInstanceOf(BargainingInputError);
      return (e as BargainingInputError).problems;
    }
    throw new Error('expected a BargainingInputError');
  };

  it('zero capability (fatal in KTAB at run time, docs/models/SMP.md §12.6)', () => {
    const input = { ...INPUT, capability: INPUT.capability.map((c, i) => (i === 3 ? 0 : c)) };
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({ code: 'zero_capability', path: ['actors', 'a3', 'capability'] }),
    );
  });

  it('an actor whose saliences are all zero', () => {
    const input = { ...INPUT, salience: INPUT.salience.map((s, i) => (i === 1 ? [0, 0, 0] : s)) };
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({ code: 'zero_salience', path: ['actors', 'a1', 'salience'] }),
    );
  });

  it('fewer than three actors', () => {
    const input = {
      ...INPUT,
      actors: INPUT.actors.slice(0, 2),
      capability: [1, 1],
      position: INPUT.position.slice(0, 2),
      salience: INPUT.salience.slice(0, 2),
    };
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ code: 'too_few_actors' }));
  });

  it('NaN and off-scale positions', () => {
    const position = INPUT.position.map((p, i) => (i === 0 ? [NaN, 5, 5] : i === 1 ? [101, 5, 5] : p));
    const codes = problemsOf({ ...INPUT, position }).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['not_finite', 'off_scale']));
  });

  it('an accommodation row summing above 1', () => {
    const a = INPUT.actors.map((_, i) =>
      INPUT.actors.map((__, j) => (i === j ? 1 : i === 0 && j === 1 ? 0.2 : 0)),
    );
    expect(problemsOf(INPUT, { accommodation: a })).toContainEqual(
      expect.objectContaining({ code: 'off_scale', path: ['accommodation', 'a0'] }),
    );
  });

  it('unknown parameter values are reported under smp.<key>', () => {
    expect(SmpParamsSchema.safeParse({ votingRule: 'Proportional' }).success).toBe(false);
    const bad = { votingRule: 'Proportional' } as unknown as Partial<SmpParams>;
    expect(problemsOf(INPUT, bad)).toContainEqual(expect.objectContaining({ path: ['smp', 'votingRule'] }));
  });
});

describe('salience totals', () => {
  it('a total of exactly 100 split as 73.68 + 17.61 + 8.71 runs (KTAB aborts on the round-off, §12.11)', () => {
    const salience = INPUT.salience.map((s, i) => (i === 0 ? [0.7368, 0.1761, 0.0871] : s));
    const r = runSmp({ ...INPUT, salience });
    expect(r.warnings.filter((w) => w.includes('scaled'))).toEqual([]);
  });

  it('totals above 1 (independent 0–100 saliences in a Redline case) are scaled to 1 with a warning', () => {
    const salience = INPUT.salience.map((s, i) => (i === 0 ? [0.9, 0.9, 0.2] : s));
    const scaled = INPUT.salience.map((s, i) => (i === 0 ? [0.45, 0.45, 0.1] : s));
    const r = runSmp({ ...INPUT, salience });
    expect(r.warnings.some((w) => w.startsWith('a0: saliences sum to 200.00'))).toBe(true);
    expect(r.turns).toEqual(runSmp({ ...INPUT, salience: scaled }).turns);
  });
});

describe('ideal accommodation (docs/models/SMP.md §7.6)', () => {
  const identity = INPUT.actors.map((_, i) => INPUT.actors.map((__, j) => (i === j ? 1 : 0)));

  it('the identity matrix is the default', () => {
    expect(runSmp(INPUT, { accommodation: identity }).turns).toEqual(runSmp(INPUT).turns);
  });

  it('entries by actor id give the same run as the matrix', () => {
    const matrix = identity.map((row, i) =>
      row.map((x, j) => (i === 1 ? (j === 1 ? 0.7 : j === 0 ? 0.2 : 0) : x)),
    );
    const pairs = [
      { actor: 'a1', toward: 'a1', weight: 0.7 },
      { actor: 'a1', toward: 'a0', weight: 0.2 },
      { actor: 'nobody', toward: 'a0', weight: 0.2 },
    ];
    const byId = runSmp(INPUT, { accommodation: pairs }, { maxTurns: 4 });
    expect(byId.turns).toEqual(runSmp(INPUT, { accommodation: matrix }, { maxTurns: 4 }).turns);
    expect(byId.warnings).toContain('accommodation: no actor "nobody" in this forecast; entry ignored');
  });

  it('q′ = Σ_j A_ij θ′_j + (1 − Σ_j A_ij) q: an actor with A_ii = 0.5 keeps half its old ideal', () => {
    const a = identity.map((row, i) => row.map((x) => (i === 0 ? x * 0.5 : x)));
    const r = runSmp(INPUT, { accommodation: a }, { maxTurns: 3 });
    const moved = r.turns.findIndex((s, t) => t > 0 && s[0]!.some((x, k) => x !== r.turns[t - 1]![0]![k]));
    expect(moved).toBeGreaterThan(0);
    r.ideals[moved]![0]!.forEach((q, k) => {
      expect(q).toBeCloseTo(0.5 * r.turns[moved]![0]![k]! + 0.5 * r.ideals[moved - 1]![0]![k]!, 8);
    });
    // Others follow their positions exactly.
    expect(r.ideals[moved]![1]).toEqual(r.turns[moved]![1]);
  });
});

describe('compatibility flags for KTAB defects (docs/models/SMP.md §12)', () => {
  const setup = (params: Partial<SmpParams>) => {
    const full = SmpParamsSchema.parse(params);
    const { model, pos0 } = buildModel(INPUT, full);
    return { model, state: setupState(model, pos0, Float64Array.from(pos0)) };
  };
  const firstChallenge = (params: Partial<SmpParams>) => {
    const { model, state } = setup(params);
    for (let i = 0; i < model.n; i++) {
      const choice = chooseTarget(model, state, i);
      if (choice) return { model, state, i, ...choice };
    }
    throw new Error('no challenge');
  };

  it.each([
    ['probability', 'prob'],
    ['ktabUtilityGain', 'gain'],
  ] as const)(
    'InitRcvrInterp with receiverBargainWeight=%s interpolates with j’s estimate’s %s',
    (flag, field) => {
      const { model, state, i, target, prob } = firstChallenge({
        bargnModel: 'InitRcvrInterp',
        receiverBargainWeight: flag,
      });
      const bargains = formBargains(model, state, i, target, prob);
      expect(bargains).toHaveLength(2);
      const estimate = probEduChlg(
        model,
        state,
        target,
        i,
        i,
        target,
        challengerView(model, state, target, i),
      );
      const expected = interpolateBargain(model, state, i, target, estimate[field]);
      expect(bargains[1]!.initPoint).toEqual(expected.initPoint);
      expect(bargains[1]!.recvPoint).toEqual(expected.recvPoint);
      expect(bargains[0]).toEqual(interpolateBargain(model, state, i, target, prob));
    },
  );

  it.each([
    ['receiver', (c: number[], i: number, j: number) => c[j]!],
    ['ktabInitiator', (c: number[], i: number) => c[i]!],
  ] as const)(
    'PWCompInterp with pwCompReceiverCapability=%s weighs the receiver view by that capability',
    (flag, capOf) => {
      const {
        model,
        state,
        i,
        target: j,
        prob,
      } = firstChallenge({ bargnModel: 'PWCompInterp', pwCompReceiverCapability: flag });
      const [mixed] = formBargains(model, state, i, j, prob);
      const [initView, rcvrView] = formBargains(
        { ...model, params: { ...model.params, bargnModel: 'InitRcvrInterp' } },
        state,
        i,
        j,
        prob,
      );
      const sal = (x: number) => INPUT.salience[x]!.reduce((a, b) => a + b, 0);
      const wi = INPUT.capability[i]! * sal(i);
      const wj = capOf([...INPUT.capability], i, j) * sal(j);
      mixed!.initPoint.forEach((x, k) => {
        expect(x).toBeCloseTo((wi * initView!.initPoint[k]! + wj * rcvrView!.initPoint[k]!) / (wi + wj), 12);
      });
    },
  );

  it('defaults: corrected where docs/models/SMP.md calls KTAB’s choice a defect (§12.1), KTAB’s choice otherwise (§12.2)', () => {
    expect(DEFAULT_SMP_PARAMS.receiverBargainWeight).toBe('probability');
    expect(DEFAULT_SMP_PARAMS.pwCompReceiverCapability).toBe('ktabInitiator');
  });
});

describe('degenerate states (docs/models/SMP.md §5 step 8, §12.7)', () => {
  it('all actors at one point: stops at the input state with a warning instead of dividing by zero', () => {
    const same = { ...INPUT, position: INPUT.position.map(() => [40, 40, 40]) };
    const r = runSmp(same);
    expect(r.stopReason).toBe('degenerate');
    expect(r.turns).toHaveLength(1);
    expect(r.warnings.join(' ')).toMatch(/equally likely/);
    expect(r.outcome.map((x) => +x.toFixed(9))).toEqual([40, 40, 40]);
  });
});

describe('outcome', () => {
  it('is the capability × salience weighted mean of the final positions', () => {
    const r = runSmp(INPUT);
    const final = r.turns.at(-1)!;
    INPUT.dimensions.forEach((_, k) => {
      let num = 0;
      let den = 0;
      INPUT.actors.forEach((__, i) => {
        const w = INPUT.capability[i]! * INPUT.salience[i]![k]!;
        num += w * final[i]![k]!;
        den += w;
      });
      expect(r.outcome[k]).toBeCloseTo(num / den, 9);
    });
  });

  it('stops at maxTurns when asked to', () => {
    const r = runSmp(INPUT, {}, { maxTurns: 3 });
    expect(r.turns).toHaveLength(4);
    expect(r.stopReason).toBe('maxTurns');
  });
});

describe('run-time bounds', () => {
  it('maxTurns beyond 1000 is refused instead of running for hours', () => {
    expect(() => runSmp(INPUT, {}, { maxTurns: 1e9 })).toThrow(BargainingInputError);
  });

  it('more than 250 actors (KTAB’s limit) is refused', () => {
    const n = 251;
    const big: BargainingInput = {
      actors: Array.from({ length: n }, (_, i) => ({ id: `a${i}` })),
      dimensions: [{ id: 'd' }],
      capability: Array.from({ length: n }, () => 1),
      position: Array.from({ length: n }, (_, i) => [(i * 37) % 101]),
      salience: Array.from({ length: n }, () => [0.5]),
    };
    expect(() => runSmp(big)).toThrow(/at most 250 actors/);
  });
});
