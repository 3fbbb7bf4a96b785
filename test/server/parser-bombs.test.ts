/**
 * Parser bombs sent to the server (#14 item 5): /api/validate and case saves go through the case parser's
 * pre-scan, so nested brackets are refused with a located 422 (or a validation result), never a 500 or a
 * stalled event loop. Timings are measured in bench/parse-bombs.ts, not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: false });
});
afterAll(async () => h?.close());

const json = (body: string) => ({ payload: body, headers: { 'content-type': 'application/json' } });
// Just under the 2 MB body limit once wrapped in JSON.
const BRACKETS = '['.repeat(900_000) + ']'.repeat(900_000);

describe('parser bombs at the API', () => {
  it('POST /api/validate with 1.8 MB of nested brackets answers too_deep with its line and column', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/validate',
      ...json(JSON.stringify({ yaml: BRACKETS })),
    });
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json() as { ok: boolean; issues: { code: string; line: number; column: number }[] };
    expect(body.ok).toBe(false);
    expect(body.issues[0]).toMatchObject({ code: 'too_deep', line: 1, column: 65 });
  });

  it('saving a case whose YAML is a bracket bomb answers 422 too_deep', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...json(JSON.stringify({ yaml: BRACKETS })),
    });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('too_deep');
  });

  it('saving a case object nested 900,000 levels deep answers 422 too_deep, not a stack overflow', async () => {
    const body = `{"format":1,"id":"deep","title":${BRACKETS.slice(0, 899_000)}"x"${BRACKETS.slice(-899_000)}}`;
    const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json(body) });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('too_deep');
  });

  it('1,800 levels of nested YAML blocks answer 422, not 500', async () => {
    const yaml = Array.from({ length: 1800 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json(JSON.stringify({ yaml })) });
    expect(res.statusCode).toBe(422);
  });
});
