/** The storage backends every store test runs on: SQLite in a temp folder, and PostgreSQL when DATABASE_URL_TEST is set. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type OpenStoreOptions, type Store } from '../../src/adapters/store/index.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store location. */
  fresh(): Promise<{ options: OpenStoreOptions; dispose(): Promise<void> }>;
}

export const PG_URL = process.env.DATABASE_URL_TEST;

const sqlite: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'redline-store-'));
    return { options: { dataDir: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** Creates a throwaway database on the test cluster so tests never see each other's rows. */
export async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `redline_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const postgres: Backend = {
  name: 'postgres',
  async fresh() {
    const db = await createPgDatabase(PG_URL!);
    return { options: { databaseUrl: db.url }, dispose: () => db.drop() };
  },
};

if (!PG_URL) {
  process.stderr.write(
    '\n*** DATABASE_URL_TEST is unset: the PostgreSQL half of the storage tests is SKIPPED. ' +
      'Run `source .ci/postgres.sh && start_throwaway_postgres` first to include it. ***\n\n',
  );
}

export const BACKENDS: { backend: Backend; skip: boolean }[] = [
  { backend: sqlite, skip: false },
  { backend: postgres, skip: !PG_URL },
];

/** Opens a fresh store on a backend; returns it and a cleanup. */
export async function freshStore(
  backend: Backend,
  extra: Partial<OpenStoreOptions> = {},
): Promise<{ store: Store; dispose(): Promise<void> }> {
  const loc = await backend.fresh();
  const store = await openStore({ ...loc.options, ...extra });
  return {
    store,
    async dispose() {
      await store.close();
      await loc.dispose();
    },
  };
}
