/** Errors the store raises for expected conditions; adapters map them (HTTP: 404, 409, 503). */

export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} "${id}" does not exist`);
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/**
 * The store cannot be opened or used as it is (empty, corrupt or read-only file, database unreachable). Never
 * "fixed" silently: the message says what is wrong and what to run (`redline store check|repair`).
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(
    message: string,
    readonly reason: 'empty' | 'corrupt' | 'readonly' | 'unreachable' | 'locked',
  ) {
    super(message);
  }
}

/** How a database failure should be reported: busy (try again soon), unavailable (broken or unreachable). */
export type StoreFailure = 'busy' | 'unavailable';

/**
 * Classifies a driver error. SQLite: BUSY/LOCKED are another writer holding the lock (after the busy
 * timeout); CORRUPT, NOTADB, READONLY, IOERR, CANTOPEN, FULL mean the file cannot serve. PostgreSQL:
 * serialization failures, deadlocks and lock timeouts are "busy"; connection failures are "unavailable".
 */
export function storeFailure(err: unknown): StoreFailure | undefined {
  if (err instanceof StoreOpenError) return err.reason === 'locked' ? 'busy' : 'unavailable';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
  if (/^SQLITE_(CORRUPT|NOTADB|READONLY|IOERR|CANTOPEN|FULL|PERM)/.test(code)) return 'unavailable';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'busy';
  if (/^(08|57P0[1-3]|53)/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')
    return 'unavailable';
  return undefined;
}
