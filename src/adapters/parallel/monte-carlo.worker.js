// Worker thread of the Monte Carlo pool: registers tsx (workers do not inherit the parent's loader) and runs
// one range of runs of the pure engine.
import { register } from 'tsx/esm/api';

register();
const { runMonteCarloRange } = await import('../../index.ts');

/** Runs [from, to) of `spec` and returns the outcomes buffer (transferred, not copied). */
export default function runRange({ spec, from, to }) {
  const out = runMonteCarloRange(spec, from, to);
  return out;
}
