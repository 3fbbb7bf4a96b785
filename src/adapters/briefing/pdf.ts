/**
 * Prints a briefing's HTML to PDF with the system's Chromium (Debian's package; nothing is downloaded),
 * driven by playwright-core, which is loaded only here so commands that do not print never pay for it.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** CHROMIUM_PATH when set (and present), else the first chromium on PATH; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of ['chromium', 'chromium-browser']) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
  return undefined;
}

export class NoChromiumError extends Error {
  constructor(configured: string | undefined) {
    super(
      configured
        ? `CHROMIUM_PATH=${configured} does not exist; point it at a Chromium executable`
        : 'no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
  }
}

/** The PDF bytes of `html` (A4, backgrounds printed). */
export async function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const executablePath = findChromium(env);
  if (!executablePath) throw new NoChromiumError(env.CHROMIUM_PATH);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
