/**
 * Benchmark of near-duplicate lookup through the evidence store (SQLite, the embedded default) with many
 * stored articles: the band-key table is filled directly (fast bulk load of synthetic signatures, the same
 * rows `saveDocument` writes), then `nearDuplicates` is timed for copies of stored articles and for fresh
 * ones. Target: lookups stay fast at 1 million stored articles.
 * Run: npx tsx bench/evidence-store.ts [stored=1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bandKeys, createRandom, minhashSignature, SIGNATURE_SIZE } from '../src/index.js';
import { openStore } from '../src/adapters/store/index.js';
import type { EvidenceRepository } from '../src/adapters/store/evidence-repo.js';
import { syntheticCorpus } from './generators/evidence-corpus.js';

const stored = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'redline-evidence-bench-'));
const CASE = 'bench';
{
  const store = await openStore({ dataDir: dir });
  await store.close();
}
const sqlite = new Database(join(dir, 'redline.sqlite'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = OFF');
const insDoc = sqlite.prepare(
  `INSERT INTO evidence_documents (case_id, id, content_hash, date_source, origin, language, cluster_id, duplicate_kind, similarity, text, segments, signature, removed, warnings, created_at)
   VALUES (?, ?, ?, 'none', 'bench', 'en', ?, 'unique', 0, '', '[]', ?, '{}', '[]', '2026-01-01')`,
);
const insKey = sqlite.prepare('INSERT INTO evidence_lsh (case_id, band_key, doc_id) VALUES (?, ?, ?)');
const r = createRandom(5);
const sig = new Uint16Array(SIGNATURE_SIZE);
let t0 = performance.now();
const batch = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) sig[k] = r.int(65536);
    const id = `d-${i.toString(16).padStart(12, '0')}`;
    insDoc.run(CASE, id, id.slice(2), id, Buffer.from(sig.buffer).toString('base64'));
    for (const key of bandKeys(sig)) insKey.run(CASE, key, id);
  }
});
for (let i = 0; i < stored; i += 50_000) batch(i, Math.min(stored, i + 50_000));
sqlite.close();
console.log(
  `bulk-loaded ${stored.toLocaleString('en')} documents (${(stored * 16).toLocaleString('en')} band keys) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

const store = await openStore({ dataDir: dir });
const repo = store.evidence as EvidenceRepository;
const originals = syntheticCorpus(200, 3, 5000, 0);
for (const [i, a] of originals.entries())
  await repo.saveDocument(CASE, {
    id: `d-real-${i}`,
    contentHash: `real${i}`,
    dateSource: 'none',
    origin: `real-${i}`,
    language: 'en',
    clusterId: `d-real-${i}`,
    duplicateKind: 'unique',
    similarity: 0,
    text: a.text,
    segments: [],
    signature: minhashSignature(a.text)!,
    removed: {},
    warnings: [],
    events: [],
    claims: [],
  });
const copies = originals.map((a, i) => minhashSignature(`Syndicated ${i}\n${a.text}\nShare this article`)!);
const fresh = syntheticCorpus(200, 4, 5000, 0).map((a) => minhashSignature(a.text)!);
t0 = performance.now();
let found = 0;
for (const [i, s] of copies.entries())
  if ((await repo.nearDuplicates(CASE, s, 0.7))[0]?.doc.id === `d-real-${i}`) found++;
const copyMs = (performance.now() - t0) / copies.length;
t0 = performance.now();
let wrong = 0;
for (const s of fresh) if ((await repo.nearDuplicates(CASE, s, 0.7)).length) wrong++;
const freshMs = (performance.now() - t0) / fresh.length;
console.log(
  `copies: ${found}/${copies.length} found, ${copyMs.toFixed(2)} ms per lookup; fresh: ${wrong}/${fresh.length} wrongly matched, ${freshMs.toFixed(2)} ms per lookup`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
