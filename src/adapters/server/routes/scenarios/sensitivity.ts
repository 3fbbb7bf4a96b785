/** Sensitivity of a case's forecast (POST): one-at-a-time effects, Sobol indices, who must move to cross a red line. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { BargainingInputError, sensitivityOfCase } from '../../../../engines/bargaining/index.js';
import { ROUTES } from '../../../../contract/index.js';
import type { SensitivityBody } from '../../../../contract/index.js';
import { sendResult, type ServerContext } from '../../context.js';
import { invalidRequest } from '../../errors.js';
import { routeSchema } from '../../responses.js';
import { toJson } from '../../zod-compiler.js';
import type { CaseIdParams } from '../cases/schema.js';

type Id = z.infer<typeof CaseIdParams>;

export function registerSensitivityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/cases/:id/sensitivity',
    { schema: routeSchema(ROUTES.sensitivity), config: { access: 'read' } },
    async (req, reply) => {
      const { id } = req.params as Id;
      const b = req.body as z.output<typeof SensitivityBody>;
      const { case: c, version } = await ctx.cases.current(id);
      return sendResult(req, reply, ctx.results, JSON.stringify([id, version, 'sensitivity', b]), () => {
        try {
          // Sobol runs in the request; the contract caps its samples so the slowest model stays in seconds.
          return toJson(sensitivityOfCase(c, b));
        } catch (e) {
          if (e instanceof BargainingInputError)
            throw invalidRequest(
              'the case cannot be forecast',
              e.problems.map((p) => ({ path: p.path, message: p.message })),
            );
          throw e;
        }
      });
    },
  );
}
