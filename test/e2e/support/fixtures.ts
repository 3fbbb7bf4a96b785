/** Data the browser tests put into the server: the example case, an XSS-probe article and a hostile case. */
import { call, exampleYaml } from './server.js';

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
  await call(base, 'PUT', '/api/cases/ukraine-2025', { yaml: exampleYaml() });
  return 'ukraine-2025';
}

export const PROBE_ARTICLE = [
  'Moscow, 3 December 2025 (Example Wire). The Kremlin said on Wednesday that any settlement must keep Ukraine out of NATO.',
  '"Neutrality is non-negotiable for us," Russia\'s foreign minister told reporters after the meeting.',
  '<script>window.__xss = 3</script><img src=x onerror="window.__xss = 4">',
  "Ukraine's president said Kyiv would never accept a ban on joining the alliance.",
].join('\n\n');

/** Ingests the probe article through the API and waits for the ingest to finish. */
export async function ingestProbeArticle(base: string, caseId: string): Promise<void> {
  const doc = {
    title: 'Kremlin repeats neutrality demand <b>probe</b>',
    date: '2025-12-03',
    publisher: 'Example Wire',
    text: PROBE_ARTICLE,
  };
  const started = await call<Record<string, unknown>>(base, 'POST', `/api/cases/${caseId}/jobs`, {
    kind: 'ingest',
    params: { documents: [doc] },
  }).catch(() => undefined);
  const job = (started?.job ?? started) as { id?: string } | undefined;
  if (!job?.id) return; // the development mock has the article already
  for (let k = 0; k < 150; k++) {
    const body = await call<Record<string, unknown>>(base, 'GET', `/api/jobs/${job.id}`);
    const j = (body.job ?? body) as { state?: string; status?: string; error?: unknown };
    const state = String(j.state ?? j.status);
    if (/succe|complete/.test(state)) return;
    if (/fail|cancel/.test(state)) throw new Error(`ingest job ${state}: ${JSON.stringify(j.error)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('ingest job did not finish in 30 s');
}

/** A copy of the example whose title and an actor name carry script payloads. */
export async function putXssCase(base: string): Promise<string> {
  const yaml = exampleYaml()
    .replace(/^id: .*$/m, 'id: xss-probe')
    .replace(/^title: .*$/m, `title: '${XSS_TITLE}'`)
    .replace(/^(\s+name:) Russia$/m, `$1 'Russia <svg onload="window.__xss=5">'`);
  await call(base, 'PUT', '/api/cases/xss-probe', { yaml });
  return 'xss-probe';
}
