/** `redline serve` and `redline worker` as a user runs them: address printed, example loaded, tokens, refusals. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';

const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redline-serve-'));
const env = { ...process.env, NO_COLOR: '1', DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redline serve', () => {
  it('prints its address, imports the example on first start and answers on it', async () => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', join(dir, 'data')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        proc.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('Press Ctrl+C')) resolve(text);
        });
        proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
      });
      const url = /Redline is running at (http:\/\/localhost:\d+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toContain('imported the example case "ukraine-2025"');
      const cases = (await (await fetch(`${url}/api/cases`)).json()) as { items: { id: string }[] };
      expect(cases.items.map((c) => c.id)).toEqual(['ukraine-2025']);
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.on('exit', r));
    }
  });

  it('creates a token and prints it once', async () => {
    const r = await runCli('serve', '--data', join(dir, 'data'), '--create-token', 'editor', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { role: string; token: string };
    expect(out.role).toBe('editor');
    expect(out.token).toMatch(/^rl_[A-Za-z0-9_-]{43}$/);
    const bad = await runCli('serve', '--data', join(dir, 'data'), '--create-token', 'admin');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('viewer" or "editor');
  });

  it('refuses a non-loopback host while no token exists, and a bad port', async () => {
    const fresh = join(dir, 'fresh');
    const r = await runCli('serve', '--host', '0.0.0.0', '--data', fresh);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--create-token');
    expect((await runCli('serve', '--port', 'eighty', '--data', fresh)).code).toBe(2);
  });

  it('worker refuses to start without DATABASE_URL', async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const r = await runCli('worker');
      expect(r.code).toBe(2);
      expect(r.err).toContain('DATABASE_URL');
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });
});
