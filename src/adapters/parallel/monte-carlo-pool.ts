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

/** A pool of worker threads reused across several Monte Carlo specs (models, scenarios). */
export interface MonteCarloPool {
  run(spec: MonteCarloSpec, options?: Omit<PoolOptions, 'threads'>): Promise<MonteCarloSummary>;
  destroy(): Promise<void>;
}

/** Starts `threads` workers (default: every core); with 1 thread everything runs in this thread. */
export function createMonteCarloPool(threads = availableParallelism()): MonteCarloPool {
  const size = Math.max(1, threads);
  let pool: Piscina | null = null;
  const workers = () =>
    (pool ??= new Piscina({
      filename: new URL('./monte-carlo.worker.js', import.meta.url).href,
      minThreads: size,
      maxThreads: size,
      idleTimeout: 1000,
    }));
  return {
    async run(spec, options = {}) {
      assertRuns(spec.runs);
      const dims = spec.input.dimensions.length;
      const chunk = options.chunk ?? Math.max(1, Math.ceil(spec.runs / (size * 16)));
      const ranges = splitRuns(spec.runs, chunk);
      const outcomes = new Float64Array(spec.runs * dims);
      let done = 0;
      const finished = (from: number, to: number, part: Float64Array) => {
        outcomes.set(part, from * dims);
        done += to - from;
        options.onProgress?.(done, spec.runs);
      };
      if (size === 1 || spec.runs === 1) {
        for (const [from, to] of ranges) finished(from, to, runMonteCarloRange(spec, from, to));
      } else {
        const p = workers();
        await Promise.all(
          ranges.map(async ([from, to]) =>
            finished(from, to, (await p.run({ spec, from, to })) as Float64Array),
          ),
        );
      }
      return summariseMonteCarlo(spec, outcomes);
    },
    async destroy() {
      if (pool) await pool.destroy();
      pool = null;
    },
  };
}

/** Runs the Monte Carlo of `spec` in worker threads (a pool for this one spec) and summarises it. */
export async function runMonteCarloParallel(
  spec: MonteCarloSpec,
  options: PoolOptions = {},
): Promise<MonteCarloSummary> {
  const pool = createMonteCarloPool(Math.min(options.threads ?? availableParallelism(), spec.runs));
  try {
    return await pool.run(spec, options);
  } finally {
    await pool.destroy();
  }
}
