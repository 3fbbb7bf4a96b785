/** Development helper: the stability view on the Prisoner's Dilemma fixture, against the mock API. */
import { readFileSync } from 'node:fs';
import { launch, screenshot } from './browser.js';
import { startMockApi } from './mock-api.js';
import { call, ROOT } from './server.js';

const api = await startMockApi(0);
await call(api.url, 'PUT', '/api/cases/prisoners', {
  yaml: readFileSync(`${ROOT}/fixtures/gmcr/cases/prisoners.yaml`, 'utf8'),
});
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('pageerror', (e) => process.stdout.write(`pageerror: ${e.message}\n`));
await page.goto(`${api.url}/#/case/prisoners/stability`);
await page.locator('[data-testid="stability-table"], [role="alert"]').first().waitFor({ timeout: 30_000 });
process.stdout.write(`${await screenshot(page, 'dev-stability-prisoners')}\n`);
await browser.close();
await api.close();
