/** Table types of the core store and the Kysely connection for SQLite (embedded) or PostgreSQL. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { DEFAULT_BUSY_TIMEOUT_MS, openSqliteFile, RetryingSqliteDialect } from './sqlite-connection.js';

export type DialectName = 'sqlite' | 'postgres';

export interface CasesTable {
  id: string;
  title: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseVersionsTable {
  case_id: string;
  version: number;
  title: string;
  yaml: string;
  /** The parsed case as JSON text (what the engines read). */
  json: string;
  message: string | null;
  author: string | null;
  created_at: string;
}

export interface AnalysisResultsTable {
  id: string;
  case_id: string;
  case_version: number;
  kind: string;
  params: string;
  result: string;
  job_id: string | null;
  created_at: string;
}

export interface JobsTable {
  id: string;
  case_id: string | null;
  kind: string;
  params: string;
  status: string;
  progress: number;
  message: string | null;
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  parts: number;
  parts_done: number;
  cancel_requested: number;
  idempotency_key: string | null;
  locked_by: string | null;
  locked_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One committed share of a job's work; (job_id, part) is unique, so a retried part is recorded once. */
export interface JobPartsTable {
  job_id: string;
  part: number;
  result: string;
  worker: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  role: string;
  hash: string;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface CoreDatabase {
  cases: CasesTable;
  case_versions: CaseVersionsTable;
  analysis_results: AnalysisResultsTable;
  jobs: JobsTable;
  job_parts: JobPartsTable;
  api_tokens: ApiTokensTable;
}

export const DEFAULT_DATA_DIR = '.redline-data';
export const SQLITE_FILE = 'redline.sqlite';

/**
 * Opens the embedded SQLite database in `dataDir` (created if missing), WAL mode for concurrent readers. An
 * existing file that is empty, damaged or read-only is refused (StoreOpenError); see sqlite-connection.ts.
 */
export function connectSqlite(
  dataDir: string,
  busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS,
): {
  db: Kysely<CoreDatabase>;
  location: string;
  /** Changes whenever another connection (another process) commits; see `PRAGMA data_version`. */
  dataVersion: () => number;
} {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  const sqlite = openSqliteFile(file, busyTimeoutMs);
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  return {
    db: new Kysely<CoreDatabase>({ dialect: new RetryingSqliteDialect(sqlite, busyTimeoutMs) }),
    location: file,
    dataVersion: () => Number(dataVersion.get()),
  };
}

/** Connects to PostgreSQL through a small pool. */
export function connectPostgres(databaseUrl: string): { db: Kysely<CoreDatabase>; location: string } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return {
    db: new Kysely<CoreDatabase>({ dialect: new PostgresDialect({ pool }) }),
    location: redactUrl(databaseUrl),
  };
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
