/**
 * Vitest global setup: tests that spawn `bin/redline.js` run the compiled CLI bundle (dist/cli/bundle), so
 * rebuild it (esbuild, ~1 s) when any source file is newer than it — a targeted `npx vitest run` after an
 * edit must not test yesterday's bundle.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE_ENTRY = join(ROOT, 'dist/cli/bundle/entry.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (!e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function bundleTime(): number {
  try {
    return statSync(BUNDLE_ENTRY).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const sources = Math.max(
    newestSource(join(ROOT, 'src')),
    statSync(join(ROOT, 'scripts/build-cli.mjs')).mtimeMs,
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  if (bundleTime() >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
}
