// Building models: feasibility, payoffs, misperceptions, the size refusal, and bad input as located issues.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGmcrFile } from '../../formats/gmcr-file.js';
import { analyzeStability } from './analyze.js';
import { buildModel, estimateMemory, type GmcrModel } from './model.js';
import type { GmcrConflictSpec } from './types.js';

function load(name: string): GmcrModel {
  const r = readGmcrFile(
    readFileSync(new URL(`../../../fixtures/gmcr/textbook/${name}.gmcr`, import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('read failed');
  const b = buildModel(r.spec);
  if (!b.ok) throw new Error('build failed');
  return b.model;
}

const lit = (option: number, taken: boolean) => ({ option, taken });
const twoByTwo = (over: Partial<GmcrConflictSpec> = {}): GmcrConflictSpec => ({
  options: [
    { id: 'a', name: 'a', direction: 'both' },
    { id: 'b', name: 'b', direction: 'both' },
  ],
  decisionMakers: [
    { id: 'p', name: 'P', options: [0], preferences: { kind: 'statements', statements: [[[lit(0, true)]]] } },
    {
      id: 'q',
      name: 'Q',
      options: [1],
      preferences: { kind: 'statements', statements: [[[lit(1, false)]]] },
    },
  ],
  infeasible: [],
  ...over,
});

describe('buildModel', () => {
  it('derives the Prisoners payoffs of the docs/models/GMCR.md §1.4 worked example: 2, 1, 4, 3 for Prisoner One', () => {
    expect(Array.from(load('Prisoners').payoffs[0]!)).toEqual([2, 1, 4, 3]);
  });

  it('ignores a statement that repeats an earlier one, without spending a weight, and warns', () => {
    const spec = twoByTwo();
    const dup = {
      ...spec,
      decisionMakers: [
        {
          ...spec.decisionMakers[0]!,
          preferences: {
            kind: 'statements' as const,
            statements: [[[lit(0, true)]], [[lit(1, true)]], [[lit(0, true)]]],
          },
        },
        spec.decisionMakers[1]!,
      ],
    };
    const b = buildModel(dup);
    if (!b.ok) throw new Error('build failed');
    // Weights 2 (a) and 1 (b): NN 0, YN 2, NY 1, YY 3 → dense ranks 1, 3, 2, 4.
    expect(Array.from(b.model.payoffs[0]!)).toEqual([1, 3, 2, 4]);
    expect(b.warnings[0]!.code).toBe('duplicate_statement');
  });

  it('makes misperceived states unreachable for that decision maker, hence stable for it (SI_misp)', () => {
    const m = load('SI_misp');
    // Syria misperceives YN- (states 2 and 5), Iraq NN- (states 1 and 4).
    expect(Array.from(m.perceived[0]!)).toEqual([1, 0, 1, 1, 0, 1]);
    expect(Array.from(m.perceived[1]!)).toEqual([0, 1, 1, 0, 1, 1]);
    const r = analyzeStability(m);
    for (const c of r.concepts) {
      expect([r.stable[c]![0]![1], r.stable[c]![0]![4]]).toEqual([1, 1]);
      expect([r.stable[c]![1]![0], r.stable[c]![1]![3]]).toEqual([1, 1]);
    }
  });

  it('Garrison (4 DMs): state 6 is GMR and SMR stable for Canadian Opposition only under the standard multi-opponent search (docs/models/GMCR.md §6 item 1); states 4 and 10 are GMR/SMR equilibria (item 9)', () => {
    const m = load('Garrison');
    const std = analyzeStability(m, { concepts: ['GMR', 'SMR'] });
    const once = analyzeStability(m, { concepts: ['GMR', 'SMR'], sanctions: 'each-opponent-once' });
    const can = m.dms.findIndex((d) => d.name === 'Canadian Opposition');
    for (const c of ['GMR', 'SMR'] as const) {
      expect(std.stable[c]![can]![5]).toBe(1);
      expect(once.stable[c]![can]![5]).toBe(0);
      expect(std.equilibria[c]).toContain(4);
      expect(std.equilibria[c]).toContain(10);
    }
  });

  it('refuses feasibility conditions that rule out every state', () => {
    const b = buildModel(twoByTwo({ infeasible: [[[lit(0, true)]], [[lit(0, false)]]] }));
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.issues[0]).toMatchObject({ code: 'no_feasible_state', path: ['infeasible'] });
  });

  it('refuses options owned by nobody or by two decision makers, and out-of-range option numbers', () => {
    const spec = twoByTwo();
    const b = buildModel({
      ...spec,
      options: [...spec.options, { id: 'c', name: 'c', direction: 'both' }],
      decisionMakers: [
        { ...spec.decisionMakers[0]!, options: [0, 1] },
        { ...spec.decisionMakers[1]!, options: [1, 9] },
      ],
    });
    expect(b.ok).toBe(false);
    if (!b.ok)
      expect(b.issues.map((i) => i.code)).toEqual(['shared_option', 'unknown_option', 'unowned_option']);
  });

  it('refuses a conflict too large for the memory budget, giving the state count and the memory needed', () => {
    const options = Array.from({ length: 24 }, (_, k) => ({
      id: `o${k}`,
      name: `o${k}`,
      direction: 'both' as const,
    }));
    const b = buildModel({
      options,
      decisionMakers: [0, 1, 2].map((i) => ({
        id: `d${i}`,
        name: `d${i}`,
        options: Array.from({ length: 8 }, (_, k) => i * 8 + k),
        preferences: { kind: 'statements' as const, statements: [] },
      })),
      infeasible: [],
    });
    expect(b.ok).toBe(false);
    if (b.ok) return;
    // 2^24 states with 3 decision makers: the estimate is well over 1 GiB.
    expect(estimateMemory(2 ** 24, 3)).toBeGreaterThan(1024 ** 3);
    expect(b.issues[0]!.code).toBe('too_large');
    expect(b.issues[0]!.message).toContain('16,777,216 feasible states');
    expect(b.issues[0]!.message).toMatch(/would need about \d+(\.\d)? GB, over the 1\.0 GB budget/);
  });

  it('counts feasible states without enumerating 2^m when conditions prune (8 options per DM, pairwise exclusive → 9^3 = 729)', () => {
    const options = Array.from({ length: 24 }, (_, k) => ({
      id: `o${k}`,
      name: `o${k}`,
      direction: 'both' as const,
    }));
    const infeasible = [];
    for (const d of [0, 1, 2])
      for (let a = 0; a < 8; a++)
        for (let c = a + 1; c < 8; c++) infeasible.push([[lit(d * 8 + a, true), lit(d * 8 + c, true)]]);
    const b = buildModel({
      options,
      decisionMakers: [0, 1, 2].map((i) => ({
        id: `d${i}`,
        name: `d${i}`,
        options: Array.from({ length: 8 }, (_, k) => i * 8 + k),
        preferences: { kind: 'statements' as const, statements: [] },
      })),
      infeasible,
    });
    if (!b.ok) throw new Error('build failed');
    expect(b.model.n).toBe(729);
  });

  it('refuses rankings naming infeasible, unknown or repeated states', () => {
    const spec = twoByTwo({ infeasible: [[[lit(0, true), lit(1, true)]]] });
    const b = buildModel({
      ...spec,
      decisionMakers: [
        { ...spec.decisionMakers[0]!, preferences: { kind: 'ranking', ranking: ['YY', 4, [1, 1], 'YNX'] } },
        spec.decisionMakers[1]!,
      ],
    });
    expect(b.ok).toBe(false);
    if (!b.ok)
      expect(b.issues.map((i) => i.message)).toEqual([
        'state YY is infeasible',
        'state 4 does not exist: feasible states are numbered 1..3',
        'state 1 is ranked twice',
        '"YNX" is not a state: write 2 letters Y or N, one per option in decision-maker order',
        'the ranking leaves out states 2, 3',
      ]);
  });
});
