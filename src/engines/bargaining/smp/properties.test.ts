/** Properties of runSmp on random inputs and parameters: it never throws on valid input and stays in range. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BargainingInput } from '../types.js';
import { SMP_KTAB_PARAMETER_VALUES, type SmpParams } from './params.js';
import { runSmp } from './index.js';

const paramsArb = fc.record(
  Object.fromEntries(
    Object.entries(SMP_KTAB_PARAMETER_VALUES).map(([key, values]) => [key, fc.constantFrom(...values)]),
  ),
) as unknown as fc.Arbitrary<Partial<SmpParams>>;

const inputArb = fc
  .record({ n: fc.integer({ min: 3, max: 7 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, k }) =>
    fc.record({
      capability: fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
      position: fc.array(
        fc.array(fc.constantFrom(0, 100, 50, 12.34, 99.99, 0.01), { minLength: k, maxLength: k }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      salience: fc.array(
        fc.array(fc.double({ min: 1e-6, max: 1 / k, noNaN: true }), { minLength: k, maxLength: k }),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map((x): BargainingInput => ({
    actors: x.capability.map((_, i) => ({ id: `a${i}` })),
    dimensions: x.position[0]!.map((_, d) => ({ id: `d${d}` })),
    ...x,
  }));

describe('runSmp on random input', () => {
  it('finishes within maxTurns with positions on 0–100 and probabilities in [0, 1]', () => {
    fc.assert(
      fc.property(inputArb, paramsArb, fc.integer(), (input, params, seed) => {
        const r = runSmp(input, params, { seed, maxTurns: 15 });
        expect(r.turns.length).toBeLessThanOrEqual(16);
        for (const x of r.turns.flat(2)) expect(x >= 0 && x <= 100).toBe(true);
        for (const p of r.prob.flat()) expect(p >= 0 && p <= 1 + 1e-12).toBe(true);
        for (const x of r.outcome) expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
