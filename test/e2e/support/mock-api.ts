/**
 * A stand-in for `redline serve` used while developing the dashboard: serves web/dist and answers the API
 * routes the dashboard calls with the real core engines on an in-memory case. Not used by the e2e suite,
 * which drives the real server. Run: `npx tsx test/e2e/support/mock-api.ts [port]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkProposal,
  diffProposals,
  forecastCase,
  monteCarlo,
  monteCarloSpecFor,
  parseCase,
  zoneOfAgreement,
  applyScenario,
  type Case,
  type ModelId,
} from '../../../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'web/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

interface StoredCase {
  yaml: string;
  case: Case;
  version: number;
}

interface Store {
  cases: Map<string, StoredCase>;
  claims: Record<string, unknown>[];
  documents: Record<string, Record<string, unknown>>;
  jobs: Map<
    string,
    { id: string; kind: string; state: string; progress: number; result?: unknown; error?: string }
  >;
}

export async function startMockApi(port = 0, caseFile = join(ROOT, 'examples/ukraine-2025/case.yaml')) {
  const yaml = await readFile(caseFile, 'utf8');
  const parsed = parseCase(yaml);
  if (!parsed.ok) throw new Error(`example case does not parse: ${parsed.issues[0]?.message}`);
  const article =
    'Moscow, 3 December. The Kremlin said on Wednesday that any settlement must keep Ukraine out of NATO. ' +
    '"Neutrality is non-negotiable for us," the Russian foreign minister told reporters. <script>window.__xss = 1</script>' +
    '<img src=x onerror="window.__xss = 2"> European officials answered that Kyiv alone decides its alliances.';
  const store: Store = {
    cases: new Map([[parsed.case.id, { yaml, case: parsed.case, version: 1 }]]),
    documents: {
      'doc-1': {
        id: 'doc-1',
        title: 'Kremlin repeats neutrality demand <b>bold</b>',
        publisher: 'Example Wire',
        date: '2025-12-03',
        text: article,
        duplicates: 2,
      },
    },
    // Stored suggestions as the evidence repository keeps them: {id, docId, status, kind, claim}.
    claims: [
      {
        id: 'claim-1',
        docId: 'doc-1',
        status: 'suggested',
        kind: 'claim',
        claim: {
          actor: 'russia',
          issue: parsed.case.issues[0]!.id,
          direction: 'demands',
          redLine: true,
          quote: {
            text: 'Neutrality is non-negotiable for us,',
            start: article.indexOf('Neutrality'),
            end: article.indexOf('Neutrality') + 36,
          },
          confidence: 0.86,
        },
      },
      {
        id: 'claim-2',
        docId: 'doc-1',
        status: 'suggested',
        kind: 'claim',
        claim: {
          actor: 'ukraine',
          issue: parsed.case.issues[1]!.id,
          direction: 'rejects',
          redLine: false,
          quote: { text: 'Kyiv alone decides its alliances', start: 0, end: 0 },
          confidence: 0.71,
        },
      },
    ],
    jobs: new Map(),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    });
    res.end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, detail: string) =>
    json(res, status, { type: 'about:blank', title: 'Error', status, detail });
  const body = async (req: IncomingMessage) => {
    let s = '';
    for await (const chunk of req) s += chunk;
    return s ? (JSON.parse(s) as Record<string, unknown>) : {};
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    const q = url.searchParams;
    try {
      if (!p.startsWith('/api/')) {
        const file = p === '/' ? 'index.html' : p.slice(1);
        try {
          const data = await readFile(join(DIST, file));
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'content-security-policy':
              "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:",
          });
          return res.end(data);
        } catch {
          return problem(res, 404, 'not found');
        }
      }
      if (p === '/api/health') return json(res, 200, { ok: true });
      if (p === '/api/cases')
        return json(res, 200, {
          items: [...store.cases.values()].map((x) => ({
            id: x.case.id,
            title: x.case.title,
            version: x.version,
            actors: x.case.actors.length,
            issues: x.case.issues.length,
          })),
        });
      if (p === '/api/cases' && req.method === 'POST') {
        const text = String((await body(req)).yaml ?? '');
        const r = parseCase(text);
        if (!r.ok) return json(res, 422, { title: 'Invalid case', status: 422, issues: r.issues });
        const next = { yaml: text, case: r.case, version: 1 };
        store.cases.set(r.case.id, next);
        return json(res, 201, next);
      }
      if (p === '/api/validate' && req.method === 'POST') {
        const r = parseCase(String((await body(req)).yaml ?? ''));
        return json(res, 200, r.ok ? { ok: true, issues: r.warnings } : { ok: false, issues: r.issues });
      }
      const jm = /^\/api\/jobs\/([^/]+)(\/events)?$/.exec(p);
      if (jm) {
        const job = store.jobs.get(jm[1]!);
        if (!job) return problem(res, 404, 'no such job');
        if (!jm[2]) return json(res, 200, { job });
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const tick = setInterval(() => {
          res.write(
            `event: progress\ndata: ${JSON.stringify({ state: job.state, progress: job.progress })}\n\n`,
          );
          if (job.state === 'succeeded' || job.state === 'failed') {
            clearInterval(tick);
            res.end();
          }
        }, 150);
        req.on('close', () => clearInterval(tick));
        return;
      }
      const m = /^\/api\/cases\/([^/]+)(?:\/(.*))?$/.exec(p);
      if (!m) return problem(res, 404, 'no such route');
      const caseId = decodeURIComponent(m[1]!);
      const rest = m[2] ?? '';
      if (rest === '' && req.method === 'PUT') {
        const text = String((await body(req)).yaml ?? '');
        const r = parseCase(text);
        if (!r.ok)
          return json(res, 422, {
            title: 'Invalid case',
            status: 422,
            detail: r.issues[0]?.message,
            issues: r.issues,
          });
        const next = { yaml: text, case: r.case, version: (store.cases.get(caseId)?.version ?? 0) + 1 };
        store.cases.set(caseId, next);
        return json(res, 200, next);
      }
      const stored = store.cases.get(caseId);
      if (!stored) return problem(res, 404, 'no such case');
      const c = q.get('scenario') ? applyScenario(stored.case, q.get('scenario')!) : stored.case;
      const asOf = q.get('asOf') ?? undefined;
      if (rest === '' && req.method === 'GET') return json(res, 200, stored);
      if (rest === 'check') return json(res, 200, checkProposal(c, q.get('proposal') ?? '', { asOf }));
      if (rest === 'diff')
        return json(res, 200, diffProposals(c, q.get('from') ?? '', q.get('to') ?? '', { asOf }));
      if (rest === 'zopa') return json(res, 200, zoneOfAgreement(c, { asOf }));
      if (rest === 'forecast') {
        const b = await body(req);
        return json(
          res,
          200,
          forecastCase(stored.case, {
            asOf: b.asOf as string | undefined,
            scenario: b.scenario as string | undefined,
            models: b.models as ModelId[] | undefined,
            trajectory: !!b.trajectory,
          }),
        );
      }
      if (rest === 'jobs' && req.method === 'POST') {
        const b = await body(req);
        const params = (b.params ?? {}) as {
          runs?: number;
          seed?: number;
          model?: ModelId;
          asOf?: string;
          scenario?: string;
        };
        const id = `job-${store.jobs.size + 1}`;
        const job = { id, kind: String(b.kind), state: 'running', progress: 0 } as Store['jobs'] extends Map<
          string,
          infer J
        >
          ? J
          : never;
        store.jobs.set(id, job);
        const spec = monteCarloSpecFor(stored.case, params.model ?? 'compromise', params);
        let done = 0;
        // Spread the work over a second so the progress bar visibly moves.
        setTimeout(() => {
          try {
            job.result = monteCarlo(spec, () => {
              done += 1;
              job.progress = done / spec.runs;
            });
            job.state = 'succeeded';
          } catch (e) {
            job.state = 'failed';
            job.error = e instanceof Error ? e.message : String(e);
          }
        }, 600);
        return json(res, 202, { job });
      }
      if (rest === 'evidence/suggestions') {
        const status = q.get('status');
        return json(res, 200, { items: store.claims.filter((x) => !status || x.status === status) });
      }
      const cm = /^evidence\/suggestions\/([^/]+)\/(accept|reject)$/.exec(rest);
      if (cm && req.method === 'POST') {
        const claim = store.claims.find((x) => x.id === cm[1]);
        if (!claim) return problem(res, 404, 'no such claim');
        claim.status = cm[2] === 'accept' ? 'accepted' : 'rejected';
        return json(res, 200, { claim });
      }
      const dm = /^evidence\/documents\/([^/]+)$/.exec(rest);
      if (dm)
        return store.documents[dm[1]!]
          ? json(res, 200, store.documents[dm[1]!])
          : problem(res, 404, 'no such document');
      if (rest === 'timeline')
        return json(res, 200, {
          items: [
            ...stored.case.events.map((e) => ({
              date: e.date,
              kind: 'event',
              actors: e.actors,
              summary: e.summary,
            })),
            ...store.claims
              .filter((x) => x.status === 'accepted')
              .map((x) => ({
                date: '2025-12-03',
                kind: 'stance',
                actor: (x.claim as { actor: string }).actor,
                summary: 'accepted claim',
              })),
          ],
        });
      if (rest === 'stability') {
        // The CLI's --json output is the wire shape the dashboard reads.
        const dir = mkdtempSync(join(tmpdir(), 'redline-mock-'));
        const file = join(dir, 'case.yaml');
        writeFileSync(file, stored.yaml);
        const args = [join(ROOT, 'bin/redline.js'), 'stability', file, '--json'];
        const out = await new Promise<string>((resolve) =>
          execFile(process.execPath, args, { cwd: ROOT }, (_e, stdout) => resolve(stdout)),
        );
        rmSync(dir, { recursive: true, force: true });
        try {
          return json(res, 200, JSON.parse(out));
        } catch {
          return problem(res, 422, 'stability analysis failed');
        }
      }
      return problem(res, 501, `the mock does not implement ${rest}`);
    } catch (e) {
      return problem(res, 400, e instanceof Error ? e.message : String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await startMockApi(Number(process.argv[2] ?? 4400));
  process.stdout.write(`mock API on ${s.url}\n`);
}
