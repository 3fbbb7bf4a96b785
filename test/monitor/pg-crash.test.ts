/**
 * Exactly once across a crash, on PostgreSQL: `redline watch --once` (graphile-worker in the process) is
 * killed with SIGKILL while it ingests a feed's linked pages; run again, it waits out the dead worker's lease
 * and finishes. The items, documents and developments then equal those of a clean run on a fresh database.
 * Skipped without DATABASE_URL_TEST (`source .ci/postgres.sh && start_throwaway_postgres`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import { openStore } from '../../src/adapters/store/index.js';
import type { EvidenceRepository } from '../../src/adapters/store/evidence-repo.js';
import { monitorRepository } from '../../src/adapters/monitor/repo.js';
import { createPgDatabase, PG_URL } from '../store/backends.js';
import { CASE_YAML } from './fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));
const ITEMS = 24;

/** Distinct text per item (a seeded walk over a word list), so no two pages are near-duplicates. */
function pageText(n: number): string {
  const words =
    'border talks envoy summit truce line corridor grain port drone energy grid reactor prisoners exchange guarantee troops observers referendum'.split(
      ' ',
    );
  let x = n * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < 120; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(words[x % words.length]!);
  }
  const lead =
    n % 3 === 0
      ? 'Russia accepted full NATO membership for Ukraine in a surprise move.'
      : n % 3 === 1
        ? 'Ukraine rejected full NATO membership on Tuesday, officials said.'
        : 'The United States demanded sanctions relief for Moscow.';
  return `<html><head><title>Report ${n}</title><meta property="article:published_time" content="2025-09-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00Z"></head><body><article><h1>Report ${n}</h1><p>${lead}</p><p>Report ${n}: ${out.join(' ')}.</p></article></body></html>`;
}

let site: Server;
let siteUrl: string;
let dir: string;
const dbs: Array<{ url: string; drop(): Promise<void> }> = [];

beforeAll(async () => {
  if (!PG_URL) return;
  dir = mkdtempSync(join(tmpdir(), 'redline-pgcrash-'));
  writeFileSync(join(dir, 'case.yaml'), CASE_YAML);
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/feed.xml') {
      const items = Array.from(
        { length: ITEMS },
        (_, n) =>
          `<item><guid>item-${n}</guid><title>Report ${n}</title><link>${siteUrl}/story/${n}</link><description>teaser ${n}</description></item>`,
      );
      res.setHeader('content-type', 'application/rss+xml');
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Crash wire</title>${items.join('')}</channel></rss>`,
      );
      return;
    }
    const m = /^\/story\/(\d+)$/.exec(path);
    if (m) {
      // Slow pages: the kill lands in the middle of the run.
      setTimeout(() => {
        res.setHeader('content-type', 'text/html');
        res.end(pageText(Number(m[1])));
      }, 120);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (!PG_URL) return;
  await new Promise<void>((r) => site.close(() => r()));
  for (const d of dbs) await d.drop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

function watch(databaseUrl: string) {
  const proc = spawn(
    process.execPath,
    [
      BIN,
      'watch',
      join(dir, 'case.yaml'),
      '--once',
      '--json',
      '--source',
      `${siteUrl}/feed.xml`,
      '--politeness',
      '0s',
      '--no-robots',
      '--lease',
      '2s',
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, done, output: () => out };
}

async function snapshot(databaseUrl: string) {
  const store = await openStore({ databaseUrl });
  try {
    const repo = monitorRepository(store);
    const ev = store.evidence as EvidenceRepository;
    const items = (await repo.items.list('watch-test')).map((i) => `${i.key} ${i.docId} ${i.outcome}`).sort();
    const docs = (await ev.listDocuments('watch-test', 10_000)).map((d) => `${d.id} ${d.clusterId}`).sort();
    const claims = (await ev.listClaims('watch-test', { limit: 10_000 })).map((c) => c.id).sort();
    const devs = (await repo.developments.list('watch-test'))
      .map(
        (d) =>
          `${d.id} ${d.evidence
            .map((l) => l.itemId)
            .sort()
            .join(',')}`,
      )
      .sort();
    const unassessed = await repo.items.unassessed('watch-test');
    return { items, docs, claims, devs, unassessed: unassessed.length };
  } finally {
    await store.close();
  }
}

async function count(databaseUrl: string): Promise<number> {
  const store = await openStore({ databaseUrl });
  try {
    return (await monitorRepository(store).items.list('watch-test')).length;
  } finally {
    await store.close();
  }
}

describeIf(!!PG_URL, NEEDS.postgres)('watch killed mid-run on PostgreSQL', () => {
  it('loses and duplicates nothing: the item set after a restart equals a clean run', async () => {
    const crashed = await createPgDatabase(PG_URL!);
    const clean = await createPgDatabase(PG_URL!);
    dbs.push(crashed, clean);

    const first = watch(crashed.url);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && first.proc.exitCode === null) {
      if ((await count(crashed.url).catch(() => 0)) >= 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(first.proc.exitCode, first.output()).toBeNull(); // still running: the kill is mid-run
    first.proc.kill('SIGKILL');
    await first.done;
    const partial = await count(crashed.url);
    expect(partial).toBeGreaterThanOrEqual(5);
    expect(partial).toBeLessThan(ITEMS);

    const second = watch(crashed.url);
    expect(await second.done, second.output()).toBe(0);
    const reference = watch(clean.url);
    expect(await reference.done, reference.output()).toBe(0);

    const a = await snapshot(crashed.url);
    const b = await snapshot(clean.url);
    expect(a.items).toHaveLength(ITEMS);
    expect(a.items).toEqual(b.items);
    expect(a.docs).toEqual(b.docs);
    expect(a.claims).toEqual(b.claims);
    expect(a.devs).toEqual(b.devs);
    expect(a.unassessed).toBe(0);
  }, 180_000);
});
