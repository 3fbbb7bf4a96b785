/**
 * Parser bombs (#14 item 5): time and peak memory of refusing each hostile case text, each in its own
 * process so peak RSS is the bomb's alone. Also the server's answer to a 1.8 MB bracket bomb through
 * /api/validate and a case save (in-process fastify inject). `npm run bench -- parse-bombs`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCase } from '../src/case/parse.js';

const BOMBS: Record<string, () => string> = {
  'brackets 2 MB': () => '['.repeat(1_000_000) + ']'.repeat(1_000_000),
  'open brackets 2 MB': () => '['.repeat(2_000_000),
  'braces 1.5 MB': () => '{a: '.repeat(300_000) + '}'.repeat(300_000),
  'blocks 1,800 levels': () =>
    Array.from({ length: 1800 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
  'dashes 100,000': () => '- '.repeat(100_000) + '1\n',
  'flow list 200,000 items': () =>
    `format: 1\nx: [${Array.from({ length: 200_000 }, (_, i) => i).join(', ')}]\n`,
  'keys 100,000': () => `format: 1\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`,
  'anchor 100,000 × 10 aliases': () =>
    `a: &a [${'x,'.repeat(100_000)}]\nb: [${Array(10).fill('*a').join(',')}]\n`,
  'billion laughs': () =>
    [
      'l0: &l0 [lol]',
      ...Array.from(
        { length: 9 },
        (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
      ),
    ].join('\n'),
};

async function one(name: string): Promise<void> {
  const text = BOMBS[name]!();
  const t0 = performance.now();
  const r = parseCase(text);
  const ms = performance.now() - t0;
  const first = r.ok ? 'accepted' : `${r.issues[0]!.code} at ${r.issues[0]!.line}:${r.issues[0]!.column}`;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${name.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms  peak RSS ${peak.toFixed(0).padStart(5)} MB  ${first}`,
  );
}

async function server(): Promise<void> {
  const { openStore } = await import('../src/adapters/store/index.js');
  const { createJobQueue } = await import('../src/adapters/jobs/index.js');
  const { buildApp } = await import('../src/adapters/server/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'redline-bombs-'));
  const store = await openStore({ dataDir: dir });
  const jobs = createJobQueue(store, { offThread: false });
  const app = await buildApp({ store, jobs, auth: { required: false }, webDist: join(dir, 'none') });
  await app.ready();
  const brackets = '['.repeat(900_000) + ']'.repeat(900_000);
  const bodies: [string, string, string][] = [
    ['/api/validate', '{ yaml: 1.8 MB brackets }', JSON.stringify({ yaml: brackets })],
    ['/api/cases', '{ yaml: 1.8 MB brackets }', JSON.stringify({ yaml: brackets })],
    ['/api/cases', 'case object 900,000 deep', `{"format":1,"id":"d","title":${brackets}}`],
  ];
  for (const [url, what, payload] of bodies) {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json' },
    });
    console.log(`POST ${url} ${what}: HTTP ${res.statusCode} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  console.log(`server peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const [mode, name] = process.argv.slice(2);
if (mode === 'one') await one(name!);
else if (mode === 'server') await server();
else {
  for (const bomb of Object.keys(BOMBS))
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/parse-bombs.ts', 'one', bomb], {
      stdio: 'inherit',
    });
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/parse-bombs.ts', 'server'], { stdio: 'inherit' });
}
