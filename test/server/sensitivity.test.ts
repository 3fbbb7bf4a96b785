/**
 * Sensitivity over HTTP. In the small case a (position 20, salience 80) and b (80, salience 60) have capability
 * 1, so the compromise forecast is (0.8·20 + 0.6·80) / 1.4 = 45.71 and its slope in a's position is 0.8 / 1.4 = 4/7.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, SMALL_CASE_YAML, type Harness } from './helpers.js';

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
let h: Harness;

beforeAll(async () => {
  h = await harness({ seed: false });
  const yaml = SMALL_CASE_YAML.replace('id: small', 'id: small-sens');
  const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml }) });
  if (res.statusCode !== 201) throw new Error(res.payload);
});
afterAll(async () => h?.close());

describe('POST /api/cases/:id/sensitivity', () => {
  it('returns the one-at-a-time slopes of the compromise model, Sobol indices and who must move', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small-sens/sensitivity',
      ...json({ model: 'compromise', samples: 64 }),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const border = body.issues[0];
    expect(border.base).toBeCloseTo(64 / 1.4, 10);
    const a = border.rows.find((r: { label: string }) => r.label === 'a position on border');
    expect(a.slope).toBeCloseTo(4 / 7, 10);
    expect(border.sobol.inputs.length).toBeGreaterThan(0);
    // Both red lines hold at 45.7 (a: ≤ 60, b: ≥ 40); each has a smallest move that crosses it.
    expect(body.crossings.map((c: { owner: string }) => c.owner).sort()).toEqual(['a', 'b']);
    expect(body.crossings.every((c: { insideNow: boolean }) => c.insideNow)).toBe(true);
  });

  it('refuses an unknown issue with 400 and the known ids, and bad sizes with 400', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small-sens/sensitivity',
      ...json({ issue: 'ghost' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().known).toEqual(['border']);
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small-sens/sensitivity',
      ...json({ samples: 10 ** 9 }),
    });
    expect(big.statusCode).toBe(400);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/cases/{id}/sensitivity'].post).toBeDefined();
  });
});
