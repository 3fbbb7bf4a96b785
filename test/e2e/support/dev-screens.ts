/** Development helper: screenshots of every view against the mock API (`npx tsx test/e2e/support/dev-screens.ts`). */
import { launch, screenshot } from './browser.js';
import { startMockApi } from './mock-api.js';

const api = await startMockApi(0);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('console', (m) => m.type() === 'error' && process.stdout.write(`console: ${m.text()}\n`));
page.on('pageerror', (e) => process.stdout.write(`pageerror: ${e.message}\n`));
const views = (
  process.argv[2] ?? 'overview,positions,proposal,diff,zone,forecast,stability,evidence,editor'
).split(',');
await page.goto(`${api.url}/#/`);
await page.waitForTimeout(500);
await screenshot(page, 'dev-cases');
for (const v of views) {
  await page.goto(`${api.url}/#/case/ukraine-2025/${v}`);
  await page.waitForTimeout(1500);
  process.stdout.write(`${await screenshot(page, `dev-${v}`)}\n`);
}
await browser.close();
await api.close();
