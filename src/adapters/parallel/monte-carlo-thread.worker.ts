// Worker thread of the Monte Carlo pool: computes ranges of runs of the pure engine and sends the outcome
// buffers back (transferred, not copied). Started through worker-entry.ts.
import { parentPort } from 'node:worker_threads';
import { runMonteCarloRange, type MonteCarloSpec } from '../../engines/bargaining/index.js';

interface RangeMessage {
  id: number;
  spec: MonteCarloSpec;
  from: number;
  to: number;
}

const port = parentPort!;
// Messages posted before this listener exists wait in the port, so none is lost during start-up.
port.on('message', ({ id, spec, from, to }: RangeMessage) => {
  try {
    const out = runMonteCarloRange(spec, from, to);
    port.postMessage({ id, out }, [out.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
