/**
 * Benchmark of the evidence pipeline (issue 5): clean + de-duplicate + extract (sentences, dates, actors,
 * issues, events, claims) on synthetic ~5 KB articles, one core. Target: ≥ 200 articles/s per core.
 * Run: npx tsx bench/evidence-pipeline.ts [articles=2000]
 */
import { analyseArticle, contentHash, createEvidenceModel, NearDuplicateIndex } from '../src/index.js';
import { syntheticCorpus } from './generators/evidence-corpus.js';

const n = Number(process.argv[2] ?? 2000);
const corpus = syntheticCorpus(n, 7);
const bytes = corpus.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const model = createEvidenceModel({
  actors: [
    { id: 'russia', name: 'Russia', kind: 'state' },
    { id: 'ukraine', name: 'Ukraine', kind: 'state' },
    { id: 'usa', name: 'United States', kind: 'state' },
    { id: 'eu', name: 'European Union', kind: 'organisation' },
    { id: 'turkey', name: 'Turkey', kind: 'state' },
  ],
  issues: [
    { id: 'nato', name: 'NATO membership' },
    { id: 'security', name: 'Security guarantees' },
    { id: 'sanctions', name: 'Sanctions relief' },
    { id: 'ceasefire', name: 'Ceasefire' },
    { id: 'territory', name: 'Territory', keywords: ['territorial concessions', 'the Donbas', 'territory'] },
    { id: 'prisoners', name: 'Prisoner exchange' },
  ],
});

// Warm-up: the wink model loads once (~80 ms) and the JIT settles.
for (const a of corpus.slice(0, 50)) analyseArticle(a, model);

const index = new NearDuplicateIndex(n);
const seen = new Map<string, number>();
let events = 0;
let claims = 0;
let duplicates = 0;
let wrongClusters = 0;
const canonical: number[] = [];
const heap0 = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
corpus.forEach((article, i) => {
  const a = analyseArticle(article, model);
  const exact = seen.get(a.contentHash);
  let cluster = i;
  if (exact !== undefined) cluster = exact;
  else if (a.signature) {
    const best = index.query(a.signature, 0.7)[0];
    if (best) cluster = canonical[best.index]!;
    else canonical[index.add(a.signature)] = i;
  }
  if (cluster !== i) duplicates++;
  seen.set(a.contentHash, cluster);
  // A copy should land in the cluster of the story it copies (follow the chain of copies to its origin).
  let origin = i;
  while (corpus[origin]!.copyOf >= 0) origin = corpus[origin]!.copyOf;
  if (cluster !== origin && !(cluster === i && origin === i)) wrongClusters++;
  events += a.events.length;
  claims += a.claims.length;
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const rate = (n / ms) * 1000;
const copies = corpus.filter((a) => a.copyOf >= 0).length;
console.log(`articles ${n}, mean ${(bytes / n / 1024).toFixed(1)} KB, ${copies} syndicated copies`);
console.log(
  `clean + dedupe + extract: ${ms.toFixed(0)} ms → ${rate.toFixed(0)} articles/s on one core (target ≥ 200; ratio ${(rate / 200).toFixed(2)}×)`,
);
console.log(
  `CPU time ${cpuMs.toFixed(0)} ms → ${((n / cpuMs) * 1000).toFixed(0)} articles per CPU-second (wall-clock figures suffer when other processes share the cores; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`,
);
console.log(
  `throughput ${(((bytes / ms) * 1000) / 1048576).toFixed(2)} MB/s; ${events} events, ${claims} claims; ${duplicates} flagged duplicates, ${wrongClusters} assigned to a wrong cluster`,
);
console.log(
  `heap growth ${((process.memoryUsage().heapUsed - heap0) / 1048576).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
);
void contentHash;
