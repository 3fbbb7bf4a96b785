/**
 * Ingest on the hostile inputs of issue #14 item 4 (test/hostile/articles.ts): for each, the time to read the
 * file, extract HTML, clean and analyse it (in process, one warm-up document first, median of 3), and the
 * outcome. Issue figures before this work (whole `redline ingest` runs): 3,000 nested divs 79 s, 1 MB of
 * <script> openings 42 s, a 100 KB sentence without punctuation 27.6 s, a 9.5 MB single line 17 min.
 * `npx tsx bench/ingest-hostile.ts`
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDocument } from '../src/adapters/ingest/batch.js';
import { readInputs } from '../src/adapters/ingest/sources.js';
import { createEvidenceModel, parseCase } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { namedProbes } from '../test/hostile/articles.js';

const parsed = parseCase(readFileSync('examples/ukraine-2025/case.yaml', 'utf8'));
if (!parsed.ok) throw new Error('example case invalid');
const model = createEvidenceModel(parsed.case);
const dir = mkdtempSync(join(tmpdir(), 'redline-bench-hostile-'));

async function once(path: string): Promise<{ ms: number; outcome: string }> {
  const t0 = performance.now();
  let outcome = '';
  for await (const item of readInputs([path])) {
    const p = prepareDocument(item, model);
    outcome =
      p.kind === 'outcome'
        ? `${p.outcome.status} ${p.outcome.code ?? ''}`.trim()
        : `analysed, ${p.doc.events.length} events, ${p.doc.claims.length} claims`;
  }
  return { ms: performance.now() - t0, outcome };
}

try {
  const probes = namedProbes();
  const warm = join(dir, 'warm.txt');
  writeFileSync(warm, 'Russia and Ukraine met in Geneva on Monday, officials said.');
  await once(warm);
  console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
  console.log('| input | size | median ms (of 3) | outcome |');
  console.log('|---|---:|---:|---|');
  for (const p of probes) {
    const path = join(dir, p.name);
    writeFileSync(path, p.content);
    const runs = [await once(path), await once(path), await once(path)];
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
    console.log(
      `| ${p.probe} | ${(p.content.length / 1024).toFixed(0)} KB | ${ms.toFixed(0)} | ${runs[0]!.outcome} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
