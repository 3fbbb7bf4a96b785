/**
 * How to start one of this folder's worker modules. Compiled (dist/, or the CLI bundle, where every worker is
 * an entry next to the chunk that starts it) the worker is the `.js` file beside this module. Run from the
 * TypeScript sources (tests, `npm run dev`) a worker thread does not inherit the parent's tsx loader, so it
 * starts tsx-worker.js, which registers tsx and imports the `.ts` module named in its last argument.
 */
export interface WorkerEntry {
  filename: URL;
  argv: string[];
}

export type WorkerName =
  'monte-carlo-thread.worker' | 'monte-carlo.worker' | 'stability.worker' | 'ingest-prepare.worker';

export function workerEntry(name: WorkerName): WorkerEntry {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { filename: new URL(`./${name}.js`, here), argv: [] };
  return { filename: new URL('./tsx-worker.js', here), argv: [new URL(`./${name}.ts`, here).href] };
}
