/**
 * The server log: a 500 writes a JSON line carrying the request id that the problem response shows, tokens in
 * query strings never reach the log, and `redline serve --log-file` appends one line per request and answer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/index.js';
import { createJobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp, LogDestination } from '../../src/adapters/server/index.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LogLine {
  level: number;
  reqId?: string;
  msg?: string;
  err?: { message?: string; stack?: string };
  req?: { url?: string };
  res?: { statusCode?: number };
}

describe('server log', () => {
  it('logs a 500 with the request id shown in the problem response', async () => {
    const lines: string[] = [];
    const store = await openStore({ dataDir: join(dir, 'a') });
    const jobs = createJobQueue(store, { offThread: false });
    const app = await buildApp({
      store,
      jobs,
      webDist: join(dir, 'none'),
      logger: new LogDestination({ stderr: false, stream: { write: (l: string) => lines.push(l) } }),
    });
    try {
      // A fault no request can cause: the store failing in a way the server does not expect.
      store.cases.list = () => Promise.reject(new Error('disk gremlin for the log test'));
      const res = await app.inject({ url: '/api/cases' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('internal');
      expect(body.detail).toContain('the server log has the details');
      expect(body.detail).not.toContain('gremlin'); // internals stay in the log
      expect(typeof body.requestId).toBe('string');
      expect(res.headers['x-request-id']).toBe(body.requestId);
      const parsed = lines.map((l) => JSON.parse(l) as LogLine);
      const error = parsed.find((l) => l.level === 50 && l.reqId === body.requestId);
      expect(error, lines.join('')).toBeDefined();
      expect(error!.err?.message).toBe('disk gremlin for the log test');
      expect(error!.err?.stack).toContain('logging.test.ts');
      // The request's other lines (received, answered) carry the same id; other requests get other ids.
      expect(parsed.filter((l) => l.reqId === body.requestId).length).toBeGreaterThanOrEqual(2);
      const second = await app.inject({ url: '/api/health' });
      expect(second.headers['x-request-id']).not.toBe(body.requestId);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('never writes a query-string token to the log', async () => {
    const lines: string[] = [];
    const store = await openStore({ dataDir: join(dir, 'b') });
    const jobs = createJobQueue(store, { offThread: false });
    const app = await buildApp({
      store,
      jobs,
      auth: { required: true },
      webDist: join(dir, 'none'),
      logger: new LogDestination({ stderr: false, stream: { write: (l: string) => lines.push(l) } }),
    });
    try {
      const res = await app.inject({ url: '/api/jobs/j1/events?access_token=rl_supersecret&x=1' });
      expect(res.statusCode).toBe(401);
      const text = lines.join('');
      expect(text).toContain('/api/jobs/j1/events?access_token=[redacted]&x=1');
      expect(text).not.toContain('supersecret');
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('`redline serve --log-file` appends JSON lines with request ids', async () => {
    const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));
    const file = join(dir, 'logs', 'server.log');
    const proc = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--data', join(dir, 'c'), '--log-file', file],
      { env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        proc.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('Press Ctrl+C')) resolve(text);
        });
        proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${text}${stderr}`)));
      });
      const url = /Redline is running at (http:\/\/localhost:\d+)/.exec(out)![1]!;
      const res = await fetch(`${url}/api/cases/no-such-case`);
      expect(res.status).toBe(404);
      const id = res.headers.get('x-request-id');
      expect(id).toBeTruthy();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.on('exit', r));
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as LogLine);
      const mine = lines.filter((l) => l.reqId === id);
      expect(mine.some((l) => l.req?.url === '/api/cases/no-such-case')).toBe(true);
      expect(mine.some((l) => l.res?.statusCode === 404)).toBe(true);
      // The terminal shows warnings and errors only by default: a 404 is neither.
      expect(stderr).not.toContain(id!);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGTERM');
    }
  });
});
