/**
 * Monte Carlo over all cores: the run range is cut into chunks that worker threads compute with the
 * pure engine; outcomes are reassembled in run order, so the summary is identical to a sequential run with
 * the same seed (run k always draws from `random.fork(k)`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  assertRuns,
  runMonteCarloRange,
  summariseMonteCarlo,
  type MonteCarloSpec,
  type MonteCarloSummary,
} from '../../engines/bargaining/index.js';
import { workerEntry } from './worker-entry.js';

export interface PoolOptions {
  /** Worker threads (default: every core). 1 runs in this thread. */
  threads?: number;
  /** Called after each finished chunk with the runs done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Jobs projected (from the first runs) to take less than this many ms stay in this thread (default 1500). */
  inThreadBelowMs?: number;
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
  /** The raw outcomes (runs × issues, run order), e.g. of a Sobol design (spec.design). */
  outcomes(spec: MonteCarloSpec, options?: Omit<PoolOptions, 'threads'>): Promise<Float64Array>;
  destroy(): Promise<void>;
}

/** Runs timed in this thread before deciding whether worker threads are worth starting. */
const PROBE_RUNS = 20;
/** Jobs projected to finish faster than this stay in this thread (a worker takes about a second to start). */
const IN_THREAD_BELOW_MS = 1500;

interface Task {
  spec: MonteCarloSpec;
  from: number;
  to: number;
  resolve: (out: Float64Array) => void;
  reject: (e: Error) => void;
}

/**
 * Starts `threads` workers (default: every core) on first use; with 1 thread everything runs in this thread.
 * Plain worker_threads with a shared queue: each idle worker takes the next range.
 */
export function createMonteCarloPool(threads = availableParallelism()): MonteCarloPool {
  const size = Math.max(1, threads);
  const queue: Task[] = [];
  const workers: { worker: Worker; task: Task | null }[] = [];
  let nextId = 0;
  const dispatch = () => {
    for (const w of workers) {
      if (w.task || queue.length === 0) continue;
      const task = queue.shift()!;
      w.task = task;
      w.worker.postMessage({ id: nextId++, spec: task.spec, from: task.from, to: task.to });
    }
  };
  const entry = workerEntry('monte-carlo-thread.worker');
  const start = () => {
    while (workers.length < size) {
      const slot: { worker: Worker; task: Task | null } = {
        worker: new Worker(entry.filename, { argv: entry.argv }),
        task: null,
      };
      slot.worker.on('message', (m: { out?: Float64Array; error?: string }) => {
        const task = slot.task!;
        slot.task = null;
        if (m.error !== undefined) task.reject(new Error(`Monte Carlo worker failed: ${m.error}`));
        else task.resolve(m.out!);
        dispatch();
      });
      slot.worker.on('error', (e) => {
        slot.task?.reject(e);
        slot.task = null;
      });
      workers.push(slot);
    }
  };
  const runInWorker = (spec: MonteCarloSpec, from: number, to: number) =>
    new Promise<Float64Array>((resolve, reject) => {
      start();
      queue.push({ spec, from, to, resolve, reject });
      dispatch();
    });
  const outcomesOf = async (spec: MonteCarloSpec, options: Omit<PoolOptions, 'threads'> = {}) => {
    assertRuns(spec.runs);
    const dims = spec.input.dimensions.length;
    const chunk = options.chunk ?? Math.max(1, Math.ceil(spec.runs / (size * 16)));
    const outcomes = new Float64Array(spec.runs * dims);
    let done = 0;
    const finished = (from: number, to: number, part: Float64Array) => {
      outcomes.set(part, from * dims);
      done += to - from;
      options.onProgress?.(done, spec.runs);
    };
    // Probe in this thread: when the whole job would take less than starting workers costs, stay here.
    const probe = Math.min(spec.runs, PROBE_RUNS);
    const t0 = performance.now();
    finished(0, probe, runMonteCarloRange(spec, 0, probe));
    const projected = ((performance.now() - t0) / probe) * (spec.runs - probe);
    const rest = splitRuns(spec.runs - probe, chunk).map(([a, b]) => [a + probe, b + probe] as const);
    if (size === 1 || projected < (options.inThreadBelowMs ?? IN_THREAD_BELOW_MS)) {
      for (const [from, to] of rest) finished(from, to, runMonteCarloRange(spec, from, to));
    } else {
      await Promise.all(
        rest.map(async ([from, to]) => finished(from, to, await runInWorker(spec, from, to))),
      );
    }
    return outcomes;
  };
  return {
    async run(spec, options = {}) {
      return summariseMonteCarlo(spec, await outcomesOf(spec, options));
    },
    outcomes: outcomesOf,
    async destroy() {
      const all = workers.splice(0);
      await Promise.all(all.map((w) => w.worker.terminate()));
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
