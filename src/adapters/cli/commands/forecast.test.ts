import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli } from '../testing.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/bargaining/${name}`, import.meta.url));

const run = runCli;

afterEach(() => {
  process.exitCode = undefined;
});

describe('redline forecast', () => {
  it('prints the compromise forecast 57.5 (hand-computed) and the scenario beside it, as JSON', async () => {
    const r = await run(
      'forecast',
      fixture('cli-cases/three-actors.yaml'),
      '--model',
      'compromise',
      '--scenario',
      'c-weaker',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.forecasts[0].results[0].outcome[0]).toBeCloseTo(57.5, 10);
    // C at half capability: (20 + 50 + 80) / 3 = 50.
    expect(json.forecasts[1].scenario).toBe('c-weaker');
    expect(json.forecasts[1].results[0].outcome[0]).toBeCloseTo(50, 10);
  });

  it('runs a seeded Monte Carlo: the same seed gives the same numbers', async () => {
    const a = await run(
      'forecast',
      fixture('cli-cases/three-actors.yaml'),
      '--model',
      'median',
      '--runs',
      '50',
      '--seed',
      '5',
      '--threads',
      '1',
      '--json',
    );
    const b = await run(
      'forecast',
      fixture('cli-cases/three-actors.yaml'),
      '--model',
      'median',
      '--runs',
      '50',
      '--seed',
      '5',
      '--threads',
      '1',
      '--json',
    );
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).monteCarlo).toEqual(JSON.parse(b.out).monteCarlo);
    expect(JSON.parse(a.out).monteCarlo[0].summaries[0].runs).toBe(50);
  });

  it('refuses --runs 1e9 with the limit', async () => {
    const r = await run('forecast', fixture('cli-cases/three-actors.yaml'), '--runs', '1e9');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/above the limit of 1,000,000 runs/);
  });

  it('refuses a case where every capability is 0, naming the issue and field', async () => {
    const r = await run('forecast', fixture('cli-cases/zero-capability.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issues\.x\.capability: every actor with salience above 0 has capability 0/);
  });

  it('refuses an issue with fewer than 2 actors, naming it', async () => {
    const r = await run('forecast', fixture('cli-cases/one-actor.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issues\.y: 1 actor\(s\) take part; a forecast needs at least 2/);
  });

  it('names unknown models and scenarios as usage errors', async () => {
    expect((await run('forecast', fixture('cli-cases/three-actors.yaml'), '--model', 'oracle')).code).toBe(2);
    const r = await run('forecast', fixture('cli-cases/three-actors.yaml'), '--scenario', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no scenario "nope"; known: c-weaker/);
  });
});

describe('redline backtest deu', () => {
  it('reports the reference MAEs 23.64 and 28.37, and scores BDM and SMP', async () => {
    const r = await run('backtest', 'deu', fixture('deu3/deu3.csv'), '--json');
    expect(r.code).toBe(0);
    const scores = JSON.parse(r.out).scores as { id: string; mae: number; kind: string }[];
    expect(scores.find((s) => s.id === 'compromise')!.mae.toFixed(2)).toBe('23.64');
    expect(scores.find((s) => s.id === 'median')!.mae.toFixed(2)).toBe('28.37');
    for (const id of ['bdm', 'smp']) expect(scores.find((s) => s.id === id)!.mae).toBeGreaterThan(0);
    expect(scores.find((s) => s.id === 'ensemble-cv')!.kind).toBe('cross-validated');
  });

  it('exits 3 on a missing file', async () => {
    expect((await run('backtest', 'deu', '/no/such/file.csv')).code).toBe(3);
  });
});

describe('redline forecast --skip-incomplete', () => {
  it('leaves out the issue with one stance, names it, and forecasts the rest', async () => {
    const r = await run(
      'forecast',
      fixture('cli-cases/one-actor.yaml'),
      '--model',
      'compromise',
      '--skip-incomplete',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.forecasts[0].issues.map((i: { id: string }) => i.id)).toEqual(['x']);
    expect(json.forecasts[0].warnings[0]).toMatch(/left out: y$/);
    // Equal capability and salience: (20 + 70) / 2 = 45.
    expect(json.forecasts[0].results[0].outcome[0]).toBeCloseTo(45, 10);
  });
});

describe('redline forecast --trajectory', () => {
  it('returns the BDM rounds: the initial state and 8 rounds', async () => {
    const r = await run(
      'forecast',
      fixture('cli-cases/three-actors.yaml'),
      '--model',
      'bdm',
      '--trajectory',
      '--json',
    );
    const result = JSON.parse(r.out).forecasts[0].results[0];
    expect(result.outcomes).toHaveLength(9);
    expect(result.rounds[0]).toEqual([[20], [50], [80]]);
  });
});
