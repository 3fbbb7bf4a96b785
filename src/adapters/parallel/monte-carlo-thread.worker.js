// Worker thread of the Monte Carlo pool: registers tsx (workers do not inherit the parent's loader), then
// computes ranges of runs of the pure engine and sends the outcome buffers back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runMonteCarloRange } = await import('../../index.ts');

// Messages posted before this listener exists wait in the port, so none is lost during start-up.
parentPort.on('message', ({ id, spec, from, to }) => {
  try {
    const out = runMonteCarloRange(spec, from, to);
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
