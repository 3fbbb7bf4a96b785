/**
 * Benchmark of KTAB's Spatial Model of Politics (issue 3): SMP with default parameters on KTAB's data sets,
 * each in a fresh child process so peak memory is per data set. Prints the first ("cold", JIT included) and
 * best-of-repeats ("warm") run time, CPU time, peak RSS, the number of states, whether the positions equal
 * KTAB's, the whole `redline forecast` command's wall and CPU time, and KTAB's smpc run in the same session
 * when installed (else its recorded figures, labelled so). In-process and whole-process ratios are separate.
 * Run: npx tsx bench/smp.ts [--processes P] [--repeats N] [name …]  (P fresh processes per set, median
 * cold time; N warm repeats per process)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported narrowly so peak memory reflects SMP, not the whole core (NLP models and all).
import { runSmp, type SmpResult } from '../src/engines/bargaining/smp/index.js';
import { parseKtabCsv, type KtabScenario } from '../src/formats/ktab-csv.js';

/** KTAB smpc at commit 3b5b063, -O2, 2-core VM (docs/models/SMP.md §14): wall seconds, states, peak RSS in MB. */
const KTAB = {
  dummyData_3Dim: { seconds: 0.06, states: 11, rssMb: 14 },
  'SOE-Pol-Comp': { seconds: 0.44, states: 28, rssMb: 18 },
  'SOE-Policy': { seconds: 1.5, states: 20, rssMb: 21 },
  dummyData_6Dim: { seconds: 2.6, states: 30, rssMb: 23 },
  'SOE-Competitive': { seconds: 5.8, states: 36, rssMb: 30 },
  'dummyData-a040': { seconds: 5.4, states: 21, rssMb: 29 },
  'dummyData-a080': { seconds: 62.5, states: 18, rssMb: 94 },
  'dummyData-a160': { seconds: 19.5 * 60, states: 14, rssMb: 493 },
} as const;
type SetName = keyof typeof KTAB;

const fixtures = new URL('../fixtures/ktab/', import.meta.url);

interface Measurement {
  name: SetName;
  actors: number;
  dims: number;
  states: number;
  coldMs: number;
  warmMs: number;
  cpuMs: number;
  repeats: number;
  peakRssMb: number;
  /** RSS after loading the code, before the first run: the runtime's share of the peak. */
  baseRssMb: number;
  /** True/false when KTAB's positions_by_turn.csv exists for the set, null otherwise. */
  samePositions: boolean | null;
}

function load(name: SetName): KtabScenario {
  const parsed = parseKtabCsv(readFileSync(new URL(`inputs/${name}.csv`, fixtures), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.message}`);
  return parsed.scenario;
}

function samePositions(name: SetName, s: KtabScenario, r: SmpResult): boolean | null {
  const url = new URL(`runs/${name}/positions_by_turn.csv`, fixtures);
  if (!existsSync(url)) return null;
  const rows = readFileSync(url, 'utf8').trim().split('\n').slice(1);
  if (rows.length !== r.turns.length * s.actors.length * s.dimensions.length) return false;
  return rows.every((line) => {
    const m = /^([^,]*),("[^"]*"|[^,]*),(\d+),(.*)$/.exec(line)!;
    const i = s.actors.findIndex((a) => a.name === m[1]);
    const k = s.dimensions.indexOf(m[2]!.replace(/^"|"$/g, ''));
    return Math.abs(r.turns[Number(m[3])]![i]![k]! - Number(m[4])) < 1e-9;
  });
}

/** Child side: measure one data set and print one JSON line. */
function measure(name: SetName, repeats: number): Measurement {
  const baseRssMb = process.memoryUsage().rss / 1048576;
  const s = load(name);
  const input = {
    actors: s.actors.map((a) => ({ id: a.name })),
    dimensions: s.dimensions.map((d) => ({ id: d })),
    capability: s.actors.map((a) => a.capability),
    position: s.actors.map((a) => a.position),
    salience: s.actors.map((a) => a.salience.map((x) => x / 100)),
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = runSmp(input);
  const coldMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  let warmMs = coldMs;
  let done = 0;
  // Repeat within a time budget so the slow sets are not run again and again.
  const budgetMs = 4000;
  const start = performance.now();
  while (done < repeats && performance.now() - start + warmMs < budgetMs) {
    const t = performance.now();
    runSmp(input);
    warmMs = Math.min(warmMs, performance.now() - t);
    done++;
  }
  return {
    name,
    actors: s.actors.length,
    dims: s.dimensions.length,
    states: result.turns.length,
    coldMs,
    warmMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    repeats: done,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
    samePositions: samePositions(name, s, result),
  };
}

/** Wall and CPU time of one whole process (bash's `time`, so any program can be measured the same way). */
interface ProcessTime {
  wallMs: number;
  cpuMs: number;
}
function timeProcess(argv: string[]): ProcessTime {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ${quoted} > /dev/null`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  const [real, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs: real! * 1000, cpuMs: (user! + sys!) * 1000 };
}

/**
 * KTAB's smpc when installed: $KTAB_SMPC, else `smpc` on PATH. Run as `smpc --logmin --csv FILE` (override
 * with KTAB_SMPC_ARGS, where {file} stands for the scenario file).
 */
function findSmpc(): string | undefined {
  if (process.env.KTAB_SMPC) return existsSync(process.env.KTAB_SMPC) ? process.env.KTAB_SMPC : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, 'smpc'))) return join(dir, 'smpc');
  return undefined;
}
function smpcArgs(file: string): string[] {
  const template = process.env.KTAB_SMPC_ARGS ?? '--logmin --csv {file}';
  return template.split(/\s+/).map((a) => a.replace('{file}', file));
}

function main(): void {
  const args = process.argv.slice(2);
  const childIndex = args.indexOf('--child');
  const repeatsIndex = args.indexOf('--repeats');
  const repeats = repeatsIndex >= 0 ? Number(args[repeatsIndex + 1]) : 10;
  const processesIndex = args.indexOf('--processes');
  const processes = processesIndex >= 0 ? Number(args[processesIndex + 1]) : 3;
  if (childIndex >= 0) {
    process.stdout.write(`${JSON.stringify(measure(args[childIndex + 1] as SetName, repeats))}\n`);
    return;
  }
  const wanted = args.filter(
    (a, i) => !a.startsWith('--') && args[i - 1] !== '--repeats' && args[i - 1] !== '--processes',
  );
  const names = (Object.keys(KTAB) as SetName[]).filter((n) => wanted.length === 0 || wanted.includes(n));
  const self = fileURLToPath(import.meta.url);
  const bin = fileURLToPath(new URL('../bin/redline.js', import.meta.url));
  const smpc = findSmpc();
  const tmp = mkdtempSync(join(tmpdir(), 'redline-bench-smp-'));
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url))]);
  console.log(
    `SMP (default parameters) on KTAB data sets, ${processes} fresh processes per set (medians); load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    smpc
      ? `KTAB: ${smpc} ${smpcArgs('FILE').join(' ')}, measured in this run, interleaved with Redline.`
      : 'KTAB: smpc not found (set KTAB_SMPC or put smpc on PATH) — KTAB figures are RECORDED ones (smpc -O2, commit 3b5b063, docs/models/SMP.md §14), wall time only.',
  );
  console.log(
    [
      'data set'.padEnd(16),
      'N×K'.padStart(6),
      'states'.padStart(9),
      'engine cold'.padStart(12),
      'warm'.padStart(7),
      'cpu'.padStart(6),
      'process wall'.padStart(13),
      'cpu'.padStart(6),
      'RSS MB'.padStart(7),
      'KTAB wall'.padStart(10),
      'cpu'.padStart(6),
      'in-proc ×'.padStart(10),
      'process ×'.padStart(10),
      'cpu ×'.padStart(7),
      'positions',
    ].join(' '),
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const name of names) {
    const csv = fileURLToPath(new URL(`inputs/${name}.csv`, fixtures));
    const caseFile = join(tmp, `${name}.yaml`);
    execFileSync(process.execPath, [bin, 'import', 'ktab', csv, '-o', caseFile], { stdio: 'ignore' });
    // Interleaved: engine in process, Redline as a whole command, KTAB's smpc when installed.
    const samples: Measurement[] = [];
    const redline: ProcessTime[] = [];
    const ktab: ProcessTime[] = [];
    for (let k = 0; k < processes; k++) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', self, '--child', name, '--repeats', String(repeats)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      samples.push(JSON.parse(out.trim().split('\n').at(-1)!) as Measurement);
      redline.push(timeProcess([process.execPath, bin, 'forecast', caseFile, '--model', 'smp', '--json']));
      if (smpc) ktab.push(timeProcess([smpc, ...smpcArgs(csv)]));
    }
    const m: Measurement = {
      ...samples[0]!,
      coldMs: median(samples.map((x) => x.coldMs)),
      cpuMs: median(samples.map((x) => x.cpuMs)),
      warmMs: Math.min(...samples.map((x) => x.warmMs)),
      peakRssMb: Math.max(...samples.map((x) => x.peakRssMb)),
      samePositions: samples.every((x) => x.samePositions === samples[0]!.samePositions)
        ? samples[0]!.samePositions
        : false,
    };
    const procWall = median(redline.map((x) => x.wallMs));
    const procCpu = median(redline.map((x) => x.cpuMs));
    const ref = KTAB[name];
    const ktabWall = smpc ? median(ktab.map((x) => x.wallMs)) : ref.seconds * 1000;
    const ktabCpu = smpc ? median(ktab.map((x) => x.cpuMs)) : Number.NaN;
    const statesNote = m.states === ref.states ? `${m.states}` : `${m.states}≠${ref.states}`;
    const positions =
      m.samePositions === null ? 'no KTAB file' : m.samePositions ? 'equal to KTAB' : 'DIFFER';
    const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : '—');
    console.log(
      [
        name.padEnd(16),
        `${m.actors}×${m.dims}`.padStart(6),
        statesNote.padStart(9),
        m.coldMs.toFixed(1).padStart(12),
        m.warmMs.toFixed(1).padStart(7),
        m.cpuMs.toFixed(0).padStart(6),
        procWall.toFixed(0).padStart(13),
        procCpu.toFixed(0).padStart(6),
        m.peakRssMb.toFixed(0).padStart(7),
        `${ktabWall.toFixed(0)}${smpc ? '' : '*'}`.padStart(10),
        (smpc ? ktabCpu.toFixed(0) : '—').padStart(6),
        ratio(ktabWall, m.coldMs).padStart(10),
        ratio(ktabWall, procWall).padStart(10),
        ratio(ktabCpu, procCpu).padStart(7),
        positions,
      ].join(' '),
    );
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(
    'Times in ms. engine cold = first runSmp in a fresh process (JIT included), warm = best repeat, cpu = CPU of the cold run;',
  );
  console.log(
    'process = `redline forecast CASE --model smp --json` as a whole command (start-up, parsing, output), wall and CPU (user+sys).',
  );
  console.log(
    `in-proc × = KTAB wall / engine cold; process × = KTAB wall / Redline process wall; cpu × = KTAB CPU / Redline process CPU${smpc ? '' : ' (needs a measured KTAB)'}.`,
  );
  if (!smpc) console.log('* recorded KTAB wall time (docs/models/SMP.md §14), not measured on this machine in this run.');
  console.log(`load average at the end ${loadavg()[0]!.toFixed(2)}`);
}

main();
