/**
 * Analysis routes. Each answers with the core engine's result object as the engine returns it (typed arrays
 * become plain arrays in JSON). A scenario is applied with the case model's `applyScenario` first.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  applyScenario,
  checkProposal,
  diffProposals,
  forecastCase,
  zoneOfAgreement,
  type Case,
} from '../../../../index.js';
import {
  parseConcepts,
  stabilityReport,
  StabilityInputError,
  StabilityTooLargeError,
} from '../../../jobs/index.js';
import { sendResult, type ServerContext } from '../../context.js';
import { notFound, Problem } from '../../errors.js';
import { requireWriter } from '../../security.js';
import { pageOf } from '../../pagination.js';
import { toJson } from '../../zod-compiler.js';
import type { CaseIdParams } from '../cases/schema.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';
import type {
  AnalysisListQuery,
  CheckQuery,
  DiffQuery,
  ForecastBody,
  StabilityQuery,
  ZopaQuery,
} from './schema.js';

/** `T` with every typed array replaced by `never`: a value of it serialises the same with or without toJson. */
type NoTypedArrays<T> = T extends ArrayBufferView
  ? never
  : T extends (infer U)[]
    ? NoTypedArrays<U>[]
    : T extends object
      ? { [K in keyof T]: NoTypedArrays<T[K]> }
      : T;

/** Larger conflicts are analysed by a stability job, so one request never holds the server for long. */
export const MAX_REQUEST_STATES = 4096;
type Id = z.infer<typeof CaseIdParams>;

/** The case with a scenario applied; scenario lookups are cached per case object. */
const scenarioCache = new WeakMap<Case, Map<string, Case>>();
function withScenario(c: Case, scenario: string | undefined): Case {
  if (!scenario) return c;
  let m = scenarioCache.get(c);
  if (!m) scenarioCache.set(c, (m = new Map()));
  let s = m.get(scenario);
  if (!s) m.set(scenario, (s = applyScenario(c, scenario)));
  return s;
}

export function registerAnalysisRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** The case (scenario applied) and a cache key naming its saved version: results are pure in both. */
  const load = async (id: string, scenario?: string) => {
    const { case: c, version } = await ctx.cases.current(id);
    return {
      c: withScenario(c, scenario),
      key: (route: string, params: unknown) => JSON.stringify([id, version, route, params]),
    };
  };
  const json = (value: unknown) => toJson(value);
  /**
   * The red-line analyses return plain objects (no typed arrays, which is what toJson's replacer converts):
   * JSON.stringify without a replacer takes half the time on a 40 kB check result. The type keeps it honest.
   */
  const plainJson = <T>(value: T & NoTypedArrays<T>) => JSON.stringify(value);

  /** The cached GET analyses: same pipeline (load, scenario, cache by version), different engine call. */
  const cachedAnalyses = [
    {
      path: 'check',
      run: (c: Case, q: z.infer<typeof CheckQuery>) =>
        plainJson(checkProposal(c, q.proposal, { asOf: q.asOf })),
    },
    {
      path: 'diff',
      run: (c: Case, q: z.infer<typeof DiffQuery>) =>
        plainJson(diffProposals(c, q.from, q.to, { asOf: q.asOf })),
    },
    {
      path: 'zopa',
      run: (c: Case, q: z.infer<typeof ZopaQuery>) => plainJson(zoneOfAgreement(c, { asOf: q.asOf })),
    },
  ] as const;
  for (const a of cachedAnalyses)
    app.get(
      `/api/cases/:id/${a.path}`,
      {
        schema: routeSchema(ROUTES[a.path]),
      },
      async (req, reply) => {
        const q = req.query as { scenario?: string };
        const { c, key } = await load((req.params as Id).id, q.scenario);
        return sendResult(req, reply, ctx.results, key(a.path, q), () =>
          (a.run as (c: Case, q: unknown) => string)(c, q),
        );
      },
    );

  app.post(
    '/api/cases/:id/forecast',
    {
      schema: routeSchema(ROUTES.forecast),
      // Viewers may forecast; storing the result (`save: true`) needs an editor.
      config: { access: 'read' },
    },
    async (req, reply) => {
      const b = (req.body ?? {}) as z.infer<typeof ForecastBody>;
      if (b.save) requireWriter(req, 'saving a forecast stores it');
      const { id } = req.params as Id;
      const { case: c, version } = await ctx.cases.current(id);
      const result = forecastCase(c, {
        asOf: b.asOf,
        scenario: b.scenario,
        models: b.models,
        trajectory: b.trajectory,
        seed: b.seed,
      });
      if (b.save)
        await ctx.store.analyses.save({
          caseId: id,
          caseVersion: version,
          kind: 'forecast',
          params: b,
          result,
        });
      return reply.type('application/json').send(json(result));
    },
  );

  app.get(
    '/api/cases/:id/stability',
    {
      schema: routeSchema(ROUTES.stability),
    },
    async (req, reply) => {
      const q = req.query as z.infer<typeof StabilityQuery>;
      const { c, key } = await load((req.params as Id).id);
      try {
        return sendResult(req, reply, ctx.results, key('stability', q), () =>
          json(
            stabilityReport(c, {
              conflict: q.conflict,
              concepts: parseConcepts(q.concepts),
              maxStates: MAX_REQUEST_STATES,
            }),
          ),
        );
      } catch (e) {
        if (e instanceof StabilityTooLargeError)
          throw new Problem(413, 'use_a_job', 'Too large for a request', e.message);
        if (e instanceof StabilityInputError)
          throw new Problem(
            e.issues.length ? 422 : 400,
            e.issues.length ? 'invalid_conflict' : 'invalid_request',
            'Cannot analyse the conflict',
            e.message,
            { issues: e.issues },
          );
        throw e;
      }
    },
  );

  app.get(
    '/api/cases/:id/analyses',
    {
      schema: routeSchema(ROUTES.listAnalyses),
    },
    async (req, reply) => {
      const q = req.query as z.infer<typeof AnalysisListQuery>;
      const { id } = req.params as Id;
      await ctx.cases.current(id);
      return pageOf(
        await ctx.store.analyses.list(id, { kind: q.kind, limit: q.limit, cursor: q.cursor }),
        req,
        reply,
      );
    },
  );

  app.get('/api/analyses/:id', { schema: routeSchema(ROUTES.getAnalysis) }, async (req) => {
    const { id } = req.params as Id;
    const a = await ctx.store.analyses.get(id);
    if (!a) throw notFound(`analysis "${id}" does not exist`);
    return { analysis: a };
  });
}
