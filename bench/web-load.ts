/**
 * Dashboard first-load benchmark: builds the production bundle, prints every JS chunk's gzipped size and
 * the JS a first visit downloads, then times cold loads of the example case in headless Chromium against
 * `redline serve`. Targets (issue 6): first load under 1 s, JavaScript under 500 KB gzipped.
 * Run: `npx tsx bench/web-load.ts [--runs N] [--no-build]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launch } from '../test/e2e/support/browser.js';
import { ROOT, startServer } from '../test/e2e/support/server.js';
import { ensureExampleCase } from '../test/e2e/support/fixtures.js';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const DIST = join(ROOT, 'web/dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (!args.includes('--no-build')) {
  process.env.NODE_ENV = 'production';
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

const gz = new Map<string, { raw: number; gzip: number }>();
for (const f of readdirSync(join(DIST, 'assets'))) {
  const buf = readFileSync(join(DIST, 'assets', f));
  gz.set(`assets/${f}`, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
}
const js = [...gz.entries()].filter(([f]) => f.endsWith('.js')).sort((a, b) => b[1].gzip - a[1].gzip);
const allJs = js.reduce((s, [, v]) => s + v.gzip, 0);
console.log('JavaScript chunks (gzip -9):');
for (const [f, v] of js)
  console.log(`  ${f.padEnd(46)} ${kb(v.raw).padStart(10)} raw ${kb(v.gzip).padStart(10)} gz`);
console.log(
  `  all JavaScript: ${kb(allJs)} gzipped (budget 500 KB) — ${allJs < 500 * 1024 ? 'within' : 'OVER'} budget`,
);

const server = await startServer();
const caseId = await ensureExampleCase(server.url);
const browser = await launch();
const views: [string, string][] = [
  ['overview', '[data-testid="proposal-list"]'],
  ['positions', '[data-testid="position-map"] .chart svg'],
  ['proposal', '[data-testid="redline-matrix"] .chart svg'],
];
try {
  for (const [view, ready] of views) {
    const times: number[] = [];
    const fcps: number[] = [];
    let firstJs = 0;
    for (let k = 0; k < runs; k++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } }); // cold cache every run
      const page = await context.newPage();
      // Time inside the page: the moment the view's content first exists, from navigation start.
      await page.addInitScript((selector: string) => {
        const w = window as unknown as { __ready?: number };
        new MutationObserver((_, obs) => {
          if (w.__ready === undefined && document.querySelector(selector)) {
            w.__ready = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }, ready);
      const requested = new Set<string>();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname.replace(/^\//, '');
        if (path.endsWith('.js')) requested.add(path);
      });
      await page.goto(`${server.url}/#/case/${caseId}/${view}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      const t = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      );
      times.push(t);
      fcps.push(fcp);
      firstJs = [...requested].reduce((s, f) => s + (gz.get(f)?.gzip ?? 0), 0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `first load of ${view.padEnd(9)}: median ${median.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms ` +
        `(to content drawn, ${runs} cold loads; first contentful paint median ${fcps.sort((a, b) => a - b)[Math.floor(fcps.length / 2)]!.toFixed(0)} ms); ` +
        `JS downloaded ${kb(firstJs)} gz — ${median < 1000 ? 'under' : 'OVER'} the 1 s target`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
