/** Headless Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core (no download). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, NEEDS } from '../../support/requirements.js';

export { chromiumPath };

export const SCREENSHOTS = join(
  fileURLToPath(new URL('../../../', import.meta.url)),
  'test-results/screenshots',
);

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NEEDS.chromium);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Sticky bars are drawn where the page is scrolled to; start from the top so they sit in place.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}
