/**
 * Property-based tests: any valid generated case runs through every red-line analysis, and the analyses
 * keep their invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CaseSchema,
  distanceToAcceptable,
  stancesAsOf,
  toAcceptable,
  type Case,
  type CaseInput,
} from '../../case/index.js';
import { validateCase } from '../../case/validate.js';
import { checkProposal } from './check.js';
import { diffProposals } from './diff.js';
import { zoneOfAgreement } from './zone.js';

const OPTION_VALUES = [0, 25, 50, 75, 100];

/** Random cases in which, per issue, every red line contains a common point `centre[k]`. */
const arbCase = fc
  .record({
    nActors: fc.integer({ min: 1, max: 6 }),
    issues: fc.array(
      fc.record({
        options: fc.boolean(),
        centreIdx: fc.integer({ min: 0, max: 4 }),
        centre: fc.integer({ min: 0, max: 100 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    seed: fc.array(
      fc.record({
        pos: fc.integer({ min: 0, max: 100 }),
        sal: fc.integer({ min: 0, max: 100 }),
        lo: fc.integer({ min: 0, max: 60 }),
        hi: fc.integer({ min: 0, max: 60 }),
        has: fc.boolean(),
        red: fc.boolean(),
        veto: fc.boolean(),
        cap: fc.integer({ min: 0, max: 10 }),
      }),
      { minLength: 30, maxLength: 30 },
    ),
    plans: fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), {
        minLength: 5,
        maxLength: 5,
      }),
      { minLength: 2, maxLength: 2 },
    ),
  })
  .map(({ nActors, issues, seed, plans }) => {
    const actors = Array.from({ length: nActors }, (_, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      kind: 'state' as const,
      veto: seed[i]!.veto,
      capability: seed[i]!.cap,
    }));
    const centres = issues.map((x) => (x.options ? OPTION_VALUES[x.centreIdx]! : x.centre));
    const issueList = issues.map((x, k) => ({
      id: `i${k}`,
      name: `I${k}`,
      scale: x.options
        ? {
            kind: 'options' as const,
            options: OPTION_VALUES.map((v) => ({ id: `o${v}`, label: `O${v}`, value: v })),
          }
        : { kind: 'continuous' as const },
      statusQuo: { position: x.options ? 50 : seed[k]!.pos, date: '2025-01-01' },
    }));
    const snap = (k: number, v: number) =>
      issues[k]!.options ? OPTION_VALUES.reduce((b, o) => (Math.abs(o - v) < Math.abs(b - v) ? o : b)) : v;
    const stances = actors.flatMap((a, i) =>
      issueList.flatMap((issue, k) => {
        const s = seed[(i * 5 + k) % 30]!;
        if (!s.has) return [];
        const c = centres[k]!;
        return [
          {
            actor: a.id,
            issue: issue.id,
            date: '2025-01-01',
            position: snap(k, s.pos),
            salience: s.sal,
            ...(s.red ? { redLine: { min: Math.max(0, c - s.lo), max: Math.min(100, c + s.hi) } } : {}),
          },
        ];
      }),
    );
    const proposals = [
      ...plans.map((p, j) => ({
        id: `p${j}`,
        title: `P${j}`,
        kind: 'plan' as const,
        date: '2025-02-01',
        points: issueList.flatMap((issue, k) =>
          p[k] === undefined
            ? []
            : [
                {
                  number: k + 1,
                  summary: `point ${k}`,
                  settles: [{ issue: issue.id, position: snap(k, p[k]!) }],
                },
              ],
        ),
      })),
      {
        id: 'centre',
        title: 'Centre',
        kind: 'plan' as const,
        date: '2025-02-01',
        points: issueList.map((issue, k) => ({
          number: k + 1,
          summary: 'c',
          settles: [{ issue: issue.id, position: centres[k]! }],
        })),
      },
    ];
    const input: CaseInput = {
      format: 1,
      id: 'gen',
      title: 'Generated',
      actors,
      issues: issueList,
      stances,
      proposals,
    };
    return CaseSchema.parse(input);
  });

const inRange = (x: number | null) => x === null || (x >= -1 - 1e-9 && x <= 1 + 1e-9);

describe('red-line analyses on generated cases', () => {
  it('generated cases are valid, and every analysis runs without throwing', () => {
    fc.assert(
      fc.property(arbCase, (c: Case) => {
        expect(validateCase(c).filter((i) => i.severity === 'error')).toEqual([]);
        for (const p of c.proposals) {
          const r = checkProposal(c, p.id);
          expect(r.cells).toHaveLength(p.points.length * r.actors.length);
          expect(r.verdicts.every((v) => inRange(v.utility))).toBe(true);
        }
        diffProposals(c, 'p0', 'p1');
        zoneOfAgreement(c);
      }),
      { numRuns: 150 },
    );
  });

  it('a proposal that sets every issue inside every red line is accepted by every bound actor', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = checkProposal(c, 'centre');
        expect(r.passes).toBe(true);
        expect(r.verdicts.every((v) => v.verdict === 'accepts' || v.verdict === 'not-bound')).toBe(true);
        expect(r.cells.some((x) => x.status === 'crosses')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('when all red lines share a point the zone is non-empty and its package is inside every veto red line', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const z = zoneOfAgreement(c);
        expect(z.feasible).toBe(true);
        expect(z.verdicts.every((v) => v.insideRedLines)).toBe(true);
        expect(z.relaxation.totalCost).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('diff is antisymmetric: each actor’s gain from p0 → p1 is minus its gain from p1 → p0', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const ab = diffProposals(c, 'p0', 'p1');
        const ba = diffProposals(c, 'p1', 'p0');
        for (const a of ab.actors)
          expect(a.gain + ba.actors.find((x) => x.actor === a.actor)!.gain).toBeCloseTo(0, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('the relaxation point is optimal: no integer point on a continuous scale costs less', () => {
    const arbIntervals = fc.array(
      fc.record({
        lo: fc.integer({ min: 0, max: 100 }),
        len: fc.integer({ min: 0, max: 40 }),
        sal: fc.integer({ min: 1, max: 100 }),
      }),
      { minLength: 2, maxLength: 6 },
    );
    fc.assert(
      fc.property(arbIntervals, (ivs) => {
        const actors = ivs.map((_, i) => ({
          id: `v${i}`,
          name: `V${i}`,
          kind: 'state' as const,
          veto: true,
        }));
        const c = CaseSchema.parse({
          format: 1,
          id: 'r',
          title: 'R',
          actors,
          issues: [{ id: 'x', name: 'X', scale: { kind: 'continuous' } }],
          stances: ivs.map((iv, i) => ({
            actor: `v${i}`,
            issue: 'x',
            date: '2025-01-01',
            position: iv.lo,
            salience: iv.sal,
            redLine: { min: iv.lo, max: Math.min(100, iv.lo + iv.len) },
          })),
        });
        const z = zoneOfAgreement(c).issues[0]!;
        const stances = stancesAsOf(c).forIssue('x');
        const cost = (x: number) =>
          stances.reduce(
            (t, s) =>
              t + (s.salience / 100) * distanceToAcceptable(toAcceptable(c.issues[0]!, s.stance.redLine!), x),
            0,
          );
        const found = z.relaxation ? z.relaxation.cost : 0;
        for (let x = 0; x <= 100; x++) expect(found).toBeLessThanOrEqual(cost(x) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
