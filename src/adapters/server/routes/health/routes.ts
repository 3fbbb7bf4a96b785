/** GET /api/health: liveness, the store in use, and which engines and job kinds this build has. */
import type { FastifyInstance } from 'fastify';
import * as core from '../../../../index.js';
import type { ServerContext } from '../../context.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';

export const VERSION = '0.1.0';

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const has = (name: string) => typeof (core as Record<string, unknown>)[name] === 'function';
  const engines = {
    check: has('checkProposal'),
    diff: has('diffProposals'),
    zone: has('zoneOfAgreement'),
    forecast: has('forecastCase'),
    montecarlo: has('runMonteCarloRange'),
    stability: has('analyzeStability'),
    evidence: ctx.store.evidence !== undefined,
  };
  app.get('/api/health', { schema: routeSchema(ROUTES.health), config: { access: 'public' } }, async () => ({
    ok: true,
    version: VERSION,
    store: ctx.store.dialect,
    engines,
    jobKinds: ctx.jobs.kinds(),
  }));
}
