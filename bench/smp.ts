/**
 * Benchmark of KTAB's Spatial Model of Politics (issue 3): SMP with default parameters on KTAB's data sets,
 * each in a fresh child process so peak memory is per data set. Prints the first ("cold", JIT included) and
 * best-of-repeats ("warm") run time, CPU time, peak RSS, the number of states, whether the positions equal
 * KTAB's, and the speed ratio against KTAB's own -O2 build (SMP.md §14; KTAB ran with --logmin, 8 threads).
 * Run: npx tsx bench/smp.ts [--processes P] [--repeats N] [name …]  (P fresh processes per set, median
 * cold time; N warm repeats per process)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// Imported narrowly so peak memory reflects SMP, not the whole core (NLP models and all).
import { runSmp, type SmpResult } from '../src/engines/bargaining/smp/index.js';
import { parseKtabCsv, type KtabScenario } from '../src/formats/ktab-csv.js';

/** KTAB smpc at commit 3b5b063, -O2, 2-core VM (SMP.md §14): wall seconds, states, peak RSS in MB. */
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
  console.log('SMP (default parameters) on KTAB data sets; KTAB = smpc -O2 wall time, --logmin (SMP.md §14)');
  console.log(
    [
      'data set'.padEnd(16),
      'N×K'.padStart(6),
      'states'.padStart(9),
      'cold ms'.padStart(9),
      'warm ms'.padStart(9),
      'cpu ms'.padStart(8),
      'RSS MB'.padStart(7),
      'base'.padStart(5),
      'KTAB s'.padStart(8),
      'ratio cold'.padStart(11),
      'ratio warm'.padStart(11),
      'ratio cpu'.padStart(10),
      'positions',
    ].join(' '),
  );
  for (const name of names) {
    // Several fresh processes per set; the median cold run resists a busy machine better than one sample.
    const samples: Measurement[] = [];
    for (let k = 0; k < processes; k++) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', self, '--child', name, '--repeats', String(repeats)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      samples.push(JSON.parse(out.trim().split('\n').at(-1)!) as Measurement);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
    const ref = KTAB[name];
    const ktabMs = ref.seconds * 1000;
    const statesNote = m.states === ref.states ? `${m.states}` : `${m.states}≠${ref.states}`;
    const positions =
      m.samePositions === null ? 'no KTAB file' : m.samePositions ? 'equal to KTAB' : 'DIFFER';
    console.log(
      [
        name.padEnd(16),
        `${m.actors}×${m.dims}`.padStart(6),
        statesNote.padStart(9),
        m.coldMs.toFixed(1).padStart(9),
        `${m.warmMs.toFixed(1)}`.padStart(9),
        m.cpuMs.toFixed(0).padStart(8),
        m.peakRssMb.toFixed(0).padStart(7),
        m.baseRssMb.toFixed(0).padStart(5),
        ref.seconds.toFixed(2).padStart(8),
        `${(ktabMs / m.coldMs).toFixed(0)}×`.padStart(11),
        `${(ktabMs / m.warmMs).toFixed(0)}×`.padStart(11),
        `${(ktabMs / m.cpuMs).toFixed(0)}×`.padStart(10),
        positions,
      ].join(' '),
    );
  }
  console.log(
    'cold = first run in a fresh process (JIT compilation included), median of --processes; warm = best repeat (4 s budget per process).',
  );
  console.log(
    'cpu = CPU time of the cold run over all threads (JIT and GC included); ratio cpu = KTAB wall / cpu, the fairer ratio on a shared machine.',
  );
  console.log(
    'RSS = peak resident memory of the process; base = RSS once the code is loaded (Node.js, tsx).',
  );
}

main();
