/**
 * The embedded SQLite connection, made safe for a second process (the CLI while the server runs) writing the
 * same file:
 * - write transactions begin IMMEDIATE, so a transaction that read first cannot fail to upgrade to a write
 *   lock (SQLITE_BUSY_SNAPSHOT, which no busy timeout retries);
 * - a busy lock is waited for asynchronously (retries with backoff up to `busyTimeoutMs`), not in SQLite's
 *   blocking busy handler, so the event loop keeps answering meanwhile; after that the error goes to the
 *   caller (HTTP: 503 with Retry-After);
 * - an existing file that is empty or not a SQLite database is refused with a clear message, never
 *   re-initialised (that would lose whatever it held).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { StoreOpenError } from './errors.js';

/** How long a write waits for another process's lock before giving up (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const SQLITE_HEADER = 'SQLite format 3\u0000';

const isBusy = (err: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown })?.code ?? ''));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `op`, retrying while SQLite reports the database busy, until `timeoutMs` has passed. */
export async function retryBusy<T>(op: () => Promise<T>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      return await op();
    } catch (err) {
      if (!isBusy(err) || Date.now() + wait > until) throw err;
      await sleep(wait);
    }
  }
}

/** Why an existing database file cannot be used as it is, or null when it looks like a SQLite database. */
export function inspectSqliteFile(file: string): { reason: 'empty' | 'corrupt'; detail: string } | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  if (size === 0) return { reason: 'empty', detail: 'is empty (0 bytes)' };
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER)
    return {
      reason: 'corrupt',
      detail: `is not a SQLite database (${size} bytes without the SQLite header)`,
    };
  return null;
}

const REPAIR_HINT =
  'nothing was changed; run `redline store check` to see what is wrong and `redline store repair` to back it up and rebuild it';

/** Opens the file with the guards above; SQLite's own open errors become StoreOpenError with a hint. */
export function openSqliteFile(file: string, busyTimeoutMs: number): SqliteDatabase.Database {
  const bad = inspectSqliteFile(file);
  if (bad) throw new StoreOpenError(`the database ${file} ${bad.detail}; ${REPAIR_HINT}`, bad.reason);
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file);
    // Short: the blocking wait inside SQLite stalls the event loop; longer waits are async retries.
    sqlite.pragma('busy_timeout = 50');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // Reads the schema, so a damaged file is found now rather than on the first request.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return sqlite;
  } catch (err) {
    sqlite?.close();
    throw describeOpenError(err, file, busyTimeoutMs);
  }
}

function describeOpenError(err: unknown, file: string, busyTimeoutMs: number): Error {
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return new StoreOpenError(`the database ${file} is damaged (${message}); ${REPAIR_HINT}`, 'corrupt');
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) || /EACCES|EROFS|EPERM/.test(code))
    return new StoreOpenError(
      `the database ${file} cannot be opened for writing (${message}); redline needs to write it and the files beside it (-wal, -shm): check the permissions of the file and its folder, or point --data elsewhere`,
      'readonly',
    );
  if (isBusy(err))
    return new StoreOpenError(
      `the database ${file} is locked by another process (waited ${busyTimeoutMs} ms); try again when it is done`,
      'locked',
    );
  return err instanceof Error ? err : new Error(message);
}

/** Delegates to kysely's SQLite driver; transactions begin IMMEDIATE; statements retry while busy. */
class RetryingSqliteDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly busyTimeoutMs: number,
  ) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    const { sqlite, busyTimeoutMs } = this;
    return {
      // Inside a transaction the IMMEDIATE lock is already held; a statement there is not retried alone.
      executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        return sqlite.inTransaction
          ? conn.executeQuery<R>(q)
          : retryBusy(() => conn.executeQuery<R>(q), busyTimeoutMs);
      },
      streamQuery: conn.streamQuery.bind(conn),
    };
  }
  async beginTransaction(conn: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export class RetryingSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database: sqlite });
  }
  override createDriver(): Driver {
    return new RetryingSqliteDriver(
      new SqliteDriver({ database: this.sqlite }),
      this.sqlite,
      this.busyTimeoutMs,
    );
  }
}
