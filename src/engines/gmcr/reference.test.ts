// The textbook conflicts against the reference package's expected results (fixtures/gmcr/textbook):
// state numbering, payoffs, rankings, stability per state, decision maker and concept, and equilibria.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGmcrFile } from '../../formats/gmcr-file.js';
import { analyzeStability } from './analyze.js';
import { buildModel, type GmcrModel } from './model.js';
import { rankingOf } from './preferences.js';
import { ynOf } from './states.js';
import { STABILITY_CONCEPTS } from './types.js';

const DIR = new URL('../../../fixtures/gmcr/textbook/', import.meta.url);

function loadFixtureModel(name: string): GmcrModel {
  const read = readGmcrFile(readFileSync(new URL(`${name}.gmcr`, DIR), 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const built = buildModel(read.spec);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.model;
}

interface Expected {
  states: { ordered: number; decimal: number; yn: string; payoffs: Record<string, number> }[];
  rankings: Record<string, (number | number[])[]>;
  stability: Record<string, Record<string, boolean[]>>;
  equilibria: Record<string, number[]>;
  each_opponent_once_mode: { equilibria: Record<string, number[]> };
  gmcr_py: { equilibria: Record<string, number[]> };
}

describe.each(['Prisoners', 'SyriaIraq', 'Cuban', 'Elmira', 'Chicken'])(
  '%s matches the reference results',
  (name) => {
    const model = loadFixtureModel(name);
    const exp = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected;

    it('numbers the states and derives the payoffs and rankings as gmcr-py does', () => {
      expect(model.n).toBe(exp.states.length);
      exp.states.forEach((st, s) => {
        expect(model.codes[s]).toBe(st.decimal);
        expect(ynOf(model.codes[s]!, model.m)).toBe(st.yn);
        model.dms.forEach((d, i) =>
          expect(model.payoffs[i]![s], `${d.name} at ${st.ordered}`).toBe(st.payoffs[d.name]),
        );
      });
      model.dms.forEach((d, i) => expect(rankingOf(model.payoffs[i]!)).toEqual(exp.rankings[d.name]));
    });

    it('gives the standard stability of every state for every decision maker and concept', () => {
      const res = analyzeStability(model);
      for (const c of STABILITY_CONCEPTS)
        model.dms.forEach((d, i) =>
          expect(Array.from(res.stable[c]![i]!, Boolean), `${c} / ${d.name}`).toEqual(
            exp.stability[c]![d.name],
          ),
        );
      for (const c of STABILITY_CONCEPTS) expect(res.equilibria[c], c).toEqual(exp.equilibria[c]);
    });

    it("reproduces gmcr-py's equilibria in compatibility mode (each opponent once, SEQ+SIM as SEQ or SIM)", () => {
      const once = analyzeStability(model, { sanctions: 'each-opponent-once' });
      for (const c of STABILITY_CONCEPTS)
        expect(once.equilibria[c], c).toEqual(exp.each_opponent_once_mode.equilibria[c]);
      const py = analyzeStability(model, { compat: 'gmcr-py' });
      for (const c of ['Nash', 'GMR', 'SMR', 'SEQ', 'SIM'] as const)
        expect(py.equilibria[c], c).toEqual(exp.gmcr_py.equilibria[c]);
      expect(py.equilibria['SEQ+SIM']).toEqual(exp.gmcr_py.equilibria.SEQ_OR_SIM);
    });
  },
);
