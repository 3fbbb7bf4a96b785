/** Data the browser tests put into the server: the example case, an XSS-probe article and a hostile case. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, EXAMPLE, exampleYaml, ROOT } from './server.js';

export const XSS_TITLE = 'Probe <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & talks';

interface CaseSummary {
  id: string;
  title: string;
}

function listOf(body: unknown): CaseSummary[] {
  if (Array.isArray(body)) return body as CaseSummary[];
  const b = body as Record<string, unknown>;
  return (b.items ?? b.cases ?? b.data ?? []) as CaseSummary[];
}

/** The example case, stored if the server did not load it at start. Returns its id. */
export async function ensureExampleCase(base: string): Promise<string> {
  const cases = listOf(await call(base, 'GET', '/api/cases'));
  const found = cases.find((c) => c.id === 'ukraine-2025');
  if (found) return found.id;
  await call(base, 'POST', '/api/cases', { yaml: exampleYaml() });
  return 'ukraine-2025';
}

export const PROBE_ARTICLE = [
  'Moscow, 3 December 2025 (Example Wire). The Kremlin said on Wednesday that any settlement must keep Ukraine out of NATO.',
  '"Neutrality is non-negotiable for us," Russia\'s foreign minister told reporters after the meeting.',
  '<script>window.__xss = 3</script><img src=x onerror="window.__xss = 4">',
  "Ukraine's president said Kyiv would never accept a ban on joining the alliance.",
].join('\n\n');

/**
 * Ingests the probe article into the server's data folder with `redline ingest` (the embedded store is shared
 * by both processes), as a user with the CLI and the dashboard open would. The development mock has it already.
 */
export async function ingestProbeArticle(server: { url: string; dataDir: string }): Promise<void> {
  if (!server.dataDir) return;
  const dir = mkdtempSync(join(tmpdir(), 'redline-probe-'));
  const file = join(dir, 'kremlin-neutrality.txt');
  writeFileSync(file, PROBE_ARTICLE);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          join(ROOT, 'bin/redline.js'),
          'ingest',
          EXAMPLE,
          file,
          '--data',
          server.dataDir,
          '--json',
          '--no-progress',
        ],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } },
        (err, stdout, stderr) =>
          err ? reject(new Error(`redline ingest failed: ${stderr || err.message}`)) : resolve(stdout),
      ),
    );
    const summary = (JSON.parse(out) as { summary: { claims: number } }).summary;
    if (summary.claims < 1) throw new Error(`redline ingest found no claims in the probe article: ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of the example whose title and an actor name carry script payloads. */
export async function putXssCase(base: string): Promise<string> {
  const yaml = exampleYaml()
    .replace(/^id: .*$/m, 'id: xss-probe')
    .replace(/^title: .*$/m, `title: '${XSS_TITLE}'`)
    .replace(/^(\s+name:) Russia$/m, `$1 'Russia <svg onload="window.__xss=5">'`);
  await call(base, 'POST', '/api/cases', { yaml });
  return 'xss-probe';
}
