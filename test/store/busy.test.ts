/**
 * A second process writing the same embedded database (the CLI while the server runs): the server waits for
 * the lock without blocking its event loop, answers 503 with Retry-After when the lock outlasts the busy
 * timeout, and never 500. The other writer is a real child process with its own SQLite connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore, SQLITE_FILE, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, type JobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp } from '../../src/adapters/server/index.js';
import { SMALL_CASE_YAML } from '../server/helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A child holding the write lock: `hold` ms per transaction, `rounds` times, reading before writing as a
 * deferred transaction does. Prints "locked" once it first holds the lock.
 */
function otherWriter(
  file: string,
  hold: number,
  rounds: number,
): { proc: ChildProcess; locked: Promise<void> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 10000');
    const spin = (ms) => { const t = Date.now() + ms; while (Date.now() < t); };
    for (let i = 0; i < ${rounds}; i++) {
      db.exec('BEGIN IMMEDIATE');
      db.prepare("SELECT count(*) FROM cases").get();
      db.prepare("UPDATE cases SET updated_at = ? WHERE id = 'other'").run(String(i));
      if (i === 0) process.stdout.write('locked\\n');
      spin(${hold});
      db.exec('COMMIT');
      spin(2);
    }
    db.close();
  `;
  const proc = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    proc.on('exit', (code) => code !== 0 && reject(new Error(`writer exited ${code}`)));
  });
  return { proc, locked };
}
const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)));

describe('SQLite busy: another process holds the write lock', () => {
  let dir: string;
  let store: Store;
  let jobs: JobQueue;
  let app: FastifyInstance;
  const json = { 'content-type': 'application/json' };
  const save = (message: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/cases/small',
      headers: json,
      payload: JSON.stringify({ yaml: SMALL_CASE_YAML, message }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-busy-'));
    store = await openStore({ dataDir: dir, busyTimeoutMs: 1500 });
    jobs = createJobQueue(store, { offThread: false });
    app = await buildApp({ store, jobs, webDist: join(dir, 'none') });
    for (const yaml of [SMALL_CASE_YAML, SMALL_CASE_YAML.replace('id: small', 'id: other')]) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: json,
        payload: JSON.stringify({ yaml }),
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for a short lock without blocking the event loop, then saves', async () => {
    const w = otherWriter(join(dir, SQLITE_FILE), 600, 1);
    await w.locked;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = Date.now();
    const res = await save('after the lock');
    const waited = Date.now() - started;
    clearInterval(timer);
    await exited(w.proc);
    expect(res.statusCode, res.body).toBe(200);
    expect(waited).toBeGreaterThan(300);
    // A blocking wait would have let no timer run; an async one lets many.
    expect(ticks).toBeGreaterThan(5);
  });

  it('answers 503 with Retry-After when the lock outlasts the busy timeout, and changes nothing', async () => {
    const before = (await app.inject({ url: '/api/cases/small' })).json().version;
    const w = otherWriter(join(dir, SQLITE_FILE), 3000, 1);
    await w.locked;
    const res = await save('must not land');
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().code).toBe('store_busy');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await exited(w.proc);
    expect((await app.inject({ url: '/api/cases/small' })).json().version).toBe(before);
  });

  it('loses no save and answers no 500 while another process writes in read-then-write transactions', async () => {
    const w = otherWriter(join(dir, SQLITE_FILE), 3, 600);
    await w.locked;
    const before = (await app.inject({ url: '/api/cases/small' })).json().version;
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await save(`stress ${i}`)).statusCode);
    await exited(w.proc);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect((await app.inject({ url: '/api/cases/small' })).json().version).toBe(before + 60);
  }, 120_000);
});
