// Development only (sources run under tsx or vitest): a worker thread does not inherit the parent's loader, so
// this bootstrap registers tsx, then imports the TypeScript worker module named in the last argument and
// re-exports its default (piscina's task function). See worker-entry.ts.
import { register } from 'tsx/esm/api';

register();
const mod = await import(process.argv[process.argv.length - 1]);
export default mod.default;
