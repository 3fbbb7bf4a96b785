/**
 * SMP's intermediate quantities against KTAB's full-logging database of dummyData_3Dim (turns 0 and 4,
 * extracted to fixtures/ktab/full-logging-dummyData_3Dim): every estimator's utility matrix (PosUtil), every
 * logged challenge evaluation including estimators other than the challenger (UtilChlg, ProbVict), and every
 * bargain with its points and its PCE probability in both queues (Bargn, BargnCoords).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv } from '../../../formats/index.js';
import { challengerView, probEduChlg } from './challenge.js';
import { buildModel } from './input.js';
import { DEFAULT_SMP_PARAMS } from './params.js';
import { runSmp } from './run.js';
import { setupState, type SmpState } from './state.js';
import { step } from './turn.js';
import { utility } from './utility.js';

const dir = new URL('../../../../fixtures/ktab/', import.meta.url);
const csvRows = (name: string) =>
  readFileSync(new URL(`full-logging-dummyData_3Dim/${name}`, dir), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

const parsed = parseKtabCsv(readFileSync(new URL('inputs/dummyData_3Dim.csv', dir), 'utf8'));
if (!parsed.ok) throw new Error('fixture');
const s = parsed.scenario;
const input = {
  actors: s.actors.map((a) => ({ id: a.name })),
  dimensions: s.dimensions.map((d) => ({ id: d })),
  capability: s.actors.map((a) => a.capability),
  position: s.actors.map((a) => a.position),
  salience: s.actors.map((a) => a.salience.map((x) => x / 100)),
};
const { model, pos0 } = buildModel(input, DEFAULT_SMP_PARAMS);
const states: SmpState[] = [setupState(model, pos0, Float64Array.from(pos0))];
for (let t = 1; t <= 4; t++) states.push(step(model, states[t - 1]!, undefined).state);
const n = model.n;

describe('KTAB full-logging database, dummyData_3Dim', () => {
  it('PosUtil: aUtil[h](i, j) = u(d_ij, r_hi) for every estimator h (686 values)', () => {
    const rows = csvRows('pos_util.csv');
    expect(rows).toHaveLength(686);
    for (const [t, h, i, j, util] of rows.map((r) => r.map(Number))) {
      const st = states[t!]!;
      const mine = utility(st.dist[i! * n + j!]!, st.riskEst[h! * n + i!]!);
      expect(Math.abs(mine - util!), `turn ${t} h=${h} i=${i} j=${j}`).toBeLessThan(1e-12);
    }
  });

  it('UtilChlg/ProbVict: P_ij and ΔEU of every logged (h, k, i, j), h ≠ i included (1272 evaluations)', () => {
    const rows = csvRows('util_chlg.csv');
    expect(rows).toHaveLength(1272);
    let otherEstimators = 0;
    for (const [t, h, k, i, j, sq, , , chlg, pv] of rows.map((r) => r.map(Number))) {
      const st = states[t!]!;
      const { prob, gain } = probEduChlg(model, st, h!, k!, i!, j!, challengerView(model, st, h!, i!));
      expect(Math.abs(gain - (chlg! - sq!)), `turn ${t} (${h},${k},${i},${j})`).toBeLessThan(1e-12);
      expect(Math.abs(prob - pv!)).toBeLessThan(1e-12);
      if (h !== i) otherEstimators++;
    }
    expect(otherEstimators).toBeGreaterThan(500);
  });

  it('Bargn/BargnCoords: the same bargains, points, gains and queue probabilities', () => {
    const result = runSmp(input, {}, { recordBargains: true, maxTurns: 5 });
    const rows = csvRows('bargains.csv').filter((r) => r[1] !== r[2]); // drop status-quo rows
    for (const t of [0, 4]) {
      const expected = rows.filter((r) => Number(r[0]) === t);
      const mine = result.bargains![t]!;
      expect(mine.map((b) => [b.initiator, b.receiver])).toEqual(
        expected.map((r) => [Number(r[1]), Number(r[2])]),
      );
      expected.forEach((r, q) => {
        const b = mine[q]!;
        const [, i, j, value, initProb, initSel, recdProb, recdSel, initCoords, recdCoords] = r;
        const view = challengerView(model, states[t]!, Number(i), Number(i));
        expect(
          probEduChlg(model, states[t]!, Number(i), Number(i), Number(i), Number(j), view).gain,
        ).toBeCloseTo(Number(value), 12);
        expect(b.initiatorProb).toBeCloseTo(Number(initProb), 12);
        expect(b.receiverProb).toBeCloseTo(Number(recdProb), 12);
        expect([b.acceptedByInitiator, b.acceptedByReceiver]).toEqual([initSel === '1', recdSel === '1']);
        expect(b.initiatorPoint.map((x) => x.toFixed(2))).toEqual(
          initCoords!.split(' ').map((x) => Number(x).toFixed(2)),
        );
        expect(b.receiverPoint.map((x) => x.toFixed(2))).toEqual(
          recdCoords!.split(' ').map((x) => Number(x).toFixed(2)),
        );
      });
    }
  });
});
