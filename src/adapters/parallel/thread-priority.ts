/**
 * Lowers the scheduling priority of the calling worker thread (Linux: setpriority on the thread id), so on a
 * busy machine the server's own thread gets the CPU first and keeps answering while jobs compute. Elsewhere,
 * or without permission, it does nothing.
 */
import { setPriority } from 'node:os';

export function lowerThreadPriority(niceness = 10): void {
  try {
    // pid 0 is the calling thread on Linux.
    setPriority(0, niceness);
  } catch {
    /* not permitted or not supported: run at normal priority */
  }
}
