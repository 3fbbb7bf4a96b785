/**
 * What every bargaining model must satisfy, checked on random inputs (fast-check): forecasts stay on the 0–100
 * scale and inside the range of the positions, unanimity lands on the shared position, and runs are
 * deterministic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runModel, MODEL_IDS } from './models.js';
import type { BargainingInput } from './types.js';

const arbInput = fc
  .record({ n: fc.integer({ min: 3, max: 7 }), dims: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, dims }) =>
    fc.record({
      capability: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      position: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: dims, maxLength: dims }), {
        minLength: n,
        maxLength: n,
      }),
      // Saliences per actor sum to at most 1 so every model (SMP included) takes the input as it is.
      salience: fc.array(
        fc.array(fc.double({ min: 0.05, max: 1 / dims, noNaN: true }), { minLength: dims, maxLength: dims }),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map((r): BargainingInput => ({
    actors: r.capability.map((_, i) => ({ id: `a${i}` })),
    dimensions: r.position[0]!.map((_, d) => ({ id: `d${d}` })),
    ...r,
  }));

describe.each(MODEL_IDS)('%s model contract', (model) => {
  it('stays within the range of the positions on every issue', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const f = runModel(model, input);
        input.dimensions.forEach((_, d) => {
          const xs = input.position.map((row) => row[d]!);
          const v = f.outcome[d]!;
          expect(v).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
          expect(v).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        });
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('lands on the shared position when everyone agrees', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 100 }), (input, x) => {
        const same = {
          ...input,
          position: input.position.map((row) => row.map(() => x)),
          statusQuo: input.dimensions.map(() => x),
        };
        for (const v of runModel(model, same).outcome) expect(v).toBeCloseTo(x, 6);
      }),
      { numRuns: 20, seed: 12 },
    );
  });

  it('gives the same forecast twice', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        expect(runModel(model, input, { seed: 3 }).outcome).toEqual(
          runModel(model, input, { seed: 3 }).outcome,
        );
      }),
      { numRuns: 10, seed: 13 },
    );
  });
});
