/**
 * Alerts: a webhook receiver on loopback checks the HMAC-SHA256 signature of each delivery and fails the
 * first attempt with a 500; the delivery is retried after the back-off and logged. A digest rule writes its
 * Markdown and HTML files. Each (rule, development) is delivered once, across cycles.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';
import { openStore } from '../../src/adapters/store/index.js';
import { monitorRepository } from '../../src/adapters/monitor/repo.js';
import { AlertRuleInputSchema } from '../../src/index.js';
import { CASE_YAML, startSite, type TestSite } from './fixtures.js';

const SECRET = 'test-secret-0123456789';
let dir: string;
let site: TestSite;
let receiver: Server;
let hookUrl: string;
const received: Array<{ delivery: string; attempt: string; valid: boolean; body: Record<string, unknown> }> =
  [];
let failNext = 1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-alerts-'));
  writeFileSync(join(dir, 'case.yaml'), CASE_YAML);
  site = await startSite();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      // The receiver's own check, as a user would write it: HMAC-SHA256 of the raw body, hex, "sha256=" prefix.
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-redline-signature'] ?? ''));
      const valid = given.length === expected.length && timingSafeEqual(given, expected);
      received.push({
        delivery: String(req.headers['x-redline-delivery']),
        attempt: String(req.headers['x-redline-attempt']),
        valid,
        body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
      });
      if (failNext > 0) {
        failNext--;
        res.statusCode = 500;
      } else res.statusCode = valid ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await site?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts', () => {
  it('delivers a signed webhook, retries after a 500, logs both attempts, and writes a digest', async () => {
    const data = join(dir, 'data');
    // Register the case, then the rules, before the first cycle.
    expect(
      (await runCli('sources', join(dir, 'case.yaml'), 'add', `${site.url}/feed.xml`, '--data', data)).code,
    ).toBe(0);
    const store = await openStore({ dataDir: data });
    const repo = monitorRepository(store);
    const hook = await repo.rules.add(
      'watch-test',
      AlertRuleInputSchema.parse({
        name: 'red lines',
        channel: 'webhook',
        kinds: ['red_line_signal'],
        url: hookUrl,
        secret: SECRET,
      }),
    );
    await repo.rules.add(
      'watch-test',
      AlertRuleInputSchema.parse({ name: 'daily', channel: 'digest', directory: join(dir, 'digests') }),
    );
    await store.close();

    const r = await runCli(
      'watch',
      join(dir, 'case.yaml'),
      '--once',
      '--json',
      '--data',
      data,
      '--politeness',
      '0s',
      '--retry-base',
      '200ms',
    );
    expect(r.code, r.err).toBe(0);

    const s2 = await openStore({ dataDir: data });
    const repo2 = monitorRepository(s2);
    const devs = await repo2.developments.list('watch-test', { kinds: ['red_line_signal'] });
    expect(devs.length).toBe(1);
    const log = await repo2.deliveries.list('watch-test', { ruleId: hook.id });
    await s2.close();
    expect(log).toHaveLength(1);
    expect(log[0]!.status).toBe('delivered');
    expect(log[0]!.log.map((l) => l.code)).toEqual([500, 204]);
    // The second attempt came at least the back-off (200 ms) after the first.
    expect(Date.parse(log[0]!.log[1]!.at) - Date.parse(log[0]!.log[0]!.at)).toBeGreaterThanOrEqual(200);
    expect(received.map((x) => [x.delivery, x.attempt, x.valid])).toEqual([
      [log[0]!.id, '1', true],
      [log[0]!.id, '2', true],
    ]);
    const body = received[1]!.body as {
      case: string;
      development: { id: string; kind: string; evidence: unknown[] };
    };
    expect(body.case).toBe('watch-test');
    expect(body.development.id).toBe(devs[0]!.id);
    expect(body.development.evidence.length).toBeGreaterThan(0);

    const files = readdirSync(join(dir, 'digests')).sort();
    expect(files.map((f) => f.replace(/^.*\./, ''))).toEqual(['html', 'md']);
    const md = readFileSync(join(dir, 'digests', files[1]!), 'utf8');
    expect(md).toContain('Red-line signal');
    expect(readFileSync(join(dir, 'digests', files[0]!), 'utf8')).toMatch(/^<!doctype html>/);

    // A second cycle sees the same feed (304): no new delivery, no second digest within the day.
    const again = await runCli(
      'watch',
      join(dir, 'case.yaml'),
      '--once',
      '--json',
      '--data',
      data,
      '--politeness',
      '0s',
    );
    expect(again.code).toBe(0);
    expect(received).toHaveLength(2);
    expect(readdirSync(join(dir, 'digests'))).toHaveLength(2);
  });

  it('refuses a webhook rule without a secret', () => {
    expect(AlertRuleInputSchema.safeParse({ name: 'x', channel: 'webhook', url: hookUrl }).success).toBe(
      false,
    );
  });
});
