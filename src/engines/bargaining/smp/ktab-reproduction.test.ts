/**
 * SMP reproduces KTAB's own outputs exactly (docs/models/SMP.md §13): number of states, every fractional-change line and
 * every "prob" line to 4 decimals, every position of every state. Expected values are KTAB's files in
 * fixtures/ktab (see SOURCE.md); inputs are read with our KTAB CSV reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv, parseKtabXml, type KtabScenario } from '../../../formats/index.js';
import type { BargainingInput } from '../types.js';
import { runSmp, type SmpParams, type SmpResult } from './index.js';

const FIXTURES = new URL('../../../../fixtures/ktab/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

function loadScenario(file: string): KtabScenario {
  const text = read(`inputs/${file}`);
  const parsed = file.endsWith('.xml') ? parseKtabXml(text) : parseKtabCsv(text);
  if (!parsed.ok) throw new Error(`fixture ${file} does not parse: ${parsed.issues[0]?.message}`);
  return parsed.scenario;
}

function toInput(s: KtabScenario): BargainingInput {
  return {
    actors: s.actors.map((a) => ({ id: a.name })),
    dimensions: s.dimensions.map((d) => ({ id: d })),
    capability: s.actors.map((a) => a.capability),
    position: s.actors.map((a) => a.position),
    salience: s.actors.map((a) => a.salience.map((x) => x / 100)),
  };
}

interface Oracle {
  states: number;
  fractional: string[];
  prob: Map<string, string[]>;
}

/** Reads KTAB's log extract: "Fractional change" lines, "<actor>, prob : …" lines, the state count. */
function readOracle(path: string): Oracle {
  const lines = read(path).split('\n');
  const fractional = lines
    .map((l) => /Fractional change compared to first step: ([\d.]+)/.exec(l)?.[1])
    .filter((x): x is string => x !== undefined);
  const prob = new Map<string, string[]>();
  for (const l of lines) {
    const m = /^(.*), prob : (.*)$/.exec(l.trimEnd());
    if (m && !prob.has(m[1]!)) prob.set(m[1]!, m[2]!.trim().split(/\s+/));
  }
  const states = Number(/There were (\d+) states/.exec(lines.join('\n'))?.[1]);
  return { states, fractional, prob };
}

/** KTAB's `positions_by_turn.csv`: actor,dimension,turn,position (dimension names may be quoted). */
function readPositions(path: string): { actor: string; dimension: string; turn: number; value: number }[] {
  return read(path)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const m = /^([^,]*),("(?:[^"]*)"|[^,]*),(\d+),(.*)$/.exec(line)!;
      return {
        actor: m[1]!,
        dimension: m[2]!.replace(/^"|"$/g, ''),
        turn: Number(m[3]),
        value: Number(m[4]),
      };
    });
}

function expectOracle(result: SmpResult, scenario: KtabScenario, oracle: Oracle) {
  expect(result.turns.length).toBe(oracle.states);
  expect(result.fractionalChange.map((x) => x.toFixed(4))).toEqual(oracle.fractional);
  scenario.actors.forEach((a, i) => {
    const expected = oracle.prob.get(a.name);
    expect(expected, `prob line of ${a.name}`).toBeDefined();
    expect(
      result.prob.map((p) => p[i]!.toFixed(4)),
      `prob of ${a.name}`,
    ).toEqual(expected);
  });
}

const RUNS = [
  { set: 'dummyData_3Dim', input: 'dummyData_3Dim.csv', states: 11 },
  { set: 'SOE-Pol-Comp', input: 'SOE-Pol-Comp.csv', states: 28 },
  { set: 'SOE-Policy', input: 'SOE-Policy.csv', states: 20 },
  { set: 'dummyData_6Dim', input: 'dummyData_6Dim.csv', states: 30 },
];

describe('SMP with default parameters reproduces KTAB smpc (fixtures/ktab/runs)', () => {
  for (const run of RUNS) {
    describe(run.set, () => {
      const scenario = loadScenario(run.input);
      const result = runSmp(toInput(scenario));

      it(`has KTAB's ${run.states} states and its fractional-change and prob lines to 4 decimals`, () => {
        expect(result.stopReason).toBe('converged');
        expectOracle(result, scenario, readOracle(`runs/${run.set}/smpc-oracle.txt`));
      });

      it('has every position of every state on KTAB’s values (1e-4 grid on 0–1, i.e. 2 decimals on 0–100)', () => {
        const rows = readPositions(`runs/${run.set}/positions_by_turn.csv`);
        expect(rows.length).toBe(run.states * scenario.actors.length * scenario.dimensions.length);
        const mismatches = rows.filter((row) => {
          const i = scenario.actors.findIndex((a) => a.name === row.actor);
          const k = scenario.dimensions.indexOf(row.dimension);
          const got = result.turns[row.turn]?.[i]?.[k];
          return got === undefined || Math.abs(got - row.value) > 1e-9;
        });
        expect(mismatches).toEqual([]);
      });

      it('puts every coordinate that moved on the 1e-4 grid (S2P2 rounding, docs/models/SMP.md §7.2)', () => {
        for (let t = 1; t < result.turns.length; t++) {
          result.turns[t]!.forEach((row, i) =>
            row.forEach((x, k) => {
              if (x === result.turns[t - 1]![i]![k]) return;
              expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6);
            }),
          );
        }
      });

      it('names as likeliest the final position with KTAB’s highest final prob', () => {
        const oracle = readOracle(`runs/${run.set}/smpc-oracle.txt`);
        let best = { actor: '', p: -1 };
        for (const a of scenario.actors) {
          const p = Number(oracle.prob.get(a.name)!.at(-1));
          if (p > best.p) best = { actor: a.name, p };
        }
        const i = scenario.actors.findIndex((a) => a.name === best.actor);
        expect(result.likeliest.prob.toFixed(4)).toBe(best.p.toFixed(4));
        expect(result.likeliest.actors).toContain(i);
        expect(result.likeliest.position).toEqual(result.turns.at(-1)![i]);
      });

      it('ends on final_positions.csv', () => {
        for (const row of readPositions(`runs/${run.set}/final_positions.csv`)) {
          expect(row.turn).toBe(run.states - 1);
          const i = scenario.actors.findIndex((a) => a.name === row.actor);
          const k = scenario.dimensions.indexOf(row.dimension);
          expect(result.turns[row.turn]![i]![k]).toBeCloseTo(row.value, 9);
        }
      });
    });
  }
});

describe('SMP reproduces KTAB’s 2017 reference logs (fixtures/ktab/reference-logs)', () => {
  it.each([
    ['dummyData_3Dim.csv', '20170530_ref-dummyData_3Dim.oracle.txt'],
    ['SOE-Pol-Comp.csv', '20170530_ref-SOE-Pol-Comp.oracle.txt'],
  ])('%s', (input, log) => {
    const scenario = loadScenario(input);
    expectOracle(runSmp(toInput(scenario)), scenario, readOracle(`reference-logs/${log}`));
  });

  it('smpExample (stochastic, MarkovIncentive, PropCbc): the turn-0 prob line, the only reproducible one', () => {
    const scenario = loadScenario('smpExample-as-of-2017-05-30.xml');
    const p = scenario.parameters!;
    const params: Partial<SmpParams> = {
      pceModel: p.PCEModel as SmpParams['pceModel'],
      votingRule: p.VotingRule as SmpParams['votingRule'],
      stateTransitions: 'Stochastic',
      accommodation: scenario.accommodation!,
    };
    expect(params).toMatchObject({ pceModel: 'MarkovIncentive', votingRule: 'PropCbc' });
    const result = runSmp(toInput(scenario), params, { seed: 1 });
    const oracle = readOracle('reference-logs/20170530_ref-smpExample.oracle.txt');
    scenario.actors.forEach((a, i) => {
      expect(result.prob[0]![i]!.toFixed(4), a.name).toBe(oracle.prob.get(a.name)![0]);
    });
  });
});

describe('other KTAB data sets', () => {
  it('the CSV without trailing commas gives the identical run', () => {
    const a = runSmp(toInput(loadScenario('dummyData_3Dim.csv')));
    const b = runSmp(toInput(loadScenario('dummyData_3Dim-no-final-comma.csv')));
    expect(b.turns).toEqual(a.turns);
    expect(b.prob).toEqual(a.prob);
  });

  it.each([
    ['SOE-Competitive.csv', 36],
    ['dummyData-a040.csv', 21],
    ['dummyData-a080.csv', 18],
  ])('%s runs for KTAB’s %i states (docs/models/SMP.md §14)', (file, states) => {
    expect(runSmp(toInput(loadScenario(file))).turns.length).toBe(states);
  });

  it('matches the final positions docs/models/SMP.md §13 quotes for dummyData_3Dim', () => {
    const final = runSmp(toInput(loadScenario('dummyData_3Dim.csv'))).turns.at(-1)!;
    const quoted: Record<number, number[]> = {
      0: [78.56, 31.76, 74.05],
      1: [78.56, 31.76, 74.05],
      2: [82.45, 90.89, 0.07],
      3: [67.12, 50.12, 63.73],
      4: [78.6, 31.65, 74.11],
      5: [79.88, 34.37, 75.16],
      6: [78.6, 31.65, 74.11],
    };
    for (const [i, pos] of Object.entries(quoted)) {
      expect(final[Number(i)]!.map((x) => x.toFixed(2))).toEqual(pos.map((x) => x.toFixed(2)));
    }
  });
});
