/**
 * End-to-end: the Monitoring view in headless Chromium against `redline serve`. While the page is open,
 * `redline watch --once` reads an inbox folder into the server's store; the new development appears in the
 * "What changed" panel over SSE, with the unread count, without a reload; its evidence link opens the review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath, launch, screenshot } from './support/browser.js';
import { ROOT, startServer, type RunningServer } from './support/server.js';
import { ensureExampleCase } from './support/fixtures.js';
import { describeIf, NEEDS } from '../support/requirements.js';
import { runCli } from '../../src/adapters/cli/testing.js';

const WAIT = { timeout: 20_000 };
const hasChromium = !!chromiumPath();

let server: RunningServer;
let browser: Browser;
let page: Page;
let caseId: string;

describeIf(hasChromium, NEEDS.chromium)('Monitoring view in Chromium', () => {
  beforeAll(async () => {
    if (process.env.REDLINE_E2E_NO_BUILD !== '1') {
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
    }
    server = await startServer();
    caseId = await ensureExampleCase(server.url);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a new development live, with the unread count, and links it to the evidence review', async () => {
    await page.goto(`${server.url}/#/case/${encodeURIComponent(caseId)}/monitoring`);
    await page.getByRole('heading', { name: /What changed/ }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('unread-count').textContent(), WAIT).toBe('0');
    // A marker on the window survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = 1));

    const inbox = join(server.dataDir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(
      join(inbox, 'wire.md'),
      [
        '---',
        'title: Moscow rejects the plan',
        'date: 2025-12-03',
        '---',
        'Russia rejected the US peace plan on Wednesday, the Kremlin said.',
        '',
        'Negotiators met in several rounds over the autumn, and diplomats described the atmosphere as tense.',
      ].join('\n'),
    );
    const watched = await runCli(
      'watch',
      caseId,
      '--source',
      inbox,
      '--once',
      '--json',
      '--data',
      server.dataDir,
    );
    expect(watched.code, watched.err).toBe(0);

    const first = page.getByTestId('development').first();
    await first.waitFor(WAIT);
    expect(await first.textContent()).toMatch(/Russia/);
    await expect
      .poll(async () => Number(await page.getByTestId('unread-count').textContent()), WAIT)
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(
      1,
    );
    await screenshot(page, 'monitoring');

    await first.getByTestId('evidence-link').first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash), WAIT).toMatch(/\/evidence\/[ce]-/);
  });
});
