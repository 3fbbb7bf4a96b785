/**
 * End-to-end: the dashboard in headless Chromium against `redline serve` with the bundled example case.
 * Opens every view, clicks a plan, runs a Monte Carlo job to the end, accepts a claim, edits the YAML, exports
 * charts and the HTML briefing, and probes for XSS through an article and a case name. Screenshots land in
 * test-results/screenshots/.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath, launch, screenshot, SCREENSHOTS } from './support/browser.js';
import { describeIf, NEEDS } from '../support/requirements.js';
import { call, ROOT, startServer, type RunningServer } from './support/server.js';
import { ensureExampleCase, ingestProbeArticle, putXssCase, XSS_TITLE } from './support/fixtures.js';

/** Budget for conditions that wait on the server (vitest's own default is 1 s). */
const WAIT = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
let page: Page;
let caseId: string;
const dialogs: string[] = [];
/** Without Chromium the suite is skipped and its set-up (dashboard build, server) not even started. */
const HAVE_CHROMIUM = chromiumPath() !== undefined;
const pageErrors: string[] = [];

/** web/dist is rebuilt only when a source file is newer than it (a rebuild empties the folder the server reads). */
function distIsStale(): boolean {
  const built = join(ROOT, 'web/dist/index.html');
  if (!existsSync(built)) return true;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, d) => {
      const p = join(dir, d.name);
      return Math.max(m, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const sources = Math.max(
    newest(join(ROOT, 'web/src')),
    statSync(join(ROOT, 'web/index.html')).mtimeMs,
    statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}

/** Every XSS payload in the fixtures sets window.__xss or opens a dialog; neither may ever happen. */
async function expectNoScriptRan(p: Page): Promise<void> {
  expect(await p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

async function openView(view: string, arg?: string): Promise<void> {
  await page.goto(
    `${server.url}/#/case/${encodeURIComponent(caseId)}/${view}${arg ? `/${encodeURIComponent(arg)}` : ''}`,
  );
  await page.getByTestId('case-title').waitFor();
}

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  if (process.env.REDLINE_E2E_NO_BUILD !== '1' && distIsStale()) {
    // Vite follows NODE_ENV, which vitest sets to 'test'; the dashboard is tested as users get it.
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
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describeIf(HAVE_CHROMIUM, NEEDS.chromium)('dashboard in Chromium', () => {
  it('loads the example case from the case list', async () => {
    await page.goto(`${server.url}/`);
    const list = page.getByTestId('case-list');
    await list.waitFor();
    await list.getByRole('link').filter({ hasText: 'Ukraine' }).first().click();
    await expect.poll(() => page.getByTestId('case-title').textContent(), WAIT).toContain('Ukraine');
    await page.getByTestId('proposal-list').waitFor();
    await screenshot(page, 'overview');
  });

  it('shows the position map and replays the stance history with the keyboard', async () => {
    await page.getByTestId('nav-positions').click();
    await page.locator('[data-testid="position-map"] svg').first().waitFor();
    const slider = page.getByTestId('date-slider');
    const before = await page.getByTestId('as-of').inputValue();
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('as-of').inputValue(), WAIT).not.toBe(before);
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('as-of').inputValue(), WAIT).toBe(before);
    await screenshot(page, 'position-map');
  });

  it('checks a plan: clicking it draws the red-line matrix with verdicts and reasons on hover', async () => {
    await page.getByTestId('nav-proposal').click();
    await page.getByTestId('plan-us-28-point-plan').click();
    await expect.poll(() => page.url(), WAIT).toContain('/proposal/us-28-point-plan');
    const verdicts = page.getByTestId('verdicts');
    await verdicts.waitFor();
    // The 28-point plan crosses at least one veto player's red line in the example case (README's check).
    await expect.poll(() => verdicts.textContent(), WAIT).toMatch(/would veto/);
    const matrix = page.locator('[data-testid="redline-matrix"] .chart');
    await matrix.locator('svg').waitFor();
    await matrix.scrollIntoViewIfNeeded();
    const box = (await matrix.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
    await expect
      .poll(() => page.locator('[data-testid="redline-matrix"]').textContent(), WAIT)
      .toMatch(/Point \d+ × /);
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
    await expect.poll(() => page.getByTestId('cell-detail').textContent(), WAIT).toMatch(/Point \d+ ×/);
    await screenshot(page, 'proposal-check');
    // The plan tabs follow the keyboard: ← goes to the earlier framework.
    await page.getByTestId('plan-us-28-point-plan').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url(), WAIT).toContain('/proposal/alaska-understandings');
  });

  it('diffs the framework against the plan and says who gains', async () => {
    await page.getByTestId('nav-diff').click();
    await page.getByTestId('diff-table').waitFor();
    expect(await page.getByTestId('diff-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await page.locator('[data-testid="diff-chart"] svg').waitFor();
    await screenshot(page, 'diff');
  });

  it('shows the zone of agreement', async () => {
    await page.getByTestId('nav-zone').click();
    await page.getByTestId('zone-summary').waitFor();
    await page.locator('[data-testid="zone-chart"] svg').waitFor();
    await screenshot(page, 'zone');
  });

  it('forecasts, then runs a Monte Carlo job and follows it to the end', async () => {
    await page.getByTestId('nav-forecast').click();
    await page.locator('[data-testid="model-comparison"] svg').waitFor({ timeout: 30_000 });
    await page.getByTestId('mc-runs').fill('200');
    await page.getByTestId('mc-run').click();
    const status = page.getByTestId('job-status');
    await status.waitFor();
    await expect
      .poll(() => status.getAttribute('data-state'), { timeout: 45_000 })
      .toMatch(/succeeded|failed|cancelled/);
    // On failure, say what the job reported rather than only its state.
    expect(`${await status.getAttribute('data-state')}: ${await status.textContent()}`).toMatch(
      /^succeeded: Finished/,
    );
    await page.locator('[data-testid="mc-bands"] svg').waitFor();
    await page.getByTestId('mc-redlines').waitFor();
    await screenshot(page, 'forecast');
  });

  it('shows the stability table of the case’s conflict', async () => {
    await page.getByTestId('nav-stability').click();
    const doc = await call<{ case: { conflicts: unknown[] } }>(server.url, 'GET', `/api/cases/${caseId}`);
    if (doc.case.conflicts.length > 0) {
      // The example's GMCR conflict: a states table with Y/N columns and at least one equilibrium row.
      const table = page.getByTestId('stability-table');
      await table.waitFor({ timeout: 30_000 });
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await table.locator('td.yn-Y').count()).toBeGreaterThan(0);
    } else await page.getByTestId('empty-state').waitFor();
    await screenshot(page, 'stability');
    // The Prisoner's Dilemma fixture: mutual defection (state 1, NN) is the Nash equilibrium and GMR adds
    // mutual cooperation (state 4, YY), as in the reference Prisoners.equilibria.csv (fixtures/gmcr/textbook).
    await call(server.url, 'POST', '/api/cases', {
      yaml: readFileSync(join(ROOT, 'fixtures/gmcr/cases/prisoners.yaml'), 'utf8'),
    });
    await page.goto(`${server.url}/#/case/prisoners/stability`);
    const table = page.getByTestId('stability-table');
    await table.waitFor({ timeout: 30_000 });
    const eqRows = await table
      .locator('tbody tr.eq th')
      .evaluateAll((ths) => ths.map((t) => t.firstChild?.textContent));
    expect(eqRows).toEqual(['1', '4']);
    expect(await table.locator('tbody tr').first().locator('td.yn').allTextContents()).toEqual(['N', 'N']);
    // The fixture's status quo is both cooperating (YY, state 4); mutual defection (state 1) is reachable from it.
    expect(await table.locator('tbody tr.sq th').first().textContent()).toMatch(/^4/);
    expect(await page.getByTestId('status-quo-paths').textContent()).toContain('state 1');
    await screenshot(page, 'stability-prisoners');
  });

  it('reviews evidence: an ingested article is shown escaped and a claim can be accepted', async () => {
    await ingestProbeArticle(server);
    await openView('evidence');
    const list = page.getByTestId('claim-list');
    await list.waitFor({ timeout: 30_000 });
    const article = page.getByTestId('article');
    await article.waitFor();
    // The probe's markup is text, not elements.
    expect(await article.locator('script, img, iframe').count()).toBe(0);
    expect(await article.textContent()).toContain('<script>');
    await expectNoScriptRan(page);
    await screenshot(page, 'evidence');
    const versionBefore = await page.getByTestId('case-version').textContent();
    const accept = list.locator('[data-testid^="accept-"]').first();
    const claimId = (await accept.getAttribute('data-testid'))!.slice('accept-'.length);
    await accept.click();
    await expect.poll(() => list.locator(`[data-testid="accept-${claimId}"]`).count(), WAIT).toBe(0);
    // Accepting a stance claim saves a new version of the case, which the top bar shows.
    await expect.poll(() => page.getByTestId('case-version').textContent(), WAIT).not.toBe(versionBefore);
    await page.getByTestId('claim-status').selectOption('accepted');
    await expect.poll(() => list.textContent(), WAIT).toContain('accepted');
  });

  it('edits the case: a schema error is shown at its line', async () => {
    await page.getByTestId('nav-editor').click();
    const editor = page.getByTestId('yaml-editor');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('validation-status').textContent(), WAIT).toBe('valid');
    const text = await editor.inputValue();
    // Put the caret at the end of the `format: 1` line and type a key the schema does not know.
    const at = text.search(/^format: 1$/m) + 'format: 1'.length;
    await editor.evaluate((el: HTMLTextAreaElement, pos: number) => el.setSelectionRange(pos, pos), at);
    await editor.focus();
    await page.keyboard.insertText('\nbogusKey: 3');
    await expect.poll(() => page.getByTestId('validation-status').textContent(), WAIT).toMatch(/error/);
    const issues = page.getByTestId('issue-list');
    await expect.poll(() => issues.textContent(), WAIT).toMatch(/bogusKey|unknown|unrecognized/i);
    const lineOfBogus = text.split('\n').findIndex((l) => l === 'format: 1') + 2;
    expect(await issues.textContent()).toContain(`${lineOfBogus}:`);
    await screenshot(page, 'editor');
  });

  it('exports a chart as SVG and the case as a self-contained HTML briefing', async () => {
    await openView('positions');
    await page.locator('[data-testid="position-map"] svg').first().waitFor();
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG' }).first().click(),
    ]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG' }).first().click(),
    ]);
    // The PNG signature: \x89PNG\r\n\x1a\n.
    expect(readFileSync((await png.path())!).subarray(0, 8)).toEqual(
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    );
    const [brief] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('export-briefing').click(),
    ]);
    const html = readFileSync((await brief.path())!, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src="http/i);
    // Keep the briefing and a picture of it with the screenshots.
    const file = join(SCREENSHOTS, '..', 'briefing.html');
    writeFileSync(file, html);
    const reader = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await reader.goto(`file://${file}`);
    await screenshot(reader, 'briefing');
    await reader.close();
  });

  it('renders a hostile case name as text everywhere', async () => {
    const id = await putXssCase(server.url);
    caseId = id;
    await openView('overview');
    expect(await page.getByTestId('case-title').textContent()).toBe(XSS_TITLE);
    await openView('positions');
    const chart = page.locator('[data-testid="position-map"] .chart');
    await chart.locator('svg').waitFor();
    const box = (await chart.boundingBox())!;
    for (const fx of [0.3, 0.5, 0.7]) await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.3);
    await openView('proposal');
    await page.getByTestId('verdicts').waitFor();
    await screenshot(page, 'xss-probe-proposal');
    const [brief] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('export-briefing').click(),
    ]);
    const html = readFileSync((await brief.path())!, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<svg onload');
    expect(html).toContain('&lt;img src=x');
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('case-list').waitFor();
    expect(await page.getByTestId('case-list').textContent()).toContain(XSS_TITLE);
    await expectNoScriptRan(page);
    await screenshot(page, 'xss-probe-cases');
    // An injection string as the case id reaches the API as a parameter and comes back as a plain "not found".
    await page.goto(
      `${server.url}/#/case/${encodeURIComponent("x' OR '1'='1; DROP TABLE cases; --")}/overview`,
    );
    await expect
      .poll(() => page.locator('[data-testid="empty-state"], [role="alert"]').first().textContent(), WAIT)
      .toMatch(/not available|failed/);
    await page.goto(`${server.url}/#/`);
    await expect.poll(() => page.getByTestId('case-list').textContent(), WAIT).toContain('Ukraine');
    expect(pageErrors).toEqual([]);
  });
});
