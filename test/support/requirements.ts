/**
 * What some tests need from the machine — Chromium, a PostgreSQL server, the third-party reference data in
 * ../shared — and one way to skip them when it is absent: the suite's name carries the reason, which the
 * default reporter prints beside the skipped suite and test/summary-reporter.ts repeats in the closing lines.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** ../shared beside the repository: reference data and articles read at run time, never copied here. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** The marker the summary reporter looks for in suite names. */
export const SKIP_MARK = 'skipped: ';

/** CHROMIUM_PATH, else the first Chromium or Chrome on PATH. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH)
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome'])
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * `describe` when `available`, else a skipped suite with the reason in its name, e.g.
 * `describeIf(!!PG_URL, NEEDS.postgres)('store on PostgreSQL', …)`. The suite's body is not run at all when
 * skipped — vitest would run it to collect the tests, and bodies that read ../shared at collection would
 * crash — so the skipped suite holds one placeholder test that names what is missing.
 */
export function describeIf(available: boolean, reason: string) {
  if (available) return describe;
  return (name: string, _fn: () => void) =>
    describe(`${name} (${SKIP_MARK}${reason})`, () => {
      it.skip(`needs: ${reason}`, () => {});
    });
}

export const NEEDS = {
  chromium: 'Chromium not found on PATH (apt-get install chromium, or set CHROMIUM_PATH)',
  postgres: 'DATABASE_URL_TEST is not set (.ci/postgres.sh starts a throwaway server)',
  shared: (path: string) => `${path} is absent (third-party reference data beside the repository)`,
};
