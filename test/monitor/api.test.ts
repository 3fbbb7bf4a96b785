/**
 * Monitoring API: sources, runs, developments (unread count, read marks, live updates over SSE) and alert
 * rules in the OpenAPI document; bad input is a 400/404 problem, never a 500.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../server/helpers.js';
import { monitorRepository } from '../../src/adapters/monitor/repo.js';
import type { Development } from '../../src/index.js';

let h: Harness;
let CASE: string;
beforeAll(async () => {
  h = await harness();
  CASE = (await h.store.cases.list()).items[0]!.id;
});
afterAll(async () => h?.close());

const dev = (id: string, score: number): Development => ({
  id,
  kind: 'stance_shift',
  actor: 'russia',
  issue: 'nato',
  date: '2025-09-01',
  summary: `test development ${id}`,
  salience: 1,
  confidence: score,
  score,
  evidence: [{ itemId: `c-${id}`, docId: 'd-1', clusterId: 'd-1', quote: 'quoted', confidence: score }],
});

describe('monitoring API', () => {
  it('adds, lists and removes sources; refuses bad URLs and unknown cases', async () => {
    const add = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/monitor/sources`,
      payload: { url: 'http://127.0.0.1:9/feed.xml', every: 600 },
    });
    expect(add.statusCode).toBe(201);
    const src = add.json() as { id: string; everySeconds: number; lastStatus: null };
    expect(src.everySeconds).toBe(600);
    expect(src.lastStatus).toBeNull();
    for (const payload of [
      { url: 'file:///etc/passwd' },
      { url: 'not a url' },
      { url: 'http://x/', every: 1 },
      {},
    ])
      expect(
        (await h.app.inject({ method: 'POST', url: `/api/cases/${CASE}/monitor/sources`, payload }))
          .statusCode,
      ).toBe(400);
    const list = (await h.app.inject({ url: `/api/cases/${CASE}/monitor/sources` })).json() as {
      items: Array<{ id: string; volume: number[] }>;
    };
    expect(list.items.map((s) => s.id)).toEqual([src.id]);
    expect(list.items[0]!.volume).toHaveLength(14);
    expect((await h.app.inject({ url: '/api/cases/nope/monitor/sources' })).statusCode).toBe(404);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/api/cases/${CASE}/monitor/sources/${src.id}`,
          headers: { 'x-redline-request': '1' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/api/cases/${CASE}/monitor/sources/${src.id}`,
          headers: { 'x-redline-request': '1' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      ((await h.app.inject({ url: `/api/cases/${CASE}/monitor/runs` })).json() as { items: unknown[] }).items,
    ).toEqual([]);
  });

  it('lists developments by score with the unread count, and marks them read', async () => {
    const repo = monitorRepository(h.store);
    await repo.developments.upsert(CASE, [dev('dev-a', 0.4), dev('dev-b', 0.9)]);
    const r = (await h.app.inject({ url: `/api/cases/${CASE}/developments` })).json() as {
      items: Array<{ id: string; read: boolean }>;
      unread: number;
    };
    expect(r.items.map((d) => d.id)).toEqual(['dev-b', 'dev-a']);
    expect(r.unread).toBe(2);
    const read = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/developments/read`,
      payload: { ids: ['dev-b'] },
    });
    expect(read.json()).toEqual({ unread: 1 });
    expect(
      (
        (await h.app.inject({ url: `/api/cases/${CASE}/developments?unread=true` })).json() as {
          items: Array<{ id: string }>;
        }
      ).items.map((d) => d.id),
    ).toEqual(['dev-a']);
    expect((await h.app.inject({ url: `/api/cases/${CASE}/developments/dev-a` })).json()).toMatchObject({
      id: 'dev-a',
      read: false,
    });
    expect((await h.app.inject({ url: `/api/cases/${CASE}/developments/nope` })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/cases/${CASE}/developments?since=yesterday` })).statusCode).toBe(
      400,
    );
    expect((await h.app.inject({ url: `/api/cases/${CASE}/developments?kind=bogus` })).statusCode).toBe(400);
  });

  it('streams new developments and the unread count over SSE', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/cases/${CASE}/developments/events`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const until = async (re: RegExp) => {
      while (!re.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await until(/event: unread\n[^\n]*\ndata: \{"unread":1\}/);
    await monitorRepository(h.store).developments.upsert(CASE, [dev('dev-live', 0.7)]);
    await until(/event: development\n[^\n]*\ndata: \{[^\n]*"id":"dev-live"/);
    await until(/data: \{"unread":2\}/);
    controller.abort();
  });

  it('alert rules: webhook needs a secret, the secret is never returned, the delivery log is readable', async () => {
    const base = `/api/cases/${CASE}/alert-rules`;
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: base,
          payload: { name: 'x', channel: 'webhook', url: 'http://127.0.0.1:9/h' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: base,
          payload: { name: 'x', channel: 'digest', directory: '/etc' },
        })
      ).statusCode,
    ).toBe(400);
    const add = await h.app.inject({
      method: 'POST',
      url: base,
      payload: {
        name: 'red lines',
        channel: 'webhook',
        url: 'http://127.0.0.1:9/h',
        secret: 'abcdefghijklmnopqrstuvwxyz',
        kinds: ['red_line_signal'],
        minConfidence: 0.5,
      },
    });
    expect(add.statusCode).toBe(201);
    const rule = add.json() as Record<string, unknown>;
    expect(rule.hasSecret).toBe(true);
    expect(JSON.stringify(rule)).not.toContain('abcdefghijklmnop');
    const put = await h.app.inject({
      method: 'PUT',
      url: `${base}/${rule.id}`,
      payload: { name: 'all', channel: 'dashboard' },
    });
    expect(put.json()).toMatchObject({ name: 'all', channel: 'dashboard', hasSecret: false });
    expect(
      ((await h.app.inject({ url: `${base}/${rule.id}/deliveries` })).json() as { items: unknown[] }).items,
    ).toEqual([]);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `${base}/${rule.id}`,
          headers: { 'x-redline-request': '1' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await h.app.inject({ url: `${base}/${rule.id}/deliveries` })).statusCode).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const p of [
      '/api/cases/{id}/monitor/sources',
      '/api/cases/{id}/monitor/runs',
      '/api/cases/{id}/developments',
      '/api/cases/{id}/developments/events',
      '/api/cases/{id}/alert-rules',
      '/api/cases/{id}/alert-rules/{ruleId}/deliveries',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
