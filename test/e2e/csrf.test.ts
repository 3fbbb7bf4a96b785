/**
 * CSRF in real headless Chromium: a page served by a second loopback server on another port (another origin,
 * the same site) tries every request a browser sends without a CORS preflight — `fetch` with `no-cors`,
 * `navigator.sendBeacon`, form posts (text/plain and urlencoded, into an iframe) — plus a JSON `fetch` that needs
 * a preflight, against the loopback API with no token. The requests reach the server (its log shows them
 * refused) and the store is unchanged afterwards.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launch } from './support/browser.js';
import { chromiumPath, describeIf, NEEDS } from '../support/requirements.js';
import { openStore, type Store } from '../../src/adapters/store/index.js';
import { createJobQueue, type JobQueue } from '../../src/adapters/jobs/index.js';
import { buildApp, LogDestination, seedExample } from '../../src/adapters/server/index.js';

/** The attacking page: fires every attempt, then reports what its fetches saw. */
function attackPage(api: string, caseId: string, jobId: string): string {
  const restore = `${api}/api/cases/${caseId}/versions/1/restore`;
  const cancel = `${api}/api/jobs/${jobId}/cancel`;
  const create = `${api}/api/cases`;
  const yaml = JSON.stringify({ yaml: 'format: 1\nid: planted\ntitle: Planted\n' });
  return `<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe><iframe name="sink3"></iframe>
<form id="f1" method="POST" action="${restore}" target="sink1" enctype="text/plain"><input name='{"a":"' value='"}'></form>
<form id="f2" method="POST" action="${cancel}" target="sink2" enctype="application/x-www-form-urlencoded"><input name="x" value="1"></form>
<form id="f3" method="POST" action="${create}" target="sink3" enctype="text/plain"><input name='${yaml.slice(0, -1)},"x":"' value='"}'></form>
<script>
window.results = [];
const note = (name, p) => p.then(() => results.push(name + ': sent'), (e) => results.push(name + ': ' + e));
(async () => {
  await note('fetch no-cors restore', fetch(${JSON.stringify(restore)}, { method: 'POST', mode: 'no-cors' }));
  await note('fetch no-cors restore text/plain', fetch(${JSON.stringify(restore)}, { method: 'POST', mode: 'no-cors', body: '{}' }));
  await note('fetch no-cors cancel', fetch(${JSON.stringify(cancel)}, { method: 'POST', mode: 'no-cors', credentials: 'include' }));
  await note('fetch no-cors create', fetch(${JSON.stringify(create)}, { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(yaml)} }));
  await note('fetch cors json create', fetch(${JSON.stringify(create)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(yaml)} }));
  await note('fetch cors custom header restore', fetch(${JSON.stringify(restore)}, { method: 'POST', headers: { 'x-redline-request': '1' } }));
  results.push('beacon restore: ' + navigator.sendBeacon(${JSON.stringify(restore)}));
  results.push('beacon cancel: ' + navigator.sendBeacon(${JSON.stringify(cancel)}, 'x'));
  results.push('beacon create: ' + navigator.sendBeacon(${JSON.stringify(create)}, new Blob([${JSON.stringify(yaml)}], { type: 'text/plain' })));
  document.getElementById('f1').submit();
  document.getElementById('f2').submit();
  document.getElementById('f3').submit();
  window.done = true;
})();
</script>`;
}

describeIf(!!chromiumPath(), NEEDS.chromium)('CSRF from another origin in Chromium', () => {
  let dir: string;
  let store: Store;
  let jobs: JobQueue;
  let app: FastifyInstance;
  let attacker: Server;
  let browser: Browser;
  let api: string;
  let attackerUrl: string;
  let caseId: string;
  let jobId: string;
  const log: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-csrf-'));
    store = await openStore({ dataDir: dir });
    caseId = (await seedExample(store)).imported!;
    // Not started: the job stays queued, so a successful cancel would show.
    jobs = createJobQueue(store, { offThread: false });
    jobId = (await store.jobs.create({ caseId, kind: 'montecarlo', params: {} })).job.id;
    app = await buildApp({
      store,
      jobs,
      webDist: join(dir, 'none'),
      logger: new LogDestination({ stderr: false, stream: { write: (l: string) => log.push(l) } }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(attackPage(api, caseId, jobId));
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    // localhost vs 127.0.0.1 and another port: another origin; a real attacker site would be cross-site too.
    attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => attacker?.close(r));
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function snapshot(): Promise<string> {
    return JSON.stringify([
      (await app.inject({ url: '/api/cases' })).json(),
      (await app.inject({ url: `/api/cases/${caseId}/versions` })).json(),
      (await app.inject({ url: `/api/jobs/${jobId}` })).json().job.status,
      (await app.inject({ url: `/api/jobs/${jobId}` })).json().job.cancelRequested,
    ]);
  }

  it('changes nothing through fetch no-cors, sendBeacon or form posts', async () => {
    const before = await snapshot();
    const page = await browser.newPage();
    await page.goto(attackerUrl);
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, {
      timeout: 15_000,
    });
    // Beacons and form posts are sent after the page's script returns; give them time to arrive.
    const refusedPosts = () =>
      log
        .map((l) => JSON.parse(l) as { res?: { statusCode?: number }; reqId?: string })
        .filter((l) => l.res?.statusCode === 403).length;
    const until = Date.now() + 10_000;
    while (refusedPosts() < 9 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    await page.close();

    // The no-cors fetches, beacons and form posts reached the server and were refused (403) ...
    expect(refusedPosts(), `${results.join('\n')}\n${log.join('')}`).toBeGreaterThanOrEqual(9);
    // ... the fetches needing a preflight were stopped by the browser (no CORS is granted) ...
    expect(results.find((r) => r.startsWith('fetch cors json create'))).toMatch(/TypeError/);
    expect(results.find((r) => r.startsWith('fetch cors custom header'))).toMatch(/TypeError/);
    // ... and nothing changed: no new version, the job still queued and not flagged, no planted case.
    expect(await snapshot()).toBe(before);
    const versions = (await app.inject({ url: `/api/cases/${caseId}/versions` })).json().items;
    expect(versions).toHaveLength(1);
    expect((await app.inject({ url: '/api/cases/planted' })).statusCode).toBe(404);
  });
});
