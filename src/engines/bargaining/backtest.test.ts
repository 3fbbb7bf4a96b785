import { describe, expect, it } from 'vitest';
import { parseDeu } from '../../formats/deu.js';
import { readCsvFixture, readTextFixture } from './test-fixtures.js';
import { backtestDeu } from './backtest.js';
import { crossValidateBlend, simplexGrid } from './cross-validate.js';
import { pairedBootstrap } from './bootstrap.js';

const parsed = parseDeu(readTextFixture('deu3/deu3.csv'));
const reference = readCsvFixture('deu3/deu_iii_baselines_reproduced.csv');
const refMae = (prefix: string) => Number(reference.find((r) => r.baseline!.startsWith(prefix))!.mae_0_100);

describe('DEU III backtest (docs/models/baselines.md §5–6)', () => {
  if (!parsed.ok) throw new Error('fixture did not parse');
  const result = backtestDeu(parsed.rows, { smp: false });
  const score = (id: string) => result.scores.find((s) => s.id === id)!;

  it('keeps the 351 scorable issues', () => {
    expect(result.issues).toBe(351);
  });

  it('reproduces the reference MAEs: salience-weighted mean 23.641, mean 23.627, median 28.369, weighted median 28.308, rp 51.313', () => {
    expect(Math.abs(score('compromise').mae - refMae('salience-weighted mean'))).toBeLessThan(0.001);
    expect(Math.abs(score('mean').mae - refMae('unweighted mean'))).toBeLessThan(0.001);
    expect(Math.abs(score('median').mae - refMae('median of positions'))).toBeLessThan(0.001);
    expect(Math.abs(score('weighted-median').mae - refMae('salience-weighted median'))).toBeLessThan(0.001);
    expect(Math.abs(score('reference-point').mae - refMae('reference point'))).toBeLessThan(0.001);
    expect(score('reference-point').n).toBe(252);
  });

  it('also scores BDM, and reports fitted models only with their cross-validated error', () => {
    expect(score('bdm').mae).toBeGreaterThan(0);
    const fitted = result.scores.filter((s) => s.kind === 'cross-validated');
    expect(fitted.length).toBeGreaterThan(0);
    for (const f of fitted) expect(f.mae).not.toBe(f.inSampleMae);
  });
});

describe('grouped cross-validation', () => {
  it('enumerates the simplex grid: 3 parts at step 0.5 give 6 points', () => {
    expect(simplexGrid(3, 0.5)).toHaveLength(6);
  });
  it('never lets a held-out group inform its own forecast (hand example)', () => {
    // Two groups; component 0 is right on group a and wrong on group b, component 1 the reverse. Trained on
    // the other group only, each fold picks the component that fails on it: out-of-fold error 10 everywhere.
    const c0 = [0, 10];
    const c1 = [10, 0];
    const r = crossValidateBlend([c0, c1], [0, 0], ['a', 'b'], { folds: 2, step: 1 });
    expect(r.cvMae).toBe(10);
    expect(r.inSampleMae).toBe(5);
  });
});

describe('DEU reader', () => {
  it('names the line and column of a non-number', () => {
    const lines = readTextFixture('deu3/deu3.csv').split('\n');
    const cells = lines[2]!.split('\t');
    cells[13] = 'Infinity';
    lines[2] = cells.join('\t');
    const r = parseDeu(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toEqual({
        line: 3,
        column: 'pcom',
        message: '"Infinity" is not a finite number',
      });
  });
  it('refuses a file without the DEU columns', () => {
    const r = parseDeu('a\tb\n1\t2\n');
    expect(r.ok).toBe(false);
  });
});

describe('paired bootstrap by group', () => {
  it('gives a zero-width interval when every group has the same difference (hand example)', () => {
    // a misses by 1 everywhere, b by 3: difference −2 in every resample.
    const r = pairedBootstrap([1, 1, 1], [3, 3, 3], [0, 0, 0], ['p', 'q', 'q']);
    expect(r.difference).toBe(-2);
    expect(r.ci95).toEqual([-2, -2]);
  });
});
