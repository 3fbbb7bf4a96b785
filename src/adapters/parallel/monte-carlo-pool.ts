/**
 * Monte Carlo over all cores: the run range is cut into chunks that piscina worker threads compute with the
 * pure engine; outcomes are reassembled in run order, so the summary is identical to a sequential run with
 * the same seed (run k always draws from `random.fork(k)`).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  assertRuns,
  runMonteCarloRange,
  summariseMonteCarlo,
  type MonteCarloSpec,
  type MonteCarloSummary,
} from '../../index.js';

export interface PoolOptions {
  /** Worker threads (default: every core). 1 runs in this thread. */
  threads?: number;
  /** Called after each finished chunk with the runs done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Runs per task (default: about 1/16 of each thread's share, at least 1). */
  chunk?: number;
}

/** Chunks [from, to) of the run range. */
export function splitRuns(runs: number, chunk: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < runs; from += chunk) out.push([from, Math.min(runs, from + chunk)]);
  return out;
}

/** Runs the Monte Carlo of `spec` in worker threads and summarises it. */
export async function runMonteCarloParallel(
  spec: MonteCarloSpec,
  options: PoolOptions = {},
): Promise<MonteCarloSummary> {
  assertRuns(spec.runs);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), spec.runs));
  const dims = spec.input.dimensions.length;
  const chunk = options.chunk ?? Math.max(1, Math.ceil(spec.runs / (threads * 16)));
  const ranges = splitRuns(spec.runs, chunk);
  const outcomes = new Float64Array(spec.runs * dims);
  let done = 0;
  if (threads === 1) {
    for (const [from, to] of ranges) {
      outcomes.set(runMonteCarloRange(spec, from, to), from * dims);
      done += to - from;
      options.onProgress?.(done, spec.runs);
    }
    return summariseMonteCarlo(spec, outcomes);
  }
  const pool = new Piscina({
    filename: new URL('./monte-carlo.worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      ranges.map(async ([from, to]) => {
        const part: Float64Array = await pool.run({ spec, from, to });
        outcomes.set(part, from * dims);
        done += to - from;
        options.onProgress?.(done, spec.runs);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return summariseMonteCarlo(spec, outcomes);
}
