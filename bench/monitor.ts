/**
 * Monitoring benchmark (issue 10): 50 feeds × 50 items on a loopback server, one full cycle of
 * `redline watch` (fetch, parse, clean, de-duplicate, extract, compare with the case) on the embedded store
 * with the in-process job runner; then CYCLES more cycles in which every feed gains one item and drops its
 * oldest (50 new items per cycle), with the heap measured after a forced GC to see that memory stays flat.
 * Items are synthetic ~2 KB articles (bench/generators/evidence-corpus.ts, 10 % syndicated copies) carried
 * in full in the feeds (content:encoded), against the bundled example case.
 * Run: node --expose-gc --import tsx bench/monitor.ts [cycles=100]   (npm run bench -- monitor)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCase } from '../src/index.js';
import { openStore } from '../src/adapters/store/index.js';
import { monitorRepository } from '../src/adapters/monitor/repo.js';
import { runCycle, watchQueue } from '../src/adapters/monitor/watch.js';
import { syntheticCorpus } from './generators/evidence-corpus.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 50);
const PER_FEED = 50;
const CYCLES = Number(process.argv[2] ?? 100);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  // Heap figures need a forced GC: run again with it exposed (npm run bench starts scripts without it).
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

const corpus = syntheticCorpus(FEEDS * PER_FEED + CYCLES * FEEDS, 7, 2000, 0.1);

let version = 0;
/** Indices of feed k's items at the current version: its 50 base items, then one more per cycle, oldest dropped. */
function itemsOf(k: number): number[] {
  const base = Array.from({ length: PER_FEED }, (_, i) => k * PER_FEED + i);
  const added = Array.from({ length: version }, (_, c) => FEEDS * PER_FEED + c * FEEDS + k);
  return [...base, ...added].slice(-PER_FEED);
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function feedXml(k: number): string {
  const items = itemsOf(k).map((i) => {
    const a = corpus[i]!;
    const html = a.text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${esc(l)}</p>`)
      .join('');
    return `<item><guid>item-${i}</guid><title>Item ${i}</title><link>http://wire.invalid/${i}</link><pubDate>${new Date(`${a.date}T09:00:00Z`).toUTCString()}</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire ${k}</title>${items.join('')}</channel></rss>`;
}

const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!m) {
    res.statusCode = 404;
    res.end();
    return;
  }
  const etag = `"${m[1]}-${version}"`;
  res.setHeader('etag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/rss+xml');
  res.end(feedXml(Number(m[1])));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-monitor-'));
const store = await openStore({ dataDir: dir });
const yaml = readFileSync('examples/ukraine-2025/case.yaml', 'utf8');
const parsed = parseCase(yaml);
if (!parsed.ok) throw new Error('example case does not parse');
const caseId = parsed.case.id;
await store.cases.create(caseId, { title: parsed.case.title, yaml, case: parsed.case });
const repo = monitorRepository(store);
for (let k = 0; k < FEEDS; k++)
  await repo.sources.add(caseId, { kind: 'url', location: `${base}/feed/${k}.xml`, everySeconds: 900 });
const queue = watchQueue(store, undefined);
await queue.start();
// All feeds are on one host here; the politeness delay (1 s by default, per host) would only measure itself.
const cycleOpts = { caseId, all: true, policy: { politenessMs: 0, respectRobots: false } };

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
let t0 = performance.now();
const first = await runCycle(store, queue, cycleOpts);
const firstMs = performance.now() - t0;
const newItems = first.runs.reduce((s, r) => s + r.itemsNew, 0);
const devs = first.runs.reduce((s, r) => s + r.developments, 0);
const bad = first.runs.filter((r) => r.status !== 'ok');
const phase = (k: 'collect' | 'ingest' | 'assess') =>
  first.runs.reduce((s, r) => s + (r.ms?.[k] ?? 0), 0) / 1000;
console.log(
  `phases: list ${phase('collect').toFixed(2)} s, ingest ${phase('ingest').toFixed(2)} s, compare ${phase('assess').toFixed(2)} s; failed: ${JSON.stringify(bad.map((r) => r.error))}`,
);
console.log(
  `first cycle: ${FEEDS} feeds × ${PER_FEED} items → ${newItems} items ingested, ${devs} developments new or updated, ${bad.length} failed sources, in ${(firstMs / 1000).toFixed(2)} s (target ≤ 10 s)`,
);

const heap: Array<[number, number, number]> = [];
const times: number[] = [];
for (let c = 1; c <= CYCLES; c++) {
  version = c;
  t0 = performance.now();
  const r = await runCycle(store, queue, cycleOpts);
  times.push(performance.now() - t0);
  const fresh = r.runs.reduce((s, x) => s + x.itemsNew, 0);
  if (fresh !== FEEDS)
    throw new Error(
      `cycle ${c}: expected ${FEEDS} new items, got ${fresh}: ${JSON.stringify(r.runs.slice(0, 2))}`,
    );
  if (c === 1 || c % 10 === 0) {
    gc?.();
    const m = process.memoryUsage();
    heap.push([c, m.heapUsed, m.rss]);
    console.log(
      `cycle ${c}: ${(times[times.length - 1]! / 1000).toFixed(2)} s; heap after GC ${mb(m.heapUsed)}, rss ${mb(m.rss)}`,
    );
  }
}
await queue.stop();
const items = (await repo.items.list(caseId)).length;
await store.close();
server.close();
rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
console.log(
  `${CYCLES} further cycles (${FEEDS} new items each): median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(2)} s; ${items} items in the ledger`,
);
console.log(
  `heap after GC / rss by cycle: ${heap.map(([c, h, r]) => `${c}: ${mb(h)} / ${mb(r)}`).join(', ')}`,
);
const growth = heap.length > 2 ? (heap[heap.length - 1]![1] - heap[1]![1]) / 1048576 : 0;
console.log(
  `heap growth from cycle ${heap[1]?.[0]} to ${heap[heap.length - 1]?.[0]}: ${growth.toFixed(1)} MB`,
);
