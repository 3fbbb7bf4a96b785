// Property tests on random conflicts: the all-states engine agrees with a direct search of the definitions
// (docs/models/GMCR.md §2), and the known relations between the concepts hold (Fang, Hipel & Kilgour, EJOR 41, 1989).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../kit/random.js';
import { analyzeStability } from './analyze.js';
import { isStableDirect, type SanctionSearch } from './direct.js';
import { buildModel, type GmcrModel } from './model.js';
import { buildPlayers } from './moves.js';
import type { GmcrCondition, GmcrConflictSpec, GmcrDirection } from './types.js';
import { STABILITY_CONCEPTS } from './types.js';

interface Shape {
  dmOptions: number[];
  seed: number;
  irreversible: boolean;
  misperceive: boolean;
  infeasible: number;
  strict: boolean;
}

/** A random conflict: random owners' options, directions, infeasible terms, misperceptions and payoffs. */
function randomModel(shape: Shape): GmcrModel | undefined {
  const rnd = createRandom(shape.seed);
  const m = shape.dmOptions.reduce((a, b) => a + b, 0);
  const dirs: GmcrDirection[] = ['both', 'fwd', 'back'];
  const options = Array.from({ length: m }, (_, k) => ({
    id: `o${k}`,
    name: `o${k}`,
    direction: shape.irreversible ? dirs[rnd.int(3)]! : ('both' as const),
  }));
  const term = () => {
    const a = rnd.int(m);
    const b = rnd.int(m);
    return a === b
      ? [{ option: a, taken: rnd.next() < 0.5 }]
      : [
          { option: a, taken: rnd.next() < 0.5 },
          { option: b, taken: rnd.next() < 0.5 },
        ];
  };
  let next = 0;
  const decisionMakers = shape.dmOptions.map((k, i) => ({
    id: `d${i}`,
    name: `d${i}`,
    options: Array.from({ length: k }, () => next++),
    preferences: { kind: 'statements' as const, statements: [] as GmcrCondition[] },
    misperceptions: shape.misperceive && rnd.next() < 0.5 ? [[term()]] : [],
  }));
  const spec: GmcrConflictSpec = {
    options,
    decisionMakers,
    infeasible: Array.from({ length: shape.infeasible }, () => [term()]),
  };
  const built = buildModel(spec);
  if (!built.ok) return undefined; // e.g. every state ruled out
  const model = built.model;
  // Random payoffs: ties allowed, or a random strict order.
  model.payoffs = model.dms.map(() => {
    const p = new Int32Array(model.n);
    if (shape.strict) {
      const perm = Array.from({ length: model.n }, (_, s) => s);
      for (let s = perm.length - 1; s > 0; s--) {
        const j = rnd.int(s + 1);
        [perm[s], perm[j]] = [perm[j]!, perm[s]!];
      }
      perm.forEach((s, r) => (p[s] = r + 1));
    } else for (let s = 0; s < model.n; s++) p[s] = 1 + rnd.int(Math.max(2, model.n >> 1));
    return p;
  });
  return model;
}

const shapeArb = (maxDms: number, maxOpts: number) =>
  fc.record({
    dmOptions: fc.array(fc.integer({ min: 1, max: maxOpts }), { minLength: 2, maxLength: maxDms }),
    seed: fc.integer(),
    irreversible: fc.boolean(),
    misperceive: fc.boolean(),
    infeasible: fc.integer({ min: 0, max: 3 }),
    strict: fc.boolean(),
  });

const subset = (a: Uint8Array, b: Uint8Array) => a.every((x, s) => x <= b[s]!);

describe('all-states engine = direct search of the definitions', () => {
  for (const sanctions of ['standard', 'each-opponent-once'] as SanctionSearch[])
    it(`per state, player and concept (${sanctions} sanctions, coalitions included)`, () => {
      fc.assert(
        fc.property(shapeArb(4, 2), fc.boolean(), (shape, coalition) => {
          const model = randomModel(shape);
          if (!model) return;
          // Optionally merge the first two decision makers into a coalition.
          const partition = coalition ? [[0, 1], ...model.dms.slice(2).map((_, k) => [k + 2])] : undefined;
          if (partition && partition.length < 2) return;
          const res = analyzeStability(model, { sanctions, coalitions: partition });
          const players = buildPlayers(model, partition);
          for (const c of STABILITY_CONCEPTS)
            players.forEach((_, pi) => {
              for (let s = 0; s < model.n; s++)
                expect(res.stable[c]![pi]![s], `${c} player ${pi} state ${s + 1}`).toBe(
                  isStableDirect(model, players, pi, s, c, { sanctions }) ? 1 : 0,
                );
            });
        }),
        { numRuns: 120 },
      );
    });
});

describe('relations between the concepts', () => {
  it('Nash ⊆ SMR ⊆ GMR, Nash ⊆ SEQ ⊆ GMR, Nash ⊆ SIM, for every decision maker (n ≥ 2)', () => {
    fc.assert(
      fc.property(shapeArb(4, 3), (shape) => {
        const model = randomModel(shape);
        if (!model) return;
        const r = analyzeStability(model).stable;
        model.dms.forEach((_, i) => {
          expect(subset(r.Nash![i]!, r.SMR![i]!)).toBe(true);
          expect(subset(r.SMR![i]!, r.GMR![i]!)).toBe(true);
          expect(subset(r.Nash![i]!, r.SEQ![i]!)).toBe(true);
          expect(subset(r.SEQ![i]!, r.GMR![i]!)).toBe(true);
          expect(subset(r.Nash![i]!, r.SIM![i]!)).toBe(true);
          expect(subset(r['SEQ+SIM']![i]!, r.SEQ![i]!)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("gmcr-py's each-opponent-once search finds no more stable states, and the same with two decision makers", () => {
    fc.assert(
      fc.property(shapeArb(4, 2), (shape) => {
        const model = randomModel(shape);
        if (!model) return;
        const std = analyzeStability(model).stable;
        const once = analyzeStability(model, { sanctions: 'each-opponent-once' }).stable;
        for (const c of ['GMR', 'SMR', 'SEQ'] as const)
          model.dms.forEach((_, i) => {
            if (model.dms.length === 2) expect(once[c]![i]).toEqual(std[c]![i]);
            else expect(subset(once[c]![i]!, std[c]![i]!)).toBe(true);
          });
      }),
      { numRuns: 100 },
    );
  });

  it('two decision makers, strict preferences, full perception: Nash ⊆ SMR ⊆ GMR, Nash ⊆ SEQ ⊆ GMR, Nash ⊆ SIM ⊆ GMR', () => {
    fc.assert(
      fc.property(shapeArb(2, 3), (shape) => {
        const model = randomModel({ ...shape, strict: true, misperceive: false });
        if (!model) return;
        const r = analyzeStability(model).stable;
        for (const i of [0, 1]) {
          expect(subset(r.Nash![i]!, r.SMR![i]!)).toBe(true);
          expect(subset(r.SMR![i]!, r.GMR![i]!)).toBe(true);
          expect(subset(r.SEQ![i]!, r.GMR![i]!)).toBe(true);
          expect(subset(r.Nash![i]!, r.SIM![i]!)).toBe(true);
          // A simultaneous sanction s1 ⊕ s2 is also a move of the opponent from s1.
          expect(subset(r.SIM![i]!, r.GMR![i]!)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
