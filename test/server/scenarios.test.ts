/**
 * Scenarios side by side over HTTP. In the small case a (veto) accepts the border at most at 60, so the plan
 * at 70 is vetoed; the scenario "a-softens" widens a's line to 80, under which the same plan passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastScenarios, parseCase } from '../../src/index.js';
import { harness, SMALL_CASE_YAML, type Harness } from './helpers.js';

const YAML = `${SMALL_CASE_YAML.replace('id: small', 'id: small-sc')}scenarios:
  - id: a-softens
    name: Alpha softens
    changes:
      - { op: stance, actor: a, issue: border, redLine: { max: 80 } }
`;
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
let h: Harness;

beforeAll(async () => {
  h = await harness({ seed: false });
  const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: YAML }) });
  if (res.statusCode !== 201) throw new Error(res.payload);
});
afterAll(async () => h?.close());

describe('scenario routes', () => {
  it('checks a plan under the baseline and each scenario', async () => {
    const rows = (await h.app.inject({ url: '/api/cases/small-sc/scenarios?proposal=p2' })).json();
    expect(rows.map((r: { scenario: string | null }) => r.scenario)).toEqual([null, 'a-softens']);
    expect(rows[0].proposal.vetoedBy).toEqual(['a']);
    expect(rows[1].proposal.passes).toBe(true);
    expect(rows.every((r: { zone: { feasible: boolean } }) => r.zone.feasible)).toBe(true);
    // The same scenario applied to a single check agrees.
    expect(
      (await h.app.inject({ url: '/api/cases/small-sc/check?proposal=p2&scenario=a-softens' })).json().passes,
    ).toBe(true);
  });

  it('forecasts the baseline and each scenario as the engine does', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small-sc/forecast/scenarios',
      ...json({ models: ['compromise'] }),
    });
    expect(res.statusCode).toBe(200);
    const r = parseCase(YAML);
    if (!r.ok) throw new Error('invalid');
    expect(res.json()).toEqual(
      JSON.parse(JSON.stringify(forecastScenarios(r.case, { models: ['compromise'] }))),
    );
    expect(res.json().scenarios.map((s: { id: string }) => s.id)).toEqual(['a-softens']);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small-sc/forecast/scenarios',
      ...json({ scenarios: ['ghost'] }),
    });
    expect(bad.statusCode).toBe(400);
  });
});
