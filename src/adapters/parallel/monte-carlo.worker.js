// Piscina task module for Monte Carlo ranges (used by the job runner's off-thread pool): registers tsx
// (workers do not inherit the parent's loader) and runs one range of runs of the pure engine.
import { register } from 'tsx/esm/api';

register();
const { runMonteCarloRange } = await import('../../index.ts');

/** Runs [from, to) of `spec` and returns the outcomes buffer. */
export default function runRange({ spec, from, to }) {
  return runMonteCarloRange(spec, from, to);
}
