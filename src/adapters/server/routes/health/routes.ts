/**
 * GET /api/health: liveness, the store in use, and which engines and job kinds this build has. It reads the
 * store on every call, so a store that cannot serve reads answers 503 (problem details), never "ok".
 */
import type { FastifyInstance } from 'fastify';
import * as core from '../../../../index.js';
import type { ServerContext } from '../../context.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';
import { storeBusy, storeUnavailable } from '../../errors.js';
import { storeFailure } from '../../../store/index.js';

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
  app.get(
    '/api/health',
    { schema: routeSchema(ROUTES.health), config: { access: 'public' } },
    async (request) => {
      await readStore(ctx).catch((err: unknown) => {
        request.log.error({ err }, 'health check: the store cannot be read');
        throw storeFailure(err) === 'busy' ? storeBusy() : storeUnavailable();
      });
      return {
        ok: true,
        version: VERSION,
        store: ctx.store.dialect,
        engines,
        jobKinds: ctx.jobs.kinds(),
      };
    },
  );
}

/** One cheap read through the tables every route uses. */
async function readStore(ctx: ServerContext): Promise<void> {
  await ctx.store.db.selectFrom('cases').select('id').limit(1).execute();
  await ctx.store.db.selectFrom('case_versions').select('version').limit(1).execute();
}
