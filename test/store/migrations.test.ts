/** The migration registry: plugins add migrations that run once, and concurrent openers do not race. */
import { afterAll, describe, expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import { sql } from 'kysely';
import {
  openStore,
  registeredMigrations,
  registerMigrations,
  type StoreMigration,
} from '../../src/adapters/store/index.js';
import { BACKENDS } from './backends.js';

const extra: StoreMigration = {
  name: '0900-test-notes',
  async up(db) {
    await db.schema
      .createTable('test_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body', 'text')
      .execute();
  },
};

describe('migration registry', () => {
  it('keeps migrations in name order and refuses two different ones with the same name', () => {
    registerMigrations([extra]);
    registerMigrations([extra]);
    const names = registeredMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('0001-core');
    expect(() => registerMigrations([{ ...extra }])).toThrow(/two different migrations/);
  });
});

for (const { backend, skip } of BACKENDS) {
  describeIf(!skip, NEEDS.postgres)(`migrations on ${backend.name}`, () => {
    const disposers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const d of disposers.reverse()) await d();
    });

    it('lets two processes open a fresh store at once; each migration runs once', async () => {
      const loc = await backend.fresh();
      disposers.push(loc.dispose);
      const [a, b] = await Promise.all([
        openStore({ ...loc.options, migrations: [extra] }),
        openStore({ ...loc.options, migrations: [extra] }),
      ]);
      disposers.push(
        () => a.close(),
        () => b.close(),
      );
      await a.db
        .withTables<{ test_notes: { id: string; body: string | null } }>()
        .insertInto('test_notes')
        .values({ id: 'n1', body: 'x' })
        .execute();
      const applied = await sql<{ name: string }>`select name from redline_migrations order by name`.execute(
        a.db,
      );
      const names = applied.rows.map((r) => r.name);
      expect(names.filter((n) => n === '0900-test-notes')).toHaveLength(1);
      expect(names).toContain('0001-core');
      // Reopening runs nothing new and keeps the data.
      const c = await openStore({ ...loc.options, migrations: [extra] });
      disposers.push(() => c.close());
      expect(
        await c.db
          .withTables<{ test_notes: { id: string } }>()
          .selectFrom('test_notes')
          .select('id')
          .execute(),
      ).toEqual([{ id: 'n1' }]);
    });
  });
}
