/**
 * Benchmark of Monte Carlo forecasts (issue 3): 10,000 SMP runs of examples/ukraine-2025/case.yaml spread over
 * worker threads. Target: under 60 s on 2 cores. Also checks that the parallel result equals a sequential
 * run with the same seed (on a smaller run count, to keep the check short).
 * Run: npx tsx bench/monte-carlo.ts [runs] [threads]
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { monteCarlo, monteCarloSpecFor } from '../src/index.js';
import { loadCaseFile } from '../src/adapters/files/load-case.js';
import { runMonteCarloParallel } from '../src/adapters/parallel/monte-carlo-pool.js';

const runs = Number(process.argv[2] ?? 10_000);
const threads = Number(process.argv[3] ?? availableParallelism());
const file = fileURLToPath(new URL('../examples/ukraine-2025/case.yaml', import.meta.url));
const loaded = await loadCaseFile(file);
const c = loaded.case;

console.log(`case: ${c.id}; ${threads} worker thread(s) on ${availableParallelism()} core(s)`);
for (const model of ['smp', 'compromise', 'bdm'] as const) {
  const spec = monteCarloSpecFor(c, model, { runs, seed: 2025 });
  const t0 = performance.now();
  const summary = await runMonteCarloParallel(spec, { threads });
  const seconds = (performance.now() - t0) / 1000;
  const target = model === 'smp' ? ` (target < 60 s → ${(60 / seconds).toFixed(1)}× under target)` : '';
  console.log(
    `${model.padEnd(11)} ${runs.toLocaleString('en')} runs: ${seconds.toFixed(2)} s, ${((runs / seconds) | 0).toLocaleString('en')} runs/s, ${summary.failedRuns} failed${target}`,
  );
}

const check = monteCarloSpecFor(c, 'smp', { runs: 500, seed: 7 });
const same = isDeepStrictEqual(
  await runMonteCarloParallel(check, { threads, inThreadBelowMs: 0 }),
  monteCarlo(check),
);
console.log(`parallel (${threads} threads) = sequential for 500 SMP runs, seed 7: ${same ? 'yes' : 'NO'}`);
console.log(
  `peak RSS of the main thread's process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
if (!same) process.exitCode = 1;
