/**
 * Benchmark of single forecasts (issue 3): each model once on examples/ukraine-2025/case.yaml, and the whole
 * DEU III backtest (351 issues, every model including SMP). Prints time per step and peak memory.
 * Run: npx tsx bench/forecast.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_IDS, backtestDeu, forecastCase, parseDeu } from '../src/index.js';
import { loadCaseFile } from '../src/adapters/files/load-case.js';

function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(40)} ${(performance.now() - t0).toFixed(1).padStart(9)} ms`);
  return out;
}

const c = (await loadCaseFile(fileURLToPath(new URL('../examples/ukraine-2025/case.yaml', import.meta.url))))
  .case;
console.log(`case: ${c.id}`);
for (const model of MODEL_IDS) time(`forecast, ${model}`, () => forecastCase(c, { models: [model] }));
time('forecast, all models', () => forecastCase(c));

const deu = parseDeu(
  readFileSync(fileURLToPath(new URL('../fixtures/bargaining/deu3/deu3.csv', import.meta.url)), 'utf8'),
);
if (!deu.ok) throw new Error('DEU fixture did not parse');
const result = time('DEU III backtest, all models', () => backtestDeu(deu.rows));
console.log(
  `  ${result.issues} issues; MAE: ${result.scores.map((s) => `${s.id} ${s.mae.toFixed(2)}`).join(', ')}`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
