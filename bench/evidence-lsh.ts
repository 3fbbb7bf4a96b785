/**
 * Benchmark of near-duplicate lookup at scale (issue 5): 1,000,000 stored MinHash signatures in the in-memory
 * LSH index (16 bands × 4 rows of 16-bit minima), then lookups of copies and of fresh articles. Signatures
 * of stored documents are drawn directly (random minima: what distinct documents look like to MinHash);
 * the probes are real signatures of synthetic articles and of their edited copies. Target: lookups stay
 * fast (well under a millisecond) at 1 M documents.
 * Run: npx tsx bench/evidence-lsh.ts [stored=1000000]
 */
import { createRandom, minhashSignature, NearDuplicateIndex, SIGNATURE_SIZE } from '../src/index.js';
import { syntheticCorpus } from './generators/evidence-corpus.js';

const stored = Number(process.argv[2] ?? 1_000_000);
const r = createRandom(42);
const rss0 = process.memoryUsage().rss;
const index = new NearDuplicateIndex(stored + 2000);
const sig = new Uint16Array(SIGNATURE_SIZE);
let t0 = performance.now();
for (let i = 0; i < stored; i++) {
  for (let k = 0; k < SIGNATURE_SIZE; k++) sig[k] = r.int(65536);
  index.add(sig);
}
const insertMs = performance.now() - t0;
console.log(
  `stored ${stored.toLocaleString('en')} signatures in ${(insertMs / 1000).toFixed(1)} s (${((stored / insertMs) * 1000).toFixed(0)} per s); rss +${((process.memoryUsage().rss - rss0) / 1048576).toFixed(0)} MB`,
);

// Real articles: 1,000 originals added, then their copies (with furniture and a few edits) and 1,000 fresh ones looked up.
const originals = syntheticCorpus(1000, 3, 5000, 0);
const fresh = syntheticCorpus(1000, 4, 5000, 0);
const ids: number[] = [];
for (const a of originals) ids.push(index.add(minhashSignature(a.text)!));
const copies = originals.map(
  (a, i) =>
    `Syndicated by Wire ${i}\n${a.text.replace(/ on (Monday|Tuesday)/g, ' this week')}\nShare this article`,
);
const probeSigs = copies.map((t) => minhashSignature(t)!);
const freshSigs = fresh.map((a) => minhashSignature(a.text)!);

t0 = performance.now();
let found = 0;
probeSigs.forEach((s, i) => {
  if (index.query(s, 0.7)[0]?.index === ids[i]) found++;
});
const copyMs = performance.now() - t0;
t0 = performance.now();
let falseHits = 0;
for (const s of freshSigs) if (index.query(s, 0.7).length > 0) falseHits++;
const freshMs = performance.now() - t0;
console.log(
  `copies: ${found}/${copies.length} found, ${((copyMs / copies.length) * 1000).toFixed(0)} µs per lookup`,
);
console.log(
  `fresh articles: ${falseHits}/${fresh.length} wrongly matched, ${((freshMs / fresh.length) * 1000).toFixed(0)} µs per lookup`,
);
console.log(
  `index size ${index.size.toLocaleString('en')}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
);
