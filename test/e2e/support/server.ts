/**
 * Starts `redline serve` on a free loopback port with a throw-away data folder, for the browser tests.
 * REDLINE_E2E_MOCK=1 swaps in the development mock (test/e2e/support/mock-api.ts) — for working on the
 * dashboard before the server exists; the suite itself runs against the real server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLE = join(ROOT, 'examples/ukraine-2025/case.yaml');

export interface RunningServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  log: () => string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs = 45_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`redline serve exited with code ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`redline serve did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

export async function startServer(): Promise<RunningServer> {
  if (process.env.REDLINE_E2E_MOCK === '1') {
    const { startMockApi } = await import('./mock-api.js');
    const mock = await startMockApi(0);
    return { url: mock.url, dataDir: '', stop: mock.close, log: () => '' };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL; // the embedded store; PostgreSQL is covered by the storage suite
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/redline.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const log = () => output.slice(-4000);
  await waitForHealth(url, child, log);
  return {
    url,
    dataDir,
    log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            r(undefined);
          }, 5_000);
          child.once('exit', () => {
            clearTimeout(t);
            r(undefined);
          });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON request against the running server; throws with the problem detail on a non-2xx answer. */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    // As the dashboard does: the server refuses changes without it (CSRF).
    headers: {
      'x-redline-request': '1',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function exampleYaml(): string {
  return readFileSync(EXAMPLE, 'utf8');
}
