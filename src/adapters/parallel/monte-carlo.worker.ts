// Piscina task module for Monte Carlo ranges (used by the job runner's off-thread pool): runs one range of
// runs of the pure engine. Started through worker-entry.ts.
import { runMonteCarloRange, type MonteCarloSpec } from '../../engines/bargaining/index.js';

/** Runs [from, to) of `spec` and returns the outcomes buffer. */
export default function runRange({ spec, from, to }: { spec: MonteCarloSpec; from: number; to: number }) {
  return runMonteCarloRange(spec, from, to);
}
