/** Development helper: the dashboard at phone width against the mock API. */
import { launch, screenshot } from './browser.js';
import { startMockApi } from './mock-api.js';

const api = await startMockApi(0);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
for (const v of ['overview', 'proposal']) {
  await page.goto(`${api.url}/#/case/ukraine-2025/${v}`);
  await page.waitForTimeout(2500);
  process.stdout.write(`${await screenshot(page, `dev-mobile-${v}`)}\n`);
}
await page.getByRole('button', { name: 'Show views' }).click();
await page.waitForTimeout(400);
await page.screenshot({ path: 'test-results/screenshots/dev-mobile-nav.png' });
await browser.close();
await api.close();
