import { describe, expect, it } from 'vitest';
import { monteCarlo, monteCarloSpecFor } from '../../index.js';
import { buildCase } from '../../case/testing.js';
import { runMonteCarloParallel, splitRuns } from './monte-carlo-pool.js';

const c = buildCase({
  actors: [
    { id: 'a', name: 'A', kind: 'state', capability: 1 },
    { id: 'b', name: 'B', kind: 'state', capability: 2 },
    { id: 'c', name: 'C', kind: 'state', capability: 3 },
  ],
  stances: [
    { actor: 'a', issue: 'x', date: '2025-01-01', position: 10, salience: 40, redLine: { max: 50 } },
    { actor: 'b', issue: 'x', date: '2025-01-01', position: 60, salience: 70 },
    { actor: 'c', issue: 'x', date: '2025-01-01', position: 90, salience: 50 },
  ],
});

describe('parallel Monte Carlo', () => {
  it('splits the run range into contiguous chunks', () => {
    expect(splitRuns(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('gives exactly the sequential result for the same seed, on 2 worker threads', async () => {
    for (const model of ['compromise', 'bdm'] as const) {
      const spec = monteCarloSpecFor(c, model, { runs: 300, seed: 42 });
      const parallel = await runMonteCarloParallel(spec, { threads: 2, chunk: 37, inThreadBelowMs: 0 });
      expect(parallel).toEqual(monteCarlo(spec));
    }
  });
});
