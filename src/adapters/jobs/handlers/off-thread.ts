/** Runs Monte Carlo ranges in one worker thread, so a server running jobs in-process stays responsive. */
import { Piscina } from 'piscina';
import type { MonteCarloSpec } from '../../../index.js';
import { workerEntry } from '../../parallel/worker-entry.js';

let pool: Piscina | undefined;

export async function runRange(spec: MonteCarloSpec, from: number, to: number): Promise<Float64Array> {
  const entry = workerEntry('monte-carlo.worker');
  pool ??= new Piscina({
    filename: entry.filename.href,
    argv: entry.argv,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  // A thread that dies (a load error) fails the task that was running; the server must live on.
  pool.on('error', () => {});
  return (await pool.run({ spec, from, to })) as Float64Array;
}

export async function closeThreads(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
