/**
 * Start-up budget of the compiled command (issue #13 item 2): whole fresh processes of `bin/redline.js`, each
 * command run --runs times (default 10) in turn, median wall and CPU time (user + system of the child, read
 * at its exit), against the targets. A busy machine stretches wall time, not CPU time: the load average is
 * printed before and after. Run: npx tsx bench/startup.ts [--runs N]   (builds the CLI bundle first)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) || fallback : fallback;
};
const runs = Math.max(1, Math.floor(arg('--runs', 10)));
const EXAMPLE = 'examples/ukraine-2025/case.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'redline-startup-'));

// The child reports its own CPU time when it exits (stderr, last line): no shell `time` needed.
const REPORT_CPU =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us "+(u.user+u.system)+"\\n")})';

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function once(args: string[]): Sample {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, 'bin/redline.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
    maxBuffer: 64 << 20,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`redline ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const m = /cpu-us (\d+)\s*$/.exec(r.stderr);
  return { wallMs, cpuMs: m ? Number(m[1]) / 1000 : Number.NaN };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
const a040 = join(tmp, 'a040.yaml');
once(['import', 'ktab', 'fixtures/ktab/inputs/dummyData-a040.csv', '-o', a040]);

const commands: { label: string; args: string[]; targetMs: number }[] = [
  { label: 'redline --version', args: ['--version'], targetMs: 150 },
  { label: 'redline validate (example)', args: ['validate', EXAMPLE], targetMs: 400 },
  { label: 'redline check (example, 28-point plan)', args: ['check', EXAMPLE, 'us-28-point-plan'], targetMs: 500 },
  { label: 'redline forecast --model smp (KTAB a040)', args: ['forecast', a040, '--model', 'smp'], targetMs: 400 },
];

const before = loadavg();
const samples = commands.map(() => [] as Sample[]);
// Interleaved rounds, so a burst of load elsewhere touches every command alike.
for (let k = 0; k < runs; k++) commands.forEach((c, i) => samples[i]!.push(once(c.args)));
const after = loadavg();
rmSync(tmp, { recursive: true, force: true });

console.log(
  `Start-up of the compiled CLI: ${runs} fresh processes per command, interleaved; Node ${process.version}, ` +
    `${cpus().length} cores; load average ${before[0]!.toFixed(2)} before, ${after[0]!.toFixed(2)} after\n`,
);
console.log('| command | median wall ms | median CPU ms | target (wall) | met by wall | met by CPU |');
console.log('|---|---:|---:|---:|---|---|');
commands.forEach((c, i) => {
  const wall = median(samples[i]!.map((s) => s.wallMs));
  const cpu = median(samples[i]!.map((s) => s.cpuMs));
  console.log(
    `| ${c.label} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | < ${c.targetMs} | ${wall < c.targetMs ? 'yes' : 'no'} | ${cpu < c.targetMs ? 'yes' : 'no'} |`,
  );
});
console.log(
  '\nCPU = user + system time of the child process (all threads), read at its exit; wall includes process creation.',
);
