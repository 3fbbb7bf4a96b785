/** The built dashboard is served from its folder: index.html at `/` and for client routes, assets as files, under the CSP. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp, CONTENT_SECURITY_POLICY } from '../../src/adapters/server/index.js';
import type { FastifyInstance } from 'fastify';

const dir = mkdtempSync(join(tmpdir(), 'redline-static-'));
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Redline dashboard</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dist, 'assets', 'app.js.gz'), gzipSync('console.log("app");'));
  store = await openStore({ dataDir: join(dir, 'data') });
  app = await buildApp({ store, jobs: createJobQueue(store, { offThread: false }), webDist: dist });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard files', () => {
  it('serves index.html at / and for client-side routes, with the CSP', async () => {
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.payload).toContain('Redline dashboard');
    expect(root.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const deep = await app.inject({ url: '/cases/ukraine-2025/forecast' });
    expect(deep.statusCode).toBe(200);
    expect(deep.payload).toContain('Redline dashboard');
  });

  it('serves assets as files and answers missing files and API paths with 404 problems', async () => {
    const js = await app.inject({ url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ url: '/../package.json' })).payload).not.toContain('"name": "redline"');
  });

  it('sends precompressed assets to browsers that accept them, cached for good; index.html revalidated', async () => {
    const gz = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await app.inject({ url: '/assets/app.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe('console.log("app");');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
  });
});
