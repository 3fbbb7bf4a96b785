/**
 * API tests of the analysis routes. Expected verdicts are worked out by hand from the small case in
 * helpers.ts (a: red line ≤ 60, b: red line ≥ 40, both veto players); results must also be exactly what the
 * engine returns for the same case, since the API adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkProposal,
  diffProposals,
  forecastCase,
  parseCase,
  zoneOfAgreement,
  type Case,
} from '../../src/index.js';
import { fixtureText, harness, SMALL_CASE_YAML, type Harness } from './helpers.js';

let h: Harness;
let small: Case;
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

beforeAll(async () => {
  h = await harness({ seed: false });
  const r = parseCase(SMALL_CASE_YAML);
  if (!r.ok) throw new Error('small case invalid');
  small = r.case;
  await h.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: SMALL_CASE_YAML }) });
  await h.app.inject({
    method: 'POST',
    url: '/api/cases',
    ...json({ yaml: fixtureText('fixtures/gmcr/cases/prisoners.yaml') }),
  });
});
afterAll(async () => h?.close());

describe('analysis routes', () => {
  it('checks a plan inside both red lines as passing', async () => {
    const res = await h.app.inject({ url: '/api/cases/small/check?proposal=p1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.passes).toBe(true);
    expect(body.vetoedBy).toEqual([]);
    expect(body).toEqual(JSON.parse(JSON.stringify(checkProposal(small, 'p1'))));
  });

  it('checks a plan at 70 as vetoed by a (whose line is at most 60)', async () => {
    const body = (await h.app.inject({ url: '/api/cases/small/check?proposal=p2' })).json();
    expect(body.passes).toBe(false);
    expect(body.vetoedBy).toEqual(['a']);
  });

  it('diffs two plans as the engine does', async () => {
    const body = (await h.app.inject({ url: '/api/cases/small/diff?from=p1&to=p2' })).json();
    expect(body.from.id).toBe('p1');
    expect(body.to.id).toBe('p2');
    expect(body).toEqual(JSON.parse(JSON.stringify(diffProposals(small, 'p1', 'p2'))));
  });

  it('finds the zone of agreement between the two red lines, 40 to 60', async () => {
    const body = (await h.app.inject({ url: '/api/cases/small/zopa' })).json();
    expect(body.feasible).toBe(true);
    const border = body.issues.find((i: { issue: string }) => i.issue === 'border');
    expect(border.zone.min).toBe(40);
    expect(border.zone.max).toBe(60);
    expect(body).toEqual(JSON.parse(JSON.stringify(zoneOfAgreement(small))));
  });

  it('forecasts synchronously with the chosen models', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/forecast',
      ...json({ models: ['compromise'] }),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { model: string }) => r.model)).toEqual(['compromise']);
    // Compromise = capability × salience weighted mean: (20·80 + 80·60) / (80 + 60) = 45.714…
    expect(body.results[0].outcome[0]).toBeCloseTo((20 * 80 + 80 * 60) / 140, 6);
    expect(body).toEqual(JSON.parse(JSON.stringify(forecastCase(small, { models: ['compromise'] }))));
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/forecast',
      ...json({ models: ['astrology'] }),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('stores a forecast when asked and lists it', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/forecast',
      ...json({ models: ['median'], save: true }),
    });
    const list = (await h.app.inject({ url: '/api/cases/small/analyses?kind=forecast' })).json();
    expect(list.items).toHaveLength(1);
    const one = (await h.app.inject({ url: `/api/analyses/${list.items[0].id}` })).json();
    expect(one.analysis.result.results[0].model).toBe('median');
  });

  it('finds mutual defection as the only Nash equilibrium of the Prisoner’s Dilemma', async () => {
    const res = await h.app.inject({ url: '/api/cases/prisoners/stability?concepts=Nash,GMR' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.concepts).toEqual(['Nash', 'GMR']);
    const nn = body.states.find((s: { yn: string }) => !s.yn.includes('Y'));
    expect(body.equilibria.Nash).toEqual([nn.state]);
    expect(nn.equilibria).toContain('Nash');
    expect(nn.stability.Nash).toEqual({ one: true, two: true });
    // The status quo is both cooperating (YY): the highest state number of the four.
    const yy = body.states.find((st: { yn: string }) => !st.yn.includes('N'));
    expect(body.statusQuo.from).toBe(yy.state);
    expect(yy.state).toBe(4);
    const bad = await h.app.inject({ url: '/api/cases/prisoners/stability?concepts=Bogus' });
    expect(bad.statusCode).toBe(400);
    const none = await h.app.inject({ url: '/api/cases/small/stability' });
    expect(none.statusCode).toBe(422);
    expect(none.json().issues[0].path).toEqual(['conflicts']);
  });

  it('answers unknown ids, bad dates and missing parameters with 400 problems', async () => {
    const unknown = await h.app.inject({ url: '/api/cases/small/check?proposal=nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_id', known: ['p1', 'p2'] });
    expect((await h.app.inject({ url: '/api/cases/small/check' })).statusCode).toBe(400);
    expect(
      (await h.app.inject({ url: '/api/cases/small/check?proposal=p1&asOf=yesterday' })).statusCode,
    ).toBe(400);
    expect((await h.app.inject({ url: '/api/cases/small/zopa?scenario=ghost' })).statusCode).toBe(400);
    expect((await h.app.inject({ url: '/api/cases/missing/zopa' })).statusCode).toBe(404);
  });

  it('answers evidence routes for a missing case with 404', async () => {
    expect((await h.app.inject({ url: '/api/cases/missing/timeline' })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/cases/missing/evidence/documents' })).statusCode).toBe(404);
  });

  it('revalidates analyses with an ETag that changes when the case is saved', async () => {
    const first = await h.app.inject({ url: '/api/cases/small/check?proposal=p1' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await h.app.inject({
      url: '/api/cases/small/check?proposal=p1',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
    // Another question about the same version has another tag; so has the same question after a save.
    expect((await h.app.inject({ url: '/api/cases/small/check?proposal=p2' })).headers.etag).not.toBe(etag);
    const doc = (await h.app.inject({ url: '/api/cases/small' })).json();
    await h.app.inject({
      method: 'PUT',
      url: '/api/cases/small',
      ...json({ yaml: doc.yaml, message: 'same text, new version' }),
    });
    const after = await h.app.inject({
      url: '/api/cases/small/check?proposal=p1',
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // Errors carry no tag.
    expect(
      (await h.app.inject({ url: '/api/cases/small/check?proposal=nope' })).headers.etag,
    ).toBeUndefined();
  });
});
