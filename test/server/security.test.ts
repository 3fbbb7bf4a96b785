/**
 * Security: response headers, API tokens with viewer/editor roles when auth is on, the loopback Host check,
 * and SQL-injection strings in every text parameter answered as plain data (never a 500, never a change).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/adapters/server/index.js';
import { harness, SMALL_CASE_YAML, type Harness } from './helpers.js';
import { DASHBOARD } from './helpers.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

const INJECTIONS = [
  "x'; DROP TABLE cases; --",
  "' OR '1'='1",
  '1; DELETE FROM case_versions',
  '" OR ""="',
  "') UNION SELECT hash FROM api_tokens --",
  '%',
  '_',
];

describe('security headers and loopback', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => h?.close());

  it('sends a Content-Security-Policy without inline scripts and the usual hardening headers', async () => {
    const res = await h.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const page = await h.app.inject({ url: '/' });
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses the body types a cross-site form can send without a preflight (CSRF)', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/cases',
        payload: 'yaml=x',
        headers: { 'content-type': type },
      });
      expect(res.statusCode, type).toBe(403);
      expect(res.json().code, type).toBe('cross_site_request');
      // Even with the dashboard's header, such bodies are not parsed.
      const typed = await h.app.inject({
        method: 'POST',
        url: '/api/cases',
        payload: 'yaml=x',
        headers: { 'content-type': type, ...DASHBOARD },
      });
      expect(typed.statusCode, type).toBe(415);
    }
    // No CORS headers are sent, so browsers keep other origins from reading answers.
    const res = await h.app.inject({ url: '/api/cases', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses requests addressed to a non-loopback name (DNS rebinding)', async () => {
    const res = await h.app.inject({ url: '/api/cases', headers: { host: 'evil.example:4400' } });
    expect(res.statusCode).toBe(421);
    expect((await h.app.inject({ url: '/api/cases', headers: { host: 'localhost:4400' } })).statusCode).toBe(
      200,
    );
    expect((await h.app.inject({ url: '/api/cases', headers: { host: '127.0.0.1:4400' } })).statusCode).toBe(
      200,
    );
    expect((await h.app.inject({ url: '/api/cases', headers: { host: '[::1]:4400' } })).statusCode).toBe(200);
    // Host names are case-insensitive (RFC 9110 §4.2.3).
    for (const host of ['LOCALHOST:4400', 'LocalHost', '[::1]']) {
      expect((await h.app.inject({ url: '/api/cases', headers: { host } })).statusCode, host).toBe(200);
    }
    expect(
      (await h.app.inject({ url: '/api/cases', headers: { host: 'LOCALHOST.evil.example' } })).statusCode,
    ).toBe(421);
  });

  it('answers SQL-injection strings in every text parameter as data', async () => {
    const before = (await h.app.inject({ url: '/api/cases' })).json();
    const caseId = before.items[0].id as string;
    for (const s of INJECTIONS) {
      const e = encodeURIComponent(s);
      const urls = [
        `/api/cases/${e}`,
        `/api/cases/${e}/versions`,
        `/api/cases/${e}/versions/1`,
        `/api/cases?q=${e}`,
        `/api/cases?cursor=${e}`,
        `/api/cases/${caseId}/versions?cursor=${e}`,
        `/api/cases/${caseId}/versions/diff?from=${e}&to=1`,
        `/api/cases/${caseId}/check?proposal=${e}`,
        `/api/cases/${caseId}/check?proposal=x&scenario=${e}`,
        `/api/cases/${caseId}/check?proposal=x&asOf=${e}`,
        `/api/cases/${caseId}/diff?from=${e}&to=${e}`,
        `/api/cases/${caseId}/zopa?scenario=${e}`,
        `/api/cases/${caseId}/scenarios?proposal=${e}&asOf=${e}`,
        `/api/cases/${caseId}/stability?conflict=${e}&concepts=${e}`,
        `/api/cases/${caseId}/analyses?kind=${e}`,
        `/api/cases/${caseId}/jobs?cursor=${e}`,
        `/api/analyses/${e}`,
        `/api/jobs/${e}`,
        `/api/cases/${caseId}/evidence/documents?q=${e}`,
        `/api/cases/${caseId}/evidence/suggestions?status=${e}&kind=${e}`,
      ];
      for (const url of urls) {
        const res = await h.app.inject({ url });
        // 501 is the evidence routes' answer while that module is absent; anything else 5xx is a failure.
        expect(res.statusCode < 500 || res.statusCode === 501, `${url} → ${res.statusCode}`).toBe(true);
        if (res.statusCode >= 400)
          expect(res.headers['content-type'], url).toContain('application/problem+json');
      }
      const posts = [
        { url: `/api/cases/${e}`, method: 'PUT' as const, body: { yaml: SMALL_CASE_YAML } },
        { url: `/api/cases/${e}/versions/1/restore`, method: 'POST' as const, body: {} },
        { url: `/api/jobs/${e}/cancel`, method: 'POST' as const, body: {} },
        {
          url: `/api/cases/${caseId}/jobs`,
          method: 'POST' as const,
          body: { kind: 'montecarlo', params: { scenario: s } },
        },
        { url: `/api/cases/${caseId}/forecast`, method: 'POST' as const, body: { scenario: s } },
        { url: `/api/cases/${caseId}/forecast/scenarios`, method: 'POST' as const, body: { scenarios: [s] } },
        { url: '/api/validate', method: 'POST' as const, body: { yaml: s } },
        {
          url: '/api/cases',
          method: 'POST' as const,
          body: {
            yaml: SMALL_CASE_YAML.replace('title: Small test case', `title: ${JSON.stringify(s)}`).replace(
              'id: small',
              'id: inj',
            ),
          },
        },
      ];
      for (const p of posts) {
        const res = await h.app.inject({ method: p.method, url: p.url, ...json(p.body) });
        expect(res.statusCode, p.url).toBeLessThan(500);
      }
      // The case whose title is the injection string was stored verbatim; delete it for the next round.
      const inj = (await h.app.inject({ url: '/api/cases/inj' })).json();
      expect(inj.title).toBe(s);
      expect(
        (await h.app.inject({ method: 'DELETE', url: '/api/cases/inj', headers: DASHBOARD })).statusCode,
      ).toBe(204);
    }
    const after = (await h.app.inject({ url: '/api/cases' })).json();
    expect(after.items).toEqual(before.items);
    expect((await h.app.inject({ url: `/api/cases/${caseId}/versions` })).json().items).toHaveLength(1);
  });
});

describe('CSRF on the loopback server', () => {
  let h: Harness;
  let caseId = '';
  const caseIdOf = () => caseId;
  beforeAll(async () => {
    h = await harness();
    caseId = (await h.app.inject({ url: '/api/cases' })).json().items[0].id;
  });
  afterAll(async () => h?.close());

  it('refuses state changes from another origin or without the JSON type or dashboard header (CSRF)', async () => {
    const restore = (headers: Record<string, string>) =>
      h.app.inject({ method: 'POST', url: `/api/cases/${caseIdOf()}/versions/1/restore`, headers });
    const refused: Record<string, string>[] = [
      {},
      { origin: 'http://127.0.0.1:9999', ...DASHBOARD },
      { origin: 'null', ...DASHBOARD },
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', ...DASHBOARD },
      { 'sec-fetch-site': 'same-site', ...DASHBOARD },
      { 'content-type': 'text/plain' },
    ];
    for (const headers of refused) {
      const res = await restore({ host: 'localhost:4400', ...headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('cross_site_request');
    }
    const versions = (await h.app.inject({ url: `/api/cases/${caseIdOf()}/versions` })).json().items;
    expect(versions).toHaveLength(1);
    // The dashboard's own requests pass: same origin, the custom header, the browser's own marking.
    const ok = await restore({
      host: 'localhost:4400',
      origin: 'http://localhost:4400',
      'sec-fetch-site': 'same-origin',
      ...DASHBOARD,
    });
    expect(ok.statusCode).toBe(200);
    expect((await h.app.inject({ url: `/api/cases/${caseIdOf()}/versions` })).json().items).toHaveLength(2);
    // Reads need nothing of this.
    const read = await h.app.inject({ url: '/api/cases', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
  });
});

describe('API tokens when listening beyond loopback', () => {
  let h: Harness;
  let viewer: string;
  let editor: string;
  beforeAll(async () => {
    h = await harness({ auth: true });
    viewer = (await h.store.tokens.create('viewer')).token;
    editor = (await h.store.tokens.create('editor')).token;
  });
  afterAll(async () => h?.close());
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('requires a token for the API but not for health or the docs', async () => {
    const res = await h.app.inject({ url: '/api/cases', headers: { host: 'redline.example.org' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
    expect((await h.app.inject({ url: '/api/cases', headers: bearer('rl_not-a-token') })).statusCode).toBe(
      401,
    );
    expect((await h.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('lets a viewer read and forecast but not write', async () => {
    expect((await h.app.inject({ url: '/api/cases', headers: bearer(viewer) })).statusCode).toBe(200);
    const write = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...json({ yaml: SMALL_CASE_YAML }, bearer(viewer)),
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('forbidden');
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/validate',
          ...json({ yaml: SMALL_CASE_YAML }, bearer(viewer)),
        })
      ).statusCode,
    ).toBe(200);
    expect((await h.app.inject({ url: '/api/cases/small', headers: bearer(viewer) })).statusCode).toBe(404);
  });

  it('accepts a token in the query only on the progress stream (EventSource sends no headers)', async () => {
    expect((await h.app.inject({ url: `/api/cases?access_token=${viewer}` })).statusCode).toBe(401);
    const res = await h.app.inject({ url: `/api/jobs/missing/events?access_token=${viewer}` });
    expect(res.statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/jobs/missing/events?access_token=rl_wrong' })).statusCode).toBe(
      401,
    );
  });

  it('lets an editor write', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...json({ yaml: SMALL_CASE_YAML }, bearer(editor)),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().author).toBe('editor token');
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: '/api/cases/small',
          headers: { ...bearer(viewer), ...DASHBOARD },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: '/api/cases/small',
          headers: { ...bearer(editor), ...DASHBOARD },
        })
      ).statusCode,
    ).toBe(204);
  });
});

describe('OpenAPI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ seed: false });
  });
  afterAll(async () => h?.close());

  it('documents every route with schemas derived from zod, and serves interactive docs', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/cases',
      '/api/cases/{id}',
      '/api/validate',
      '/api/cases/{id}/versions',
      '/api/cases/{id}/versions/{v}',
      '/api/cases/{id}/versions/diff',
      '/api/cases/{id}/versions/{v}/restore',
      '/api/cases/{id}/check',
      '/api/cases/{id}/diff',
      '/api/cases/{id}/zopa',
      '/api/cases/{id}/forecast',
      '/api/cases/{id}/jobs',
      '/api/jobs/{id}',
      '/api/jobs/{id}/events',
      '/api/jobs/{id}/cancel',
      '/api/cases/{id}/stability',
      '/api/cases/{id}/evidence/documents',
      '/api/cases/{id}/evidence/suggestions',
      '/api/cases/{id}/timeline',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const check = doc.paths['/api/cases/{id}/check'].get;
    expect(check.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['id', 'proposal', 'asOf', 'scenario']),
    );
    // The case body is documented from the case schema itself.
    expect(JSON.stringify(doc.paths['/api/cases'].post.requestBody)).toContain('redLine');
    const read = doc.paths['/api/cases/{id}'].get.responses;
    expect(JSON.stringify(read['200'])).toContain('redLine');
    expect(JSON.stringify(read['404'])).toContain('problem details');
    const ui = await h.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const page = await h.app.inject({
      url:
        ui.statusCode === 302
          ? new URL(String(ui.headers.location), 'http://x/api/docs/').pathname
          : '/api/docs',
    });
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain('swagger');
  });
});
