/** Runs Monte Carlo ranges in one worker thread, so a server running jobs in-process stays responsive. */
import { Piscina } from 'piscina';
import type { MonteCarloSpec } from '../../../index.js';

let pool: Piscina | undefined;

export async function runRange(spec: MonteCarloSpec, from: number, to: number): Promise<Float64Array> {
  pool ??= new Piscina({
    filename: new URL('../../parallel/monte-carlo.worker.js', import.meta.url).href,
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
