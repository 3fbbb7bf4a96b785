/**
 * `redline import ktab`: the converted case is valid, carries KTAB's numbers unchanged, and SMP on the
 * imported case reproduces KTAB's own final positions (fixtures/ktab/runs/dummyData_3Dim).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bargainingInputFromCase, parseCase, runSmp } from '../../../index.js';
import { runCli } from '../testing.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/ktab/${name}`, import.meta.url));

const run = runCli;

afterEach(() => {
  process.exitCode = undefined;
});

describe('redline import ktab', () => {
  it('CSV → a valid case on standard output whose SMP run ends on KTAB’s final positions', async () => {
    const r = await run('import', 'ktab', fixture('inputs/dummyData_3Dim.csv'), '--date', '2017-05-30');
    expect(r.code).toBe(0);
    const parsed = parseCase(r.out);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const c = parsed.case;
    expect(c.actors.map((a) => a.id)).toEqual([
      'sactor-00',
      'sactor-01',
      'sactor-02',
      'sactor-03',
      'sactor-04',
      'sactor-05',
      'sactor-06',
    ]);
    expect(c.actors[0]).toMatchObject({ name: 'SActor-00', capability: 102.543 });
    expect(c.issues.map((i) => i.id)).toEqual(['pstn1', 'pstn2', 'pstn3']);
    expect(c.stances[0]).toMatchObject({
      actor: 'sactor-00',
      issue: 'pstn1',
      date: '2017-05-30',
      position: 75.79,
      salience: 49.53,
    });
    expect(c.stances).toHaveLength(21);
    expect(r.out).toContain('# KTAB description: Random Spatial Actor');

    const { input } = bargainingInputFromCase(c);
    const final = runSmp(input).turns.at(-1)!;
    const expected = readFileSync(fixture('runs/dummyData_3Dim/final_positions.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    for (const line of expected) {
      const [actor, dim, , value] = line.split(',');
      const i = c.actors.findIndex((a) => a.name === actor);
      const k = c.issues.findIndex((x) => x.name === dim);
      expect(final[i]![k]).toBeCloseTo(Number(value), 9);
    }
  });

  it('end to end: `redline forecast --model smp` on the imported case gives the c·s-weighted mean of KTAB’s final positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
    const out = join(dir, 'case.yaml');
    expect(
      (await run('import', 'ktab', fixture('inputs/dummyData_3Dim.csv'), '-o', out, '--date', '2017-05-30'))
        .code,
    ).toBe(0);
    const r = await run('forecast', out, '--model', 'smp', '--json');
    expect(r.code).toBe(0);
    const smp = JSON.parse(r.out).forecasts[0].results.find((x: { model: string }) => x.model === 'smp');
    // Expected: KTAB's final positions (final_positions.csv) weighted by capability × salience from the input.
    const input = readFileSync(fixture('inputs/dummyData_3Dim.csv'), 'utf8').trim().split('\n').slice(2);
    const final = new Map(
      readFileSync(fixture('runs/dummyData_3Dim/final_positions.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map(([a, d, , v]) => [`${a}|${d}`, Number(v)]),
    );
    [0, 1, 2].forEach((k) => {
      let num = 0;
      let den = 0;
      for (const line of input) {
        const f = line.split(',').map((x) => x.trim());
        const w = Number(f[2]) * Number(f[4 + 2 * k]);
        num += w * final.get(`${f[0]}|Pstn${k + 1}`)!;
        den += w;
      }
      expect(smp.outcome[k]).toBeCloseTo(num / den, 9);
    });
  });

  it('XML → parameters and accommodation under forecast.models.smp, by actor id', async () => {
    const r = await run(
      'import',
      'ktab',
      fixture('inputs/smpExample-as-of-2017-05-30.xml'),
      '--date',
      '2017-05-30',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const smp = json.case.forecast.models.smp;
    expect(smp).toMatchObject({
      pceModel: 'MarkovIncentive',
      stateTransitions: 'Stochastic',
      votingRule: 'PropCbc',
    });
    expect(smp.accommodation).toEqual(
      expect.arrayContaining([
        { actor: 'alice', toward: 'alice', weight: 0.87 },
        { actor: 'bob', toward: 'alice', weight: 0.07 },
        { actor: 'carol', toward: 'david', weight: 0.13 },
      ]),
    );
    expect(smp.accommodation).toHaveLength(6); // Ellie keeps the identity
  });

  it.each(['InitRcvrInterp', 'PWCompInterp'])(
    'XML asking for %s → the KTAB-compatible receiver view is set and said, and SMP runs it with no manual setting',
    async (bargn) => {
      const xml = readFileSync(fixture('inputs/smpExample-as-of-2017-05-30.xml'), 'utf8')
        .replace(
          '<StateTransitions>Stochastic</StateTransitions>',
          '<StateTransitions>Deterministic</StateTransitions>',
        )
        .replace('<BargnModel>InitOnlyInterp</BargnModel>', `<BargnModel>${bargn}</BargnModel>`);
      const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
      writeFileSync(join(dir, 'scenario.xml'), xml);
      const r = await run('import', 'ktab', join(dir, 'scenario.xml'), '--date', '2017-05-30', '--json');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.case.forecast.models.smp).toMatchObject({
        bargnModel: bargn,
        receiverBargainWeight: 'ktabUtilityGain',
      });
      expect(JSON.stringify(json.warnings)).toMatch(/receiverBargainWeight: ktabUtilityGain/);
      // The imported case's SMP run is the engine's run with KTAB's setting given by hand (docs/models/SMP.md §12.1).
      const parsed = parseCase(JSON.stringify(json.case));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const { input } = bargainingInputFromCase(parsed.case);
      const params = json.case.forecast.models.smp;
      const byHand = runSmp(input, {
        ...params,
        bargnModel: bargn,
        receiverBargainWeight: 'ktabUtilityGain',
      });
      const corrected = runSmp(input, { ...params, bargnModel: bargn, receiverBargainWeight: 'probability' });
      const imported = runSmp(input, json.case.forecast.models.smp);
      expect(imported.turns).toEqual(byHand.turns);
      expect(imported.turns).not.toEqual(corrected.turns);
    },
  );

  it('forecast --model smp --json carries final positions, and with --trajectory KTAB’s fractional change and prob', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
    const out = join(dir, 'case.yaml');
    expect(
      (await run('import', 'ktab', fixture('inputs/dummyData_3Dim.csv'), '-o', out, '--date', '2017-05-30'))
        .code,
    ).toBe(0);
    const plain = JSON.parse((await run('forecast', out, '--model', 'smp', '--json')).out);
    const smp = plain.forecasts[0].results[0];
    expect(smp.finalPositions).toHaveLength(7);
    expect(smp.convergence.status).toBe('converged');
    expect(smp.ktab).toBeUndefined();
    const traj = JSON.parse((await run('forecast', out, '--model', 'smp', '--trajectory', '--json')).out)
      .forecasts[0].results[0];
    // KTAB's own log of this run (fixtures/ktab/runs/dummyData_3Dim/smpc-oracle.txt), 4 decimals.
    const oracle = readFileSync(fixture('runs/dummyData_3Dim/smpc-oracle.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Fractional change'))
      .map((l) => Number(/step: ([\d.]+)/.exec(l)![1]));
    expect(traj.ktab.fractionalChange.map((x: number) => Number(x.toFixed(4)))).toEqual(oracle);
    expect(traj.ktab.prob).toHaveLength(oracle.length + 1);
    // Each state's prob sums to 1 over the actors holding distinct positions (≤ 1 summed over all actors).
    expect(traj.ktab.prob[0].every((p: number) => p >= 0 && p <= 1)).toBe(true);
  });

  it('warns that KTAB itself cannot run BigRAdjust Full, naming the reason', async () => {
    const xml = readFileSync(fixture('inputs/smpExample-as-of-2017-05-30.xml'), 'utf8').replace(
      '<BigRAdjust>OneThird</BigRAdjust>',
      '<BigRAdjust>Full</BigRAdjust>',
    );
    const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
    writeFileSync(join(dir, 'scenario.xml'), xml);
    const r = await run('import', 'ktab', join(dir, 'scenario.xml'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.out).warnings)).toMatch(/KTAB itself cannot run.*sanity check/);
  });

  it('writes -o and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
    const out = join(dir, 'case.yaml');
    const first = await run(
      'import',
      'ktab',
      fixture('inputs/SOE-Pol-Comp.csv'),
      '-o',
      out,
      '--date',
      '2014-01-01',
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain('13 actors, 2 issues, 26 stances');
    expect(parseCase(readFileSync(out, 'utf8')).ok).toBe(true);
    expect((await run('import', 'ktab', fixture('inputs/SOE-Pol-Comp.csv'), '-o', out)).code).toBe(2);
    expect((await run('import', 'ktab', fixture('inputs/SOE-Pol-Comp.csv'), '-o', out, '--force')).code).toBe(
      0,
    );
  });

  it('an invalid file: exit 1 and the problem with file, line and column', async () => {
    const r = await run('import', 'ktab', fixture('inputs/smpExample.xml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/smpExample\.xml:32:9: error \[ktab_not_a_number\]/);
  });

  it('a missing file: exit 3', async () => {
    expect((await run('import', 'ktab', fixture('inputs/nope.csv'))).code).toBe(3);
  });

  it('NaN in a CSV is refused, naming actor and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'T,d,3,1\nA,D,P,X,S\na,,1,NaN,10\nb,,1,2,10\nc,,1,3,10\n');
    const r = await run('import', 'ktab', file, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues[0]).toMatchObject({
      code: 'ktab_not_a_number',
      line: 3,
      path: ['actors', 0, 'position', 0],
    });
  });

  it('a bad --date is a usage error', async () => {
    expect((await run('import', 'ktab', fixture('inputs/SOE-Policy.csv'), '--date', '2017-13-45')).code).toBe(
      2,
    );
  });
});
