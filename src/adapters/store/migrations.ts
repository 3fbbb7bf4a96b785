/**
 * The migration registry: the core store's migrations plus any other module's (evidence adds its own).
 * Names sort in the order they run; use a four-digit prefix and a module word ("0100-evidence-documents").
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './database.js';
import { coreMigrations } from './migrations/0001-core.js';
import { monitorMigrations } from './migrations/0200-monitor.js';

export interface StoreMigration {
  /** Unique, sortable name such as "0001-core"; never rename a migration once released. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations build tables not yet in any type
  up(db: Kysely<any>, ctx: { dialect: DialectName }): Promise<void>;
}

const registry = new Map<string, StoreMigration>();
for (const m of [...coreMigrations, ...monitorMigrations]) registry.set(m.name, m);

/** Adds migrations to the registry (idempotent for the same object; a different one with the same name is an error). */
export function registerMigrations(migrations: readonly StoreMigration[]): void {
  for (const m of migrations) {
    const existing = registry.get(m.name);
    if (existing && existing !== m)
      throw new Error(`store/migrations: two different migrations are named "${m.name}"`);
    registry.set(m.name, m);
  }
}

export function registeredMigrations(): StoreMigration[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs every registered migration not yet applied; Kysely's lock keeps concurrent processes from racing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of registeredMigrations()) out[m.name] = { up: (d) => m.up(d, { dialect }) };
      return out;
    },
  };
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    migrationTableName: 'redline_migrations',
    migrationLockTableName: 'redline_migrations_lock',
  });
  // SQLite has no migration lock across processes: when two open a fresh file at once, the loser's
  // transaction fails on a table the winner just made and rolls back whole; trying again finds it applied.
  let { error, results } = await migrator.migrateToLatest();
  for (let attempt = 1; error && dialect === 'sqlite' && attempt <= 5; attempt++) {
    await new Promise((r) => setTimeout(r, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `store: migration ${failed ? `"${failed.migrationName}" ` : ''}failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
