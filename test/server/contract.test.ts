/**
 * The contract (src/contract) against the running server: every route the app registers is in the contract
 * table and the other way round; the OpenAPI document's response schemas are the contract's; and a real
 * answer from every route — the example case, an ingested article, finished Monte Carlo and stability jobs
 * — parses with its route's response schema (strict objects, so a renamed, missing or extra field fails).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  MonteCarloSummary,
  ROUTES,
  StabilityReport,
  type RouteName,
  type RouteSpec,
} from '../../src/contract/index.js';
import { createEvidenceModel } from '../../src/index.js';
import { ingestInputs } from '../../src/adapters/ingest/batch.js';
import { toArticle } from '../../src/adapters/ingest/sources.js';
import { monitorRepository } from '../../src/adapters/monitor/repo.js';
import type { EvidenceRepository } from '../../src/adapters/store/evidence-repo.js';
import { DASHBOARD, exampleCase, exampleYaml, harness, SMALL_CASE_YAML, type Harness } from './helpers.js';

const CASE = 'ukraine-2025';
const ARTICLE = `Title: Kremlin restates its terms
Date: 2025-12-02
Source: Test Wire

Moscow will never accept Ukraine's membership in NATO, the Kremlin said on Tuesday. Russian and American envoys met in Miami on Monday.
`;

let h: Harness;
const seen = new Set<RouteName>();
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...DASHBOARD },
});

/** Calls a route and checks its answer against the contract: status and body schema. */
async function call(
  name: RouteName,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<unknown> {
  const spec: RouteSpec = ROUTES[name];
  const res = await h.app.inject({
    method: (init.method ?? spec.method) as 'GET',
    url,
    ...(init.body !== undefined ? json(init.body) : { headers: DASHBOARD }),
  });
  expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(spec.status);
  seen.add(name);
  if (!spec.response) return undefined;
  const body: unknown = res.json();
  const parsed = spec.response.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `${name} (${spec.method} ${spec.path}) drifted from src/contract:\n${z.prettifyError(parsed.error)}`,
    );
  return body;
}

async function finished(id: string) {
  for (let i = 0; i < 400; i++) {
    const { job } = (await call('getJob', `/api/jobs/${id}`)) as { job: { status: string; result: unknown } };
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  h = await harness();
  async function* inputs() {
    yield toArticle('probe.txt', 'text', ARTICLE);
  }
  await ingestInputs(inputs(), {
    caseId: CASE,
    model: createEvidenceModel(exampleCase()),
    repo: h.store.evidence as EvidenceRepository,
  });
}, 60_000);
afterAll(async () => h?.close());

/** fastify path `/api/cases/{id}` → contract path `/api/cases/:id`. */
const fromOpenApi = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

describe('the contract and the server', () => {
  it('lists every route the server registers, and nothing else', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${fromOpenApi(p)}`))
      .sort();
    const listed = Object.values(ROUTES as Record<string, RouteSpec>)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(served).toEqual(listed);
  });

  it('generates the OpenAPI response schemas from the contract schemas', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
    };
    for (const spec of Object.values(ROUTES as Record<string, RouteSpec>)) {
      if (!spec.response) continue;
      const p = spec.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[p]?.[spec.method.toLowerCase()];
      const documented = op?.responses[String(spec.status)]?.content?.['application/json']?.schema;
      const expected = z.toJSONSchema(spec.response, {
        target: 'openapi-3.0',
        io: 'output',
        unrepresentable: 'any',
      });
      const { $schema: _drop, ...rest } = expected as Record<string, unknown>;
      expect(documented, `${spec.method} ${spec.path}`).toMatchObject(rest);
    }
  });
});

describe('real answers match the contract', () => {
  const c = `/api/cases/${CASE}`;

  it('health, cases, versions and validation', async () => {
    await call('health', '/api/health');
    await call('listCases', '/api/cases');
    const created = (await call('createCase', '/api/cases', { body: { yaml: SMALL_CASE_YAML } })) as {
      version: number;
    };
    expect(created.version).toBe(1);
    await call('saveCase', '/api/cases/small', {
      body: { yaml: SMALL_CASE_YAML.replace('Small test case', 'Small case'), message: 'retitled' },
    });
    await call('getCase', '/api/cases/small');
    await call('versions', '/api/cases/small/versions');
    await call('versionDiff', '/api/cases/small/versions/diff?from=1&to=2');
    await call('getVersion', '/api/cases/small/versions/1');
    await call('restoreVersion', '/api/cases/small/versions/1/restore');
    await call('validate', '/api/validate', { body: { yaml: exampleYaml() } });
    await call('validate', '/api/validate', { body: { yaml: 'format: 1\nid: broken\n' } });
  });

  it('analyses and scenarios of the example case', async () => {
    const doc = (await call('getCase', c)) as { case: { proposals: { id: string }[] } };
    const [first, second] = doc.case.proposals.map((p) => p.id);
    await call('check', `${c}/check?proposal=${first}`);
    await call('diff', `${c}/diff?from=${first}&to=${second}`);
    await call('zopa', `${c}/zopa`);
    await call('forecast', `${c}/forecast`, { body: { trajectory: true, save: true } });
    await call('stability', `${c}/stability`);
    await call('scenarios', `${c}/scenarios?proposal=${first}`);
    await call('forecastScenarios', `${c}/forecast/scenarios`, {
      body: { models: ['median', 'compromise'] },
    });
    await call('sensitivity', `${c}/sensitivity`, { body: { model: 'compromise', samples: 16 } });
    const list = (await call('listAnalyses', `${c}/analyses`)) as { items: { id: string }[] };
    await call('getAnalysis', `/api/analyses/${list.items[0]!.id}`);
  });

  it('jobs, with their results as the contract describes them', async () => {
    const mc = (await call('startJob', `${c}/jobs`, {
      body: { kind: 'montecarlo', params: { model: 'median', runs: 20, seed: 1 } },
    })) as { job: { id: string } };
    const mcJob = await finished(mc.job.id);
    expect(mcJob.status).toBe('succeeded');
    expect(() => MonteCarloSummary.parse(mcJob.result)).not.toThrow();
    const st = (await call('startJob', `${c}/jobs`, {
      body: { kind: 'stability', params: { concepts: 'Nash' } },
    })) as { job: { id: string } };
    const stJob = await finished(st.job.id);
    expect(stJob.status).toBe('succeeded');
    expect(() => StabilityReport.parse(stJob.result)).not.toThrow();
    await call('listJobs', `${c}/jobs`);
    const slow = (await call('startJob', `${c}/jobs`, {
      body: { kind: 'montecarlo', params: { model: 'median', runs: 5 } },
    })) as { job: { id: string } };
    await call('cancelJob', `/api/jobs/${slow.job.id}/cancel`);
    const events = await h.app.inject({ url: `/api/jobs/${mc.job.id}/events` });
    expect(events.headers['content-type']).toContain('text/event-stream');
    seen.add('jobEvents');
    // The stream's data lines carry the same job record.
    const data = events.body
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as unknown);
    expect(data.length).toBeGreaterThan(0);
    for (const d of data) expect(ROUTES.getJob.response.shape.job.safeParse(d).success).toBe(true);
  });

  it('evidence: documents, suggestions, decisions, timeline, ingest', async () => {
    const docs = (await call('documents', `${c}/evidence/documents`)) as { items: { id: string }[] };
    await call('documents', `${c}/evidence/documents?q=Miami`);
    await call('document', `${c}/evidence/documents/${docs.items[0]!.id}`);
    const sug = (await call('suggestions', `${c}/evidence/suggestions`)) as {
      items: { id: string; kind: string }[];
    };
    const claims = (await call('claims', `${c}/evidence/claims`)) as { items: { id: string }[] };
    const event = sug.items.find((i) => i.kind === 'event')!;
    await call('rejectSuggestion', `${c}/evidence/suggestions/${event.id}/reject`, { body: {} });
    await call('acceptClaim', `${c}/evidence/claims/${claims.items[0]!.id}/accept`, { body: {} });
    const rest = sug.items.filter((i) => i.id !== event.id && i.id !== claims.items[0]!.id);
    if (rest.length > 1) {
      await call('acceptSuggestion', `${c}/evidence/suggestions/${rest[0]!.id}/accept`, { body: {} });
      await call('rejectClaim', `${c}/evidence/claims/${rest[1]!.id}/reject`, { body: {} });
    } else {
      // Replaying a decision answers with the same item again.
      await call('acceptSuggestion', `${c}/evidence/suggestions/${claims.items[0]!.id}/accept`, { body: {} });
      await call('rejectClaim', `${c}/evidence/claims/${event.id}/reject`, { body: {} });
    }
    await call('timeline', `${c}/timeline`);
    await call('ingest', `${c}/evidence/ingest`, {
      body: { format: 'text', text: ARTICLE, name: 'again.txt' },
    }).catch(() => undefined);
  });

  it('monitoring: sources, runs, developments, alert rules', async () => {
    const source = (await call('addMonitorSource', `${c}/monitor/sources`, {
      body: { url: 'http://127.0.0.1:9/feed.xml', every: 600 },
    })) as { id: string };
    await call('monitorSources', `${c}/monitor/sources`);
    await call('monitorRuns', `${c}/monitor/runs`);
    await call('removeMonitorSource', `${c}/monitor/sources/${source.id}`, { method: 'DELETE' });
    await monitorRepository(h.store).developments.upsert(CASE, [
      {
        id: 'dev-1',
        kind: 'stance_shift',
        actor: 'russia',
        issue: 'nato',
        date: '2025-09-01',
        summary: 'a development written for the contract test',
        salience: 1,
        confidence: 0.5,
        score: 0.5,
        evidence: [{ itemId: 'c-1', docId: 'd-1', clusterId: 'd-1', quote: 'quoted', confidence: 0.5 }],
      },
    ]);
    await call('developments', `${c}/developments`);
    await call('development', `${c}/developments/dev-1`);
    await call('markDevelopmentsRead', `${c}/developments/read`, { body: {} });
    const rule = (await call('addAlertRule', `${c}/alert-rules`, {
      body: { name: 'all', channel: 'dashboard' },
    })) as { id: string };
    await call('alertRules', `${c}/alert-rules`);
    await call('replaceAlertRule', `${c}/alert-rules/${rule.id}`, {
      body: { name: 'renamed', channel: 'dashboard' },
    });
    await call('alertDeliveries', `${c}/alert-rules/${rule.id}/deliveries`);
    await call('deleteAlertRule', `${c}/alert-rules/${rule.id}`, { method: 'DELETE' });
  });

  it('deletes a case (204, no body)', async () => {
    await call('deleteCase', '/api/cases/small', { method: 'DELETE' });
  });

  it('exercised every route of the contract', () => {
    // Not called here: ingest needs the ingest job kind (test/server/evidence.test.ts), the developments
    // stream stays open (test/monitor/api.test.ts reads it).
    const elsewhere: RouteName[] = ['ingest', 'developmentEvents'];
    const missing = (Object.keys(ROUTES) as RouteName[]).filter(
      (n) => !seen.has(n) && !elsewhere.includes(n),
    );
    expect(missing).toEqual([]);
  });
});
