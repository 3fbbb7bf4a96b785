/**
 * `redline store check|repair` for the embedded database: verify a file without changing it, and rebuild a
 * damaged one after backing it up. Repair copies every row that can still be read into a freshly migrated
 * database and swaps it in; the original stays beside it, byte for byte, so nothing is lost by repairing.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SQLITE_FILE } from './database.js';
import { inspectSqliteFile } from './sqlite-connection.js';

export interface CheckReport {
  file: string;
  ok: boolean;
  exists: boolean;
  bytes: number;
  problems: string[];
  /** Rows per core table, where they could be counted. */
  counts: Record<string, number>;
}

const COUNTED = ['cases', 'case_versions', 'analysis_results', 'jobs', 'job_parts', 'api_tokens'];

/** Verifies the database in `dataDir` without writing to it (read-only connection). */
export function checkSqliteStore(dataDir: string): CheckReport {
  const file = join(resolve(dataDir), SQLITE_FILE);
  const report: CheckReport = {
    file,
    ok: false,
    exists: existsSync(file),
    bytes: 0,
    problems: [],
    counts: {},
  };
  if (!report.exists) {
    report.problems.push('there is no database file (a new one is created on first use)');
    return report;
  }
  report.bytes = statSync(file).size;
  const bad = inspectSqliteFile(file);
  if (bad) {
    report.problems.push(`the file ${bad.detail}`);
    return report;
  }
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    for (const r of integrity) if (r.integrity_check !== 'ok') report.problems.push(r.integrity_check);
    const fk = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    for (const r of fk) report.problems.push(`a row of ${r.table} refers to a missing row of ${r.parent}`);
    for (const t of COUNTED) {
      try {
        report.counts[t] = Number(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get());
      } catch (err) {
        report.problems.push(`table ${t} cannot be read: ${(err as Error).message}`);
      }
    }
  } catch (err) {
    report.problems.push(`the database cannot be read: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

export interface RepairReport {
  file: string;
  repaired: boolean;
  /** Where the original was copied (with its -wal/-shm), or null when nothing needed repair. */
  backup: string | null;
  /** Rows copied per table into the rebuilt database. */
  salvaged: Record<string, number>;
  /** Tables whose rows could not all be read (the error), the rest of their rows were copied. */
  lost: Record<string, string>;
  check: CheckReport;
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/**
 * Repairs the database in `dataDir`: nothing happens when the check passes; otherwise the file (and its -wal
 * and -shm) is copied to `redline.sqlite.broken-<time>`, a fresh database is built by `createFresh` (the
 * store's migrations) in a temporary folder, every readable row is copied in, and it replaces the original.
 */
export async function repairSqliteStore(
  dataDir: string,
  createFresh: (dir: string) => Promise<void>,
  now = new Date(),
): Promise<RepairReport> {
  const dir = resolve(dataDir);
  const file = join(dir, SQLITE_FILE);
  const before = checkSqliteStore(dir);
  const report: RepairReport = {
    file,
    repaired: false,
    backup: null,
    salvaged: {},
    lost: {},
    check: before,
  };
  if (before.ok || !before.exists) return report;
  const backup = `${file}.broken-${stamp(now)}`;
  copyFileSync(file, backup);
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) copyFileSync(file + ext, backup + ext);
  report.backup = backup;

  const work = mkdtempSync(join(dir, '.repair-'));
  try {
    await createFresh(work);
    const fresh = new SqliteDatabase(join(work, SQLITE_FILE));
    try {
      fresh.pragma('foreign_keys = OFF');
      if (!inspectSqliteFile(file)) salvageRows(file, fresh, report);
      fresh.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      fresh.close();
    }
    for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
    renameSync(join(work, SQLITE_FILE), file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.repaired = true;
  report.check = checkSqliteStore(dir);
  return report;
}

/** Copies each table's readable rows (columns both schemas share) from the damaged file into `fresh`. */
function salvageRows(file: string, fresh: SqliteDatabase.Database, report: RepairReport): void {
  let old: SqliteDatabase.Database;
  try {
    old = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    report.lost['*'] = (err as Error).message;
    return;
  }
  try {
    const tables = fresh
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
      )
      .pluck()
      .all() as string[];
    // FTS5 keeps its data in shadow tables (name_data, name_idx, …); the virtual table is copied instead.
    const virtual = new Set(
      fresh
        .prepare("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        .pluck()
        .all() as string[],
    );
    const shadow = (t: string) => [...virtual].some((v) => t.startsWith(`${v}_`));
    for (const table of tables.filter((t) => !shadow(t))) {
      const cols = (fresh.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      let oldCols: string[];
      try {
        oldCols = (old.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      } catch (err) {
        report.lost[table] = (err as Error).message;
        continue;
      }
      const shared = cols.filter((c) => oldCols.includes(c));
      if (shared.length === 0) continue;
      const list = shared.map((c) => `"${c}"`).join(', ');
      const insert = fresh.prepare(
        `INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${shared.map(() => '?').join(', ')})`,
      );
      // Rows up to the first unreadable page are kept; the error is reported for that table.
      const rows: unknown[][] = [];
      try {
        for (const row of old.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate())
          rows.push(row as unknown[]);
      } catch (err) {
        report.lost[table] = (err as Error).message;
      }
      let n = 0;
      fresh.transaction(() => {
        for (const row of rows) n += insert.run(...row).changes;
      })();
      report.salvaged[table] = n;
    }
  } finally {
    old.close();
  }
}
