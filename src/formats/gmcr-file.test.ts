// Reading and writing gmcr-py `.gmcr` files (docs/models/GMCR-FORMAT.md): every shipped file loads, files round-trip, and
// malformed files are refused with the key path of each problem.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../engines/gmcr/model.js';
import { gmcrFilePath, readGmcrFile, writeGmcrFile } from './gmcr-file.js';

const text = (name: string) =>
  readFileSync(new URL(`../../fixtures/gmcr/textbook/${name}.gmcr`, import.meta.url), 'utf8');
const FILES = ['Prisoners', 'SyriaIraq', 'SI_misp', 'Cuban', 'Elmira', 'Garrison', 'MilkRiver', 'Chicken'];

const read = (t: string) => {
  const r = readGmcrFile(t);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.spec;
};
const issuesOf = (t: string) => {
  const r = readGmcrFile(t);
  if (r.ok) throw new Error('expected a failure');
  return r.issues;
};

describe('readGmcrFile', () => {
  it.each(FILES)('reads %s, including legacy keys (preferenceVector, useManualPreferenceVectors)', (name) => {
    const built = buildModel(read(text(name)));
    expect(built.ok).toBe(true);
  });

  it('reads the states and sizes listed in docs/models/GMCR-FORMAT.md §6', () => {
    const sizes = Object.fromEntries(
      FILES.map((f) => [f, (buildModel(read(text(f))) as { model: { n: number; m: number } }).model]),
    );
    expect([sizes.Garrison!.m, sizes.Garrison!.n]).toEqual([9, 23]);
    expect([sizes.MilkRiver!.m, sizes.MilkRiver!.n]).toEqual([7, 36]);
    expect([sizes.SI_misp!.m, sizes.SI_misp!.n]).toEqual([3, 6]);
  });

  it('groups options by decision maker when the file lists them in another order (docs/models/GMCR-FORMAT.md §4.1)', () => {
    // Option 0 belongs to the second decision maker: after grouping, option 1 (first DM) becomes bit 0.
    const spec = read(
      JSON.stringify({
        options: [
          { name: 'b', permittedDirection: 'both' },
          { name: 'a', permittedDirection: 'fwd' },
        ],
        decisionMakers: [
          { name: 'A', options: [1], preferences: [[[1, 'Y']]] },
          { name: 'B', options: [0], preferences: [[[0, 'N']]] },
        ],
        infeasibles: [
          [
            [0, 'Y'],
            [1, 'N'],
          ],
        ],
        useManualPreferenceRanking: false,
      }),
    );
    const built = buildModel(spec);
    if (!built.ok) throw new Error('build failed');
    // Grouped order: bit 0 = a, bit 1 = b. Infeasible: b taken and a not taken = code 2. Feasible 0, 1, 3.
    expect(Array.from(built.model.codes)).toEqual([0, 1, 3]);
    expect(built.model.options.map((o) => o.name)).toEqual(['a', 'b']);
    expect(built.model.fwdMask).toBe(1);
  });
});

describe('writeGmcrFile', () => {
  it.each(FILES)(
    'round-trips %s: same states, payoffs, directions and conditions after writing and reading back',
    (name) => {
      const spec = read(text(name));
      const first = buildModel(spec);
      if (!first.ok) throw new Error('build failed');
      const again = buildModel(read(writeGmcrFile(spec, { payoffs: first.model.payoffs })));
      if (!again.ok) throw new Error('rebuild failed');
      expect(Array.from(again.model.codes)).toEqual(Array.from(first.model.codes));
      expect(again.model.payoffs.map((p) => Array.from(p))).toEqual(
        first.model.payoffs.map((p) => Array.from(p)),
      );
      expect(again.model.options).toEqual(first.model.options);
      expect(again.model.infeasible).toEqual(first.model.infeasible);
      expect(again.model.misperceptions).toEqual(first.model.misperceptions);
      expect(again.model.coalitions).toEqual(first.model.coalitions);
    },
  );

  it('writes rankings given as Y/N strings as state numbers, which gmcr-py can read', () => {
    const spec = {
      options: [
        { id: 'a', name: 'a', direction: 'both' as const },
        { id: 'b', name: 'b', direction: 'both' as const },
      ],
      decisionMakers: [
        {
          id: 'p',
          name: 'P',
          options: [0],
          preferences: { kind: 'ranking' as const, ranking: ['NY', ['YY', 'NN'], 'YN'] },
        },
        {
          id: 'q',
          name: 'Q',
          options: [1],
          preferences: { kind: 'ranking' as const, ranking: [4, 3, 2, 1] },
        },
      ],
      infeasible: [],
    };
    const built = buildModel(spec);
    if (!built.ok) throw new Error('build failed');
    const out = JSON.parse(writeGmcrFile(spec, { payoffs: built.model.payoffs }));
    // NN = 1, YN = 2, NY = 3, YY = 4.
    expect(out.decisionMakers[0].preferenceRanking).toEqual([3, [1, 4], 2]);
    expect(out.decisionMakers[1].preferenceRanking).toEqual([4, 3, 2, 1]);
    const again = buildModel(read(JSON.stringify(out)));
    expect(again.ok && again.model.payoffs.map((p) => Array.from(p))).toEqual(
      built.model.payoffs.map((p) => Array.from(p)),
    );
  });

  it('writes the keys gmcr-py reads: grouped options, useManualPreferenceRanking, compound conditions (Cuban)', () => {
    const out = JSON.parse(writeGmcrFile(read(text('Cuban'))));
    expect(out.useManualPreferenceRanking).toBe(false);
    expect(out.options[0]).toEqual({ name: 'Air Strike', permittedDirection: 'fwd' });
    // A one-member compound means the same as its member and is written plainly; longer ones stay compound.
    expect(out.decisionMakers[0].preferences[2]).toEqual([
      [0, 'N'],
      [2, 'Y'],
    ]);
    expect(out.decisionMakers[0].preferences[6]).toEqual({
      compound: true,
      members: [
        [
          [0, 'Y'],
          [2, 'N'],
        ],
        [
          [1, 'Y'],
          [3, 'N'],
        ],
        [
          [0, 'Y'],
          [3, 'N'],
        ],
        [
          [1, 'Y'],
          [2, 'N'],
        ],
      ],
    });
    expect(out.infeasibles).toEqual([
      [
        [2, 'Y'],
        [3, 'Y'],
      ],
    ]);
  });
});

describe('malformed files', () => {
  const base = {
    options: [
      { name: 'x', permittedDirection: 'both' },
      { name: 'y', permittedDirection: 'both' },
    ],
    infeasibles: [] as unknown[],
    useManualPreferenceRanking: false,
  };
  const dms = [
    { name: 'A', options: [0], preferences: [] },
    { name: 'B', options: [1], preferences: [] },
  ];
  it('reports invalid JSON', () => {
    expect(issuesOf('{"options": [')[0]!.code).toBe('bad_json');
  });
  it('reports an unknown direction, an option index out of range and a bad condition, each with its path', () => {
    const issues = issuesOf(
      JSON.stringify({
        ...base,
        options: [{ name: 'x', permittedDirection: 'sideways' }, { name: 'y' }],
        decisionMakers: [{ name: 'A', options: [0, 7], preferences: [[[0, 'maybe']]] }, dms[1]],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['options', 0, 'permittedDirection'],
      ['decisionMakers', 0, 'options', 1],
      ['decisionMakers', 0, 'preferences', 0, 0],
    ]);
  });
  it('refuses a compound condition without members and a contradictory condition', () => {
    const issues = issuesOf(
      JSON.stringify({
        ...base,
        decisionMakers: dms,
        infeasibles: [
          { compound: true, members: [] },
          [
            [0, 'Y'],
            [0, 'N'],
          ],
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['infeasibles', 0],
      ['infeasibles', 1, 1],
    ]);
    expect(issues[1]!.message).toMatch(/both taken and not taken/);
  });
  it('refuses coalitions that are not a partition', () => {
    const issues = issuesOf(JSON.stringify({ ...base, decisionMakers: dms, coalitions: [0, [0, 1]] }));
    expect(issues[0]!.path).toEqual(['coalitions']);
  });
  it('requires rankings when useManualPreferenceRanking is true, and maps ranking problems to the file key', () => {
    expect(
      issuesOf(JSON.stringify({ ...base, useManualPreferenceRanking: true, decisionMakers: dms }))[0]!.path,
    ).toEqual(['decisionMakers', 0, 'preferenceRanking']);
    const spec = read(
      JSON.stringify({
        ...base,
        useManualPreferenceRanking: true,
        decisionMakers: dms.map((d) => ({ ...d, preferenceRanking: [1, 2, 3] })),
      }),
    );
    const built = buildModel(spec);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.issues[0]!.message).toMatch(/leaves out state 4/);
    expect(gmcrFilePath(built.issues[0]!.path)).toEqual(['decisionMakers', 0, 'preferenceRanking']);
  });
});

describe('hostile input', () => {
  it('never throws: random JSON in place of any key gives issues or a model', () => {
    const keys = ['options', 'decisionMakers', 'infeasibles', 'useManualPreferenceRanking', 'coalitions'];
    const dmKeys = ['name', 'options', 'preferences', 'preferenceRanking', 'misperceptions'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys, ...dmKeys),
        fc.jsonValue(),
        fc.constantFrom('Prisoners', 'Elmira', 'Garrison'),
        (key, value, name) => {
          const data = JSON.parse(text(name));
          if (keys.includes(key)) data[key] = value;
          else data.decisionMakers[0][key] = value;
          const r = readGmcrFile(JSON.stringify(data));
          if (r.ok) expect(() => buildModel(r.spec)).not.toThrow();
          else expect(r.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
