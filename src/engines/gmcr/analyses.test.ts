// Coalition, status-quo and inverse analyses against the published GMCR+ user-guide examples (Kinsara 2014,
// pp. 11, 14–16, as summarised in docs/models/GMCR.md §§3–5) and hand derivations written here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGmcrFile } from '../../formats/gmcr-file.js';
import { analyzeStability } from './analyze.js';
import { analyzePartition, coalitionImprovements, coalitionNash, parsePartition } from './coalitions.js';
import { inverseGmcr } from './inverse.js';
import { buildModel, type GmcrModel } from './model.js';
import { statusQuoAnalysis } from './status-quo.js';

function load(name: string): GmcrModel {
  const r = readGmcrFile(
    readFileSync(new URL(`../../../fixtures/gmcr/textbook/${name}.gmcr`, import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('read failed');
  const b = buildModel(r.spec);
  if (!b.ok) throw new Error('build failed');
  return b.model;
}

describe('coalitions (Elmira)', () => {
  const elmira = load('Elmira');

  it('parses GMCR+ partitions ("[1,2],3", 1-based) and id forms, leaving unlisted decision makers alone', () => {
    expect(parsePartition('[1,2],3', elmira)).toEqual({ ok: true, partition: [[0, 1], [2]] });
    expect(parsePartition('moe+uniroyal', elmira)).toEqual({ ok: true, partition: [[0, 1], [2]] });
    expect(parsePartition('[1,1]', elmira).ok).toBe(false);
    expect(parsePartition('[1,2,3]', elmira).ok).toBe(false);
  });

  it('finds the coalition improvement 7 → 10 of MoE + Uniroyal that neither can make alone', () => {
    // State 7 NYNNY (MoE 8, Uniroyal 9) → 10 YNYNY (MoE 9, Uniroyal 10): Modify N→Y (fwd, allowed), Delay
    // Y→N (back, allowed), Accept N→Y — options of two decision makers, both strictly better off.
    expect(coalitionImprovements(elmira, [0, 1], 6)).toContain(9);
    expect(coalitionImprovements(elmira, [0], 6)).not.toContain(9);
    expect(coalitionImprovements(elmira, [1], 6)).not.toContain(9);
  });

  it('state 7 is no longer an equilibrium with the coalition MoE + Uniroyal (user guide pp. 14–16)', () => {
    const p = analyzePartition(elmira, [[0, 1], [2]]);
    for (const c of p.withCoalitions.concepts) {
      expect(p.alone.equilibria[c]).toContain(7);
      expect(p.withCoalitions.equilibria[c]).not.toContain(7);
      expect(p.lost[c]).toContain(7);
    }
  });

  it('coalition-Nash: a state blocked by a group is reported with the group and its move', () => {
    const r = coalitionNash(elmira);
    expect(r.blocked).toContainEqual({ state: 7, coalition: [0, 1], to: 10 });
    // Individually Nash equilibria that no group can improve on jointly stay stable.
    expect(r.stable).toEqual(expect.arrayContaining([5, 6, 10, 11, 12]));
  });
});

describe('status quo (Elmira from state 1, user guide pp. 15–16)', () => {
  const elmira = load('Elmira');

  it('the only improvement from 1 is Local Government’s 1 → 7, and 10 is not reachable by improvements alone', () => {
    // By hand: from 1 (NYNNN) MoE's Modify gives 2 (payoff 6 < 7), Uniroyal's moves give 3 (6 < 12) or 5
    // (8 < 12), Local Government's Insist gives 7 (10 > 9). From 7 no one has an improvement alone.
    const r = statusQuoAnalysis(elmira, 1);
    const byUi = r.reached.filter((x) => x.improvementSteps !== undefined).map((x) => x.state);
    expect(byUi).toEqual([1, 7]);
    expect(r.reached.find((x) => x.state === 7)!.improvementPath).toEqual([
      { player: 2, from: 1, to: 7, improvement: true },
    ]);
  });

  it('with the coalition MoE + Uniroyal, 10 is reached by improvements: 1 → 7 → 10', () => {
    const r = statusQuoAnalysis(elmira, 1, { coalitions: [[0, 1], [2]] });
    const ten = r.reached.find((x) => x.state === 10)!;
    expect(ten.improvementSteps).toBe(2);
    expect(ten.improvementPath!.map((s) => [s.from, s.to])).toEqual([
      [1, 7],
      [7, 10],
    ]);
  });

  it('never lets the same player move twice in a row', () => {
    const r = statusQuoAnalysis(elmira, 1, { depth: 4 });
    for (const x of r.reached)
      for (let k = 1; k < (x.path ?? []).length; k++)
        expect(x.path![k]!.player).not.toBe(x.path![k - 1]!.player);
  });
});

describe('inverse GMCR (Syria–Iraq, desired state 2, Syria’s whole ranking varied: user guide p. 11)', () => {
  const si = load('SyriaIraq');
  const vary = [{ from: 1, to: 6 }, undefined];

  it('240 of the 720 profiles make state 2 Nash-stable; Nash needs 2 over 1 and 3 for Syria and over 5 for Iraq', () => {
    const r = inverseGmcr(si, 2, { vary, concepts: ['Nash'] });
    expect(r.profiles).toBe(720);
    expect(r.counts.Nash).toBe(240); // 2 must beat both of Syria's moves 1 and 3: a third of the orders
    expect(r.nashConditions).toEqual([
      { dm: 0, notAbove: [1, 3] },
      { dm: 1, notAbove: [5] },
    ]);
  });

  it("gmcr-py's inverse solver (last improvement decides) reproduces the published 420 SEQ-stable profiles", () => {
    expect(inverseGmcr(si, 2, { vary, concepts: ['Nash', 'SEQ'], compat: 'gmcr-py' }).counts).toEqual({
      Nash: 240,
      SEQ: 420,
    });
  });

  it('standard counts agree with rerunning the full all-states analysis on every profile', () => {
    const r = inverseGmcr(si, 2, { vary, concepts: ['GMR', 'SMR', 'SEQ'] });
    const perms = (xs: number[]): number[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, k) => perms([...xs.slice(0, k), ...xs.slice(k + 1)]).map((p) => [x, ...p]));
    const counts = { GMR: 0, SMR: 0, SEQ: 0 };
    for (const order of perms([0, 1, 2, 3, 4, 5])) {
      const syria = new Int32Array(6);
      order.forEach((s, k) => (syria[s] = 6 - k));
      const res = analyzeStability(
        { ...si, payoffs: [syria, si.payoffs[1]!] },
        { concepts: ['GMR', 'SMR', 'SEQ'] },
      );
      for (const c of ['GMR', 'SMR', 'SEQ'] as const) if (res.equilibria[c]!.includes(2)) counts[c]++;
    }
    expect(r.counts).toEqual(counts);
  });

  it('refuses an impossible request before building any profile (Elmira, every ranking varied whole)', () => {
    const el = load('Elmira');
    const whole = { from: 1, to: 12 };
    // MoE and Local Government have 9 ranking groups, Uniroyal 9: (9!)^3 profiles.
    expect(() => inverseGmcr(el, 5, { vary: [whole, whole, whole] })).toThrow(
      /47,784,725,839,872,000 preference profiles/,
    );
  });

  it('refuses more profiles than the limit', () => {
    expect(() =>
      inverseGmcr(si, 2, {
        vary: [
          { from: 1, to: 6 },
          { from: 1, to: 6 },
        ],
        maxProfiles: 1000,
      }),
    ).toThrow(/518,400 preference profiles/);
  });
});

describe('limits and guards', () => {
  it('skips coalition SMR beyond its state limit with a warning instead of running for hours', async () => {
    const { syntheticConflict } = await import('../../../bench/gmcr-synthetic.js');
    const built = buildModel(syntheticConflict([5, 4, 4], 1));
    if (!built.ok) throw new Error('build failed');
    const r = analyzeStability(built.model, { coalitions: [[0, 1], [2]], concepts: ['Nash', 'SMR'] });
    expect(r.concepts).toEqual(['Nash']);
    expect(r.warnings.some((w) => w.startsWith('SMR skipped'))).toBe(true);
  });

  it('rejects a status quo or desired state that does not exist', () => {
    const el = load('Elmira');
    expect(() => statusQuoAnalysis(el, 13)).toThrow(RangeError);
    expect(() => inverseGmcr(el, 0, { vary: [] })).toThrow(RangeError);
  });
});
