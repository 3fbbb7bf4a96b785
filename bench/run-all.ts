/**
 * Runs every benchmark under bench/ one after another, each in its own process so one's memory and JIT state
 * do not colour the next, and writes what they print to a Markdown report (bench/out/report-<time>.md, also
 * bench/out/report.md) with the machine, the commit and the load average before and after each.
 * `npm run bench` or `npm run bench -- smp gmcr` for a subset (matched by file name).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const filter = process.argv.slice(2);
const scripts = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

/** Runs one benchmark, echoing its output as it comes and keeping it for the report. */
function runBench(script: string): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${script}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (sink: NodeJS.WriteStream) => (d: Buffer) => {
      output += d.toString();
      sink.write(d);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout: the report says so.
}
const stamp = new Date().toISOString();
const sections: string[] = [
  `# Redline benchmarks, ${stamp}`,
  '',
  `Commit ${commit}; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GB memory. Load average (1 / 5 / 15 min) at the start: ${load()}.`,
  'Each benchmark ran in its own process, one after another. Peer figures are measured in the same run only',
  'where the benchmark says so; otherwise they are recorded figures, named as such in its output.',
];

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== bench/${script}`);
  const before = load();
  const r = await runBench(script);
  if (r.code !== 0) {
    failed++;
    console.log(`bench/${script} exited with ${r.code}`);
  }
  sections.push(
    '',
    `## bench/${script}`,
    '',
    `${r.seconds.toFixed(0)} s; load average ${before} before, ${load()} after` +
      (r.code === 0 ? '.' : `; **exited with ${r.code}**.`),
    '',
    '```text',
    r.output.trimEnd(),
    '```',
  );
}
console.log(`\n${scripts.length - failed} benchmarks ran, ${failed} failed`);
mkdirSync('bench/out', { recursive: true });
const report = `${sections.join('\n')}\n`;
const file = `bench/out/report-${stamp.replace(/[:.]/g, '-')}.md`;
writeFileSync(file, report);
writeFileSync('bench/out/report.md', report);
console.log(`report: ${file} (and bench/out/report.md)`);
process.exitCode = failed > 0 ? 1 : 0;
