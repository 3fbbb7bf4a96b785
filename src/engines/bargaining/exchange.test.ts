import { describe, expect, it } from 'vitest';
import { readCsvFixture } from './test-fixtures.js';
import { exchange } from './exchange.js';

// The toy vector (fixtures/bargaining/exchange-toy): two actors, two issues; saliences 0–100 in the file.
const rows = readCsvFixture('exchange-toy/exchange_model_toy_testvector.csv');
const value = (q: string) => rows.find((r) => r.quantity === q)!.value!;
const triple = (q: string) => value(q).split(';').map(Number) as [number, number, number];
const a1 = [triple('input A1 issue1 (x;s;c)'), triple('input A1 issue2 (x;s;c)')];
const a2 = [triple('input A2 issue1 (x;s;c)'), triple('input A2 issue2 (x;s;c)')];

describe('Stokman equal-gain exchange model on its toy test vector (docs/models/baselines.md §4)', () => {
  const input = {
    actors: [{ id: 'a1' }, { id: 'a2' }],
    dimensions: [{ id: 'issue1' }, { id: 'issue2' }],
    capability: [a1[0]![2], a2[0]![2]],
    position: [a1.map((t) => t[0]), a2.map((t) => t[0])],
    salience: [a1.map((t) => t[1] / 100), a2.map((t) => t[1] / 100)],
  };
  const f = exchange(input);

  it('starts from the compromise ("NBS") values 85.714286 and 35.714286', () => {
    expect(f.outcomes![0]![0]).toBeCloseTo(Number(value('NBS/compromise issue1 (asserted in repo test)')), 5);
    expect(f.outcomes![0]![1]).toBeCloseTo(Number(value('NBS/compromise issue2 (asserted in repo test)')), 5);
  });

  it('executes one exchange: A2 demands issue 1, A1 moves to 100 there, A2 moves 20 on issue 2, gain 500 each', () => {
    expect(f.exchanges).toHaveLength(1);
    const e = f.exchanges[0]!;
    expect([e.i, e.j, e.p, e.q]).toEqual([1, 0, 0, 1]);
    expect(e.jOnP).toBeCloseTo(100, 8);
    expect(e.iOnQ).toBeCloseTo(100 + Number(value('A2 move on issue2')), 6);
    // Gain in the file is on the 0–100 salience scale; the engine takes saliences 0–1, so it is 100× smaller.
    expect(e.gain * 100).toBeCloseTo(Number(value('equal utility gain (both actors)')), 5);
  });

  it('ends with outcomes 100 and 28.571429', () => {
    expect(f.outcome[0]).toBeCloseTo(Number(value('NBS issue1 after exchange')), 5);
    expect(f.outcome[1]).toBeCloseTo(Number(value('NBS issue2 after exchange')), 5);
  });
});
