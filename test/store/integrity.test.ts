/**
 * A damaged embedded database is never re-initialised or served as if healthy: an empty or corrupt file is
 * refused with a clear message (the file is left byte for byte as it was), `redline serve` on it (or on a
 * read-only one) exits with that message instead of a stack trace, `redline store check` reports it, and
 * `redline store repair` backs it up before rebuilding. /api/health fails with 503 when reads fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, SQLITE_FILE, StoreOpenError } from '../../src/adapters/store/index.js';
import { createJobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp } from '../../src/adapters/server/index.js';
import { runCli } from '../../src/adapters/cli/testing.js';

const root = mkdtempSync(join(tmpdir(), 'redline-integrity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

const doc = (id: string) => ({
  title: `Case ${id}`,
  yaml: `id: ${id}\n${'x: y\n'.repeat(400)}`,
  case: { id },
});

/** A valid store with `cases` cases of a few versions each, closed and checkpointed. */
async function populated(cases: number): Promise<string> {
  const dir = folder();
  const store = await openStore({ dataDir: dir });
  for (let i = 0; i < cases; i++) {
    await store.cases.create(`c${i}`, doc(`c${i}`));
    await store.cases.save(`c${i}`, doc(`c${i}`));
  }
  await store.close();
  return dir;
}

async function refusal(dir: string): Promise<StoreOpenError> {
  try {
    const s = await openStore({ dataDir: dir });
    await s.close();
  } catch (err) {
    return err as StoreOpenError;
  }
  throw new Error('the store opened');
}

describe('damaged embedded database', () => {
  it('refuses a zero-length file and leaves it as it was', async () => {
    const dir = folder();
    writeFileSync(join(dir, SQLITE_FILE), '');
    const err = await refusal(dir);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect(err.reason).toBe('empty');
    expect(err.message).toContain('is empty (0 bytes)');
    expect(err.message).toContain('redline store repair');
    expect(statSync(join(dir, SQLITE_FILE)).size).toBe(0);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const dir = folder();
    const junk = Buffer.from('this is not a database\n'.repeat(100));
    writeFileSync(join(dir, SQLITE_FILE), junk);
    const err = await refusal(dir);
    expect(err.reason).toBe('corrupt');
    expect(readFileSync(join(dir, SQLITE_FILE)).equals(junk)).toBe(true);
  });

  it('`redline serve` on an empty or corrupt database exits 3 with the message, no stack trace', async () => {
    const empty = folder();
    writeFileSync(join(empty, SQLITE_FILE), '');
    const r = await runCli('serve', '--port', '0', '--data', empty);
    expect(r.code).toBe(3);
    expect(r.err).toContain('is empty (0 bytes)');
    expect(r.err).not.toMatch(/\n\s+at /);
    const junk = folder();
    writeFileSync(join(junk, SQLITE_FILE), 'garbage'.repeat(1000));
    const j = await runCli('serve', '--port', '0', '--data', junk);
    expect(j.code).toBe(3);
    expect(j.err).toContain('is not a SQLite database');
  });

  it('`redline serve` on a read-only database exits 3 with a message about permissions', async () => {
    const dir = await populated(1);
    const file = join(dir, SQLITE_FILE);
    // root ignores file modes; the immutable attribute stops root too. Skip where neither works.
    let undo: () => void;
    if (process.getuid?.() !== 0) {
      execFileSync('chmod', ['a-w', file, dir]);
      undo = () => execFileSync('chmod', ['u+w', file, dir]);
    } else {
      try {
        execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
        execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
      } catch {
        console.warn('SKIPPED: cannot make a file read-only here (root without chattr)');
        return;
      }
      undo = () => {
        execFileSync('chattr', ['-i', dir]);
        execFileSync('chattr', ['-i', file]);
      };
    }
    try {
      const r = await runCli('serve', '--port', '0', '--data', dir);
      expect(r.code, r.err).toBe(3);
      expect(r.err).toContain('cannot be opened for writing');
      expect(r.err).toContain('permissions');
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      undo();
    }
  });

  it('`store check` passes a healthy store and reports a damaged one without changing it', async () => {
    const dir = await populated(3);
    const ok = await runCli('store', 'check', '--data', dir, '--json');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out);
    expect(report.ok).toBe(true);
    expect(report.counts.cases).toBe(3);
    expect(report.counts.case_versions).toBe(6);

    const empty = folder();
    writeFileSync(join(empty, SQLITE_FILE), '');
    const bad = await runCli('store', 'check', '--data', empty);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('is empty (0 bytes)');
    expect(statSync(join(empty, SQLITE_FILE)).size).toBe(0);
  });

  it('`store repair` backs up a damaged file byte for byte and rebuilds it from the readable rows', async () => {
    const dir = await populated(40);
    const file = join(dir, SQLITE_FILE);
    // Overwrite the pages at the end of the file (the last versions' text) with noise.
    const bytes = readFileSync(file);
    const pageSize = 4096;
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(20);
    for (let p = pages - 4; p < pages; p++) bytes.fill(0xa5, p * pageSize, (p + 1) * pageSize);
    writeFileSync(file, bytes);
    const damaged = readFileSync(file);

    const check = await runCli('store', 'check', '--data', dir, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out).problems.length).toBeGreaterThan(0);

    const r = await runCli('store', 'repair', '--data', dir, '--json');
    expect(r.code, r.out + r.err).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.repaired).toBe(true);
    expect(readFileSync(rep.backup).equals(damaged)).toBe(true);
    expect(rep.check.ok).toBe(true);
    expect(rep.salvaged.cases).toBeGreaterThan(0);
    // The rebuilt store opens and serves what was salvaged.
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.cases.count()).toBe(rep.salvaged.cases);
    } finally {
      await store.close();
    }
    // A second repair finds nothing to do.
    const again = await runCli('store', 'repair', '--data', dir);
    expect(again.out).toContain('nothing to repair');
  });

  it('`store repair` keeps an empty file as a backup and starts a new store', async () => {
    const dir = folder();
    writeFileSync(join(dir, SQLITE_FILE), '');
    const r = await runCli('store', 'repair', '--data', dir);
    expect(r.code, r.out + r.err).toBe(0);
    const backup = /kept as (\S+)/.exec(r.out)![1]!;
    expect(existsSync(backup)).toBe(true);
    expect(statSync(backup).size).toBe(0);
    const store = await openStore({ dataDir: dir });
    expect(await store.cases.count()).toBe(0);
    await store.close();
  });
});

describe('/api/health reads the store', () => {
  it('answers 503 when reads fail, not ok', async () => {
    const dir = folder();
    const store = await openStore({ dataDir: dir });
    const jobs = createJobQueue(store, { offThread: false });
    const app = await buildApp({ store, jobs, webDist: join(dir, 'none') });
    try {
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
      // Another connection (another process would do the same) breaks the schema under the server.
      const other = new SqliteDatabase(join(dir, SQLITE_FILE));
      other.exec('DROP TABLE case_versions');
      other.close();
      const res = await app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('store_unavailable');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await app.close();
      await store.close();
    }
  });
});
