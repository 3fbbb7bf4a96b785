/**
 * The store: one repository interface over SQLite (embedded default, a file in the data folder) or PostgreSQL
 * (when a database URL is given), with a migration registry other modules add to.
 *
 * Evidence hook: if `./evidence-repo.ts` exists it is loaded by `openStore` and must export
 *   - `evidenceMigrations: StoreMigration[]` (names like "0100-evidence-…"), run with the core ones;
 *   - `createEvidenceRepository(db: Kysely<CoreDatabase>, ctx: StoreContext)` returning its repository
 *     (exposed as `store.evidence`; it may use `db.withTables<…>()` for its own tables);
 *   - optionally `jobHandlers: Record<string, JobHandler>` from src/adapters/jobs (e.g. `ingest`).
 */
import type { Kysely } from 'kysely';
import {
  connectPostgres,
  connectSqlite,
  DEFAULT_DATA_DIR,
  type CoreDatabase,
  type DialectName,
} from './database.js';
import { migrateToLatest, registerMigrations, type StoreMigration } from './migrations.js';
import { caseScopedTables, createCaseRepository, type CaseRepository } from './case-repo.js';
import { createAnalysisRepository, type AnalysisRepository } from './analysis-repo.js';
import { createJobRepository, type JobRepository } from './job-repo.js';
import { createTokenRepository, type TokenRepository } from './token-repo.js';
import { StoreOpenError, storeFailure } from './errors.js';

export * from './database.js';
export * from './migrations.js';
export * from './pagination.js';
export * from './errors.js';
export type * from './case-repo.js';
export type * from './analysis-repo.js';
export type * from './job-repo.js';
export type * from './token-repo.js';
export { hashToken } from './token-repo.js';
export { TERMINAL_STATUSES } from './job-repo.js';

export interface OpenStoreOptions {
  /** Folder for the embedded database; default `.redline-data`. Ignored when `databaseUrl` is set. */
  dataDir?: string | undefined;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
  /** Clock for timestamps (ISO strings); tests pass a fixed one. */
  now?: () => string;
  /** Extra migrations to run (tests; other modules may also call `registerMigrations`). */
  migrations?: StoreMigration[];
  /** SQLite: how long a write waits for another process's lock before failing as busy (default 5000 ms). */
  busyTimeoutMs?: number;
}

export interface StoreContext {
  dialect: DialectName;
  now: () => string;
}

/** What a module plugged into the store (evidence) exports; see the note at the top of this file. */
export interface StorePlugin {
  evidenceMigrations?: StoreMigration[];
  createEvidenceRepository?: (db: Kysely<CoreDatabase>, ctx: StoreContext) => unknown;
  jobHandlers?: Record<string, unknown>;
}

export interface Store {
  db: Kysely<CoreDatabase>;
  dialect: DialectName;
  /** The file or (password-free) URL the store uses, for messages. */
  location: string;
  now: () => string;
  cases: CaseRepository;
  analyses: AnalysisRepository;
  jobs: JobRepository;
  tokens: TokenRepository;
  /**
   * A token that changes whenever any case may have changed (SQLite: a save here or a commit by another
   * process); null where no cheap token exists (PostgreSQL), meaning "ask the database".
   */
  casesChangeToken(): string | null;
  /** The evidence repository when the evidence module is installed, else undefined. */
  evidence: unknown;
  /** The loaded plugin module, if any (job handlers live there). */
  plugin: StorePlugin | undefined;
  close(): Promise<void>;
}

let pluginPromise: Promise<StorePlugin | undefined> | undefined;

/** Loads ./evidence-repo.ts if it exists; a missing file is normal, any other failure is reported. */
export function loadStorePlugin(): Promise<StorePlugin | undefined> {
  pluginPromise ??= (async () => {
    try {
      // A literal specifier, so the CLI bundle (esbuild) includes the module instead of looking for it beside a chunk.
      return (await import('./evidence-repo.js')) as StorePlugin;
    } catch (err) {
      const code = (err as { code?: string }).code;
      const message = err instanceof Error ? err.message : String(err);
      if (code === 'ERR_MODULE_NOT_FOUND' && message.includes('evidence-repo')) return undefined;
      if (
        /Cannot find module|Failed to load url|Does the file exist/i.test(message) &&
        message.includes('evidence-repo')
      )
        return undefined;
      throw err;
    }
  })();
  return pluginPromise;
}

/** Opens (and migrates) the store. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date().toISOString());
  const dialect: DialectName = options.databaseUrl ? 'postgres' : 'sqlite';
  const conn: { db: Kysely<CoreDatabase>; location: string; dataVersion?: () => number } = options.databaseUrl
    ? connectPostgres(options.databaseUrl)
    : connectSqlite(options.dataDir ?? DEFAULT_DATA_DIR, options.busyTimeoutMs);
  const { db, location } = conn;
  const writes = { cases: 0 };
  try {
    const plugin = await loadStorePlugin();
    if (plugin?.evidenceMigrations) registerMigrations(plugin.evidenceMigrations);
    if (options.migrations) registerMigrations(options.migrations);
    await migrateToLatest(db, dialect).catch((err: unknown) => {
      throw describeStoreFailure(err, location);
    });
    const ctx: StoreContext = { dialect, now };
    let tables: Promise<string[]> | undefined;
    // Looked up once: the schema only changes by migrations, which ran above.
    const caseTables = () => (tables ??= caseScopedTables(db, dialect));
    return {
      db,
      dialect,
      location,
      now,
      cases: createCaseRepository(db, now, () => writes.cases++, caseTables),
      casesChangeToken: conn.dataVersion ? () => `${conn.dataVersion!()}:${writes.cases}` : () => null,
      analyses: createAnalysisRepository(db, now),
      jobs: createJobRepository(db, now),
      tokens: createTokenRepository(db, now),
      evidence: plugin?.createEvidenceRepository ? plugin.createEvidenceRepository(db, ctx) : undefined,
      plugin,
      close: () => db.destroy(),
    };
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }
}

/** A failure while opening (migrating) the store as a StoreOpenError that says what to do. */
function describeStoreFailure(err: unknown, location: string): unknown {
  if (err instanceof StoreOpenError || !storeFailure(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return new StoreOpenError(
      `the database ${location} is damaged (${message}); nothing was changed; run \`redline store check\` and \`redline store repair\``,
      'corrupt',
    );
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code))
    return new StoreOpenError(
      `the database ${location} cannot be written (${message}); check the permissions of the file and its folder`,
      'readonly',
    );
  if (/^SQLITE_(BUSY|LOCKED)/.test(code))
    return new StoreOpenError(`the database ${location} is locked by another process (${message})`, 'locked');
  return new StoreOpenError(`the database ${location} cannot be reached (${message})`, 'unreachable');
}
