/** Scenarios side by side: red-line verdicts and zones (GET) and forecasts (POST) for the baseline and each overlay. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { compareScenarios, forecastScenarios } from '../../../../index.js';
import { sendResult, type ServerContext } from '../../context.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';
import { toJson } from '../../zod-compiler.js';
import type { CaseIdParams } from '../cases/schema.js';
import type { ScenarioForecastBody, ScenariosQuery } from './schema.js';
import { registerSensitivityRoutes } from './sensitivity.js';

type Id = z.infer<typeof CaseIdParams>;

export function registerScenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerSensitivityRoutes(app, ctx);
  app.get(
    '/api/cases/:id/scenarios',
    {
      schema: routeSchema(ROUTES.scenarios),
    },
    async (req, reply) => {
      const { id } = req.params as Id;
      const q = req.query as z.infer<typeof ScenariosQuery>;
      const { case: c, version } = await ctx.cases.current(id);
      return sendResult(req, reply, ctx.results, JSON.stringify([id, version, 'scenarios', q]), () =>
        toJson(compareScenarios(c, { proposal: q.proposal, asOf: q.asOf })),
      );
    },
  );

  app.post(
    '/api/cases/:id/forecast/scenarios',
    {
      schema: routeSchema(ROUTES.forecastScenarios),
      config: { access: 'read' },
    },
    async (req, reply) => {
      const { id } = req.params as Id;
      const b = (req.body ?? {}) as z.infer<typeof ScenarioForecastBody>;
      const { case: c, version } = await ctx.cases.current(id);
      return sendResult(req, reply, ctx.results, JSON.stringify([id, version, 'forecast-scenarios', b]), () =>
        toJson(
          forecastScenarios(c, {
            models: b.models,
            scenarios: b.scenarios,
            asOf: b.asOf,
            trajectory: b.trajectory,
            seed: b.seed,
          }),
        ),
      );
    },
  );
}
