// The Prisoner's Dilemma case (fixtures/gmcr/cases/prisoners.yaml). States by code: 1 NN, 2 YN (one
// cooperates), 3 NY, 4 YY. From YY, One's only move is to NY (3) and Two's to YN (2).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../case/parse.js';
import { inverseGmcr, inverseConditions } from './inverse.js';
import { gmcrModelOfCase, stabilityOfCase } from './of-case.js';
import { moveTree } from './status-quo.js';

const parsed = parseCase(
  readFileSync(new URL('../../../fixtures/gmcr/cases/prisoners.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('fixture does not parse');
const c = parsed.case;

describe('inverse GMCR conditions for every concept (state 4, mutual cooperation)', () => {
  const { model } = gmcrModelOfCase(c);
  const conds = inverseConditions(model, 4);
  const of = (concept: string, dm: number) => conds.find((x) => x.concept === concept && x.dm === dm)!.moves;

  it('lists each move and its sanctions by hand: One’s move 3 is sanctioned by Two’s reply 1 (NN)', () => {
    expect(of('Nash', 0)).toEqual([{ move: 3, sanctions: [] }]);
    expect(of('GMR', 0)).toEqual([{ move: 3, sanctions: [{ state: 1 }] }]);
    // SMR: after NN, One's counter-move is back to YN (2), which must also be ⪯ 4 for One.
    expect(of('SMR', 0)).toEqual([{ move: 3, sanctions: [{ state: 1, counterMoves: [2] }] }]);
    expect(of('SEQ', 0)).toEqual([{ move: 3, sanctions: [{ state: 1 }] }]);
    // SIM: One to NY while Two moves to YN at the same time gives NN (1).
    expect(of('SIM', 0)).toEqual([{ move: 3, sanctions: [{ state: 1 }] }]);
    expect(of('SMR', 1)).toEqual([{ move: 2, sanctions: [{ state: 1, counterMoves: [3] }] }]);
  });

  it('counts by hand over all 24 rankings of One’s: Nash 0 (Two prefers YN to YY), GMR 16', () => {
    const inv = inverseGmcr(model, 4, { vary: [{ from: 1, to: 4 }, undefined] });
    expect(inv.profiles).toBe(24);
    expect(inv.counts.Nash).toBe(0);
    // GMR fails only when One ranks YY below both NY and NN: 24/3 = 8 rankings; 24 − 8 = 16.
    expect(inv.counts.GMR).toBe(16);
    expect(inv.counts.SIM).toBeDefined();
    expect(inv.conditions.map((x) => x.concept)).toEqual(
      expect.arrayContaining(['Nash', 'GMR', 'SMR', 'SEQ', 'SIM']),
    );
  });
});

describe('status quo move tree and stabilityOfCase', () => {
  it('gives every move to the depth: from YY, 2 first moves, each answered by the other prisoner', () => {
    const { model } = gmcrModelOfCase(c);
    const tree = moveTree(model, 4, { depth: 2 });
    expect(tree.root.children.map((n) => [n.player, n.state])).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(tree.root.children.map((n) => n.children.map((m) => m.state))).toEqual([[1], [1]]);
    expect(tree.nodes).toBe(5);
    expect(tree.truncated).toBe(false);
    expect(moveTree(model, 4, { depth: 5, maxNodes: 3 }).truncated).toBe(true);
  });

  it('stabilityOfCase returns the states, the status-quo paths and, on request, the tree', () => {
    const r = stabilityOfCase(c, { tree: true, treeDepth: 2 });
    expect(r.statusQuo!.from).toBe(4);
    expect(r.statusQuo!.tree!.nodes).toBe(5);
    expect(stabilityOfCase(c).statusQuo!.tree).toBeUndefined();
  });
});
