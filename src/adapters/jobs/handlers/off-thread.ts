/**
 * CPU-heavy job work in worker threads, so a server running jobs in-process (embedded mode) keeps answering
 * while Monte Carlo ranges, stability analyses or article analysis run. One lazily started pool per task
 * module, one thread each (the machine's other cores serve requests); idle threads exit after 30 s.
 */
import { Piscina } from 'piscina';
import type { MonteCarloSpec } from '../../../index.js';
import { workerEntry, type WorkerName } from '../../parallel/worker-entry.js';

const pools = new Map<string, Piscina>();

/** The pool running one of the worker modules of src/adapters/parallel (see worker-entry.ts). */
export function pool(name: WorkerName): Piscina {
  let p = pools.get(name);
  if (!p) {
    const entry = workerEntry(name);
    p = new Piscina({
      filename: entry.filename.href,
      argv: entry.argv,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
    });
    // A thread that dies (a load error, an aborted task) fails the task that was running; the server lives on.
    p.on('error', () => {});
    pools.set(name, p);
  }
  return p;
}

export async function runRange(spec: MonteCarloSpec, from: number, to: number): Promise<Float64Array> {
  return (await pool('monte-carlo.worker').run({ spec, from, to })) as Float64Array;
}

/** A stability report computed in a worker thread (same result as `stabilityReport`). */
export async function stabilityOffThread(task: unknown): Promise<unknown> {
  return pool('stability.worker').run(task);
}

export async function closeThreads(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
