/**
 * Runs every benchmark under bench/ one after another, each in its own process so one's memory and JIT state
 * do not colour the next. `npm run bench` or `npm run bench -- smp gmcr` for a subset (matched by file name).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv.slice(2);
const scripts = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== bench/${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${script} exited with ${r.status ?? r.signal}`);
  }
}
console.log(`\n${scripts.length - failed} benchmarks ran, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
