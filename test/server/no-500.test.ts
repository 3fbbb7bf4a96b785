/**
 * Engine preconditions the CLI refuses are refused by the API with the same issue and a 4xx, and generated
 * cases and request bodies never reach a 500 (property-based: fast-check drives the analysis routes).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD, harness, SMALL_CASE_YAML, type Harness } from './helpers.js';

let h: Harness;
const post = (url: string, body: unknown) =>
  h.app.inject({
    method: 'POST',
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...DASHBOARD },
  });
const put = (url: string, body: unknown) =>
  h.app.inject({
    method: 'PUT',
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...DASHBOARD },
  });

beforeAll(async () => {
  h = await harness({ seed: false });
  await post('/api/cases', { yaml: SMALL_CASE_YAML });
});
afterAll(async () => h?.close());

/** The small case with the two actors' capabilities and positions replaced. */
const variant = (capA: number, capB: number, posA: number, posB: number) =>
  SMALL_CASE_YAML.replace(
    '- { id: a, name: Alpha, kind: state, veto: true }',
    `- { id: a, name: Alpha, kind: state, veto: true, capability: ${capA} }`,
  )
    .replace(
      '- { id: b, name: Beta, kind: state, veto: true }',
      `- { id: b, name: Beta, kind: state, veto: true, capability: ${capB} }`,
    )
    .replace('position: 20, salience: 80', `position: ${posA}, salience: 80`)
    .replace('position: 80, salience: 60', `position: ${posB}, salience: 60`);

describe('engine preconditions over HTTP', () => {
  it('refuses a forecast when every actor has capability 0 with 422 and the zero_capability issue', async () => {
    expect((await put('/api/cases/small', { yaml: variant(0, 0, 20, 80) })).statusCode).toBe(200);
    const res = await post('/api/cases/small/forecast', {});
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; issues: { code: string; path: unknown[] }[] };
    expect(body.code).toBe('invalid_input');
    expect(body.issues.map((i) => i.code)).toContain('zero_capability');
  });

  it('answers an unknown proposal or scenario with 400 unknown_id and the known ids', async () => {
    const res = await h.app.inject({ url: '/api/cases/small/check?proposal=ghost' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'unknown_id', known: ['p1', 'p2'] });
    const sc = await post('/api/cases/small/forecast', { scenario: 'ghost' });
    expect(sc.statusCode).toBe(400);
  });

  it('never answers 500 to generated cases and bodies', async () => {
    const ids = fc.constantFrom('p1', 'p2', 'ghost', '');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          capA: fc.constantFrom(0, 0.5, 1, 3),
          capB: fc.constantFrom(0, 1, 2),
          posA: fc.integer({ min: 0, max: 100 }),
          posB: fc.integer({ min: 0, max: 100 }),
          proposal: ids,
          to: ids,
          asOf: fc.constantFrom(undefined, '2024-01-01', '2025-06-01', '2030-12-31', 'not-a-date'),
          models: fc.option(fc.subarray(['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange', 'bogus'])),
          seed: fc.option(fc.integer()),
        }),
        async (g) => {
          const saved = await put('/api/cases/small', { yaml: variant(g.capA, g.capB, g.posA, g.posB) });
          expect(saved.statusCode).toBeLessThan(500);
          const q = g.asOf ? `&asOf=${g.asOf}` : '';
          const answers = await Promise.all([
            h.app.inject({ url: `/api/cases/small/check?proposal=${g.proposal}${q}` }),
            h.app.inject({ url: `/api/cases/small/diff?from=${g.proposal}&to=${g.to}${q}` }),
            h.app.inject({ url: `/api/cases/small/zopa?x=1${q}` }),
            h.app.inject({ url: `/api/cases/small/stability` }),
            h.app.inject({ url: `/api/cases/small/scenarios?proposal=${g.proposal}${q}` }),
            post('/api/cases/small/forecast', {
              ...(g.asOf ? { asOf: g.asOf } : {}),
              ...(g.models && g.models.length ? { models: g.models } : {}),
              ...(g.seed !== null ? { seed: g.seed } : {}),
            }),
          ]);
          for (const a of answers) expect(a.statusCode, a.body.slice(0, 300)).toBeLessThan(500);
        },
      ),
      { numRuns: 40, seed: 12 },
    );
  }, 120_000);
});
