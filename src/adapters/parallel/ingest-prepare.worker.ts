// Piscina task module (started through worker-entry.ts): lowers this thread's priority before loading the
// task code, so even the loading yields the CPU to the server's thread (see thread-priority.ts).
import { lowerThreadPriority } from './thread-priority.js';

lowerThreadPriority();
const task = await import('./ingest-prepare-task.js');

export default task.default;
