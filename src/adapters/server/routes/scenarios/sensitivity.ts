/** Sensitivity of a case's forecast (POST): one-at-a-time effects, Sobol indices, who must move to cross a red line. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  BargainingInputError,
  DEFAULT_SOBOL_INPUTS,
  DEFAULT_SOBOL_SAMPLES,
  MODEL_IDS,
  sensitivityOfCase,
  type ModelId,
} from '../../../../engines/bargaining/index.js';
import { sendResult, type ServerContext } from '../../context.js';
import { invalidRequest } from '../../errors.js';
import * as R from '../../responses.js';
import { toJson } from '../../zod-compiler.js';
import { CaseIdParams } from '../cases/schema.js';

/** Sobol runs happen in the request: this many base samples keep the slowest model to a few seconds. */
export const MAX_API_SOBOL_SAMPLES = 1024;

export const SensitivityBody = z
  .strictObject({
    model: z
      .enum(MODEL_IDS as unknown as [ModelId, ...ModelId[]])
      .default('compromise')
      .describe('Model to analyse.'),
    issue: z.string().min(1).max(200).optional().describe('Only this issue (default: every issue).'),
    redLineOwner: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Who must move: only this actor’s red lines (default: every red line).'),
    asOf: z.iso.date('asOf is a date written YYYY-MM-DD').optional(),
    scenario: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Analyse this scenario instead of the baseline.'),
    samples: z
      .number()
      .int()
      .min(0)
      .max(MAX_API_SOBOL_SAMPLES)
      .default(DEFAULT_SOBOL_SAMPLES)
      .describe('Sobol base sample size N (0: no Sobol indices); N·(k + 2) model runs.'),
    top: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(DEFAULT_SOBOL_INPUTS)
      .describe('Inputs taken into the Sobol design (the top of the one-at-a-time ranking).'),
  })
  .default({ model: 'compromise', samples: DEFAULT_SOBOL_SAMPLES, top: DEFAULT_SOBOL_INPUTS });

type Id = z.infer<typeof CaseIdParams>;

export function registerSensitivityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/cases/:id/sensitivity',
    {
      schema: {
        tags: ['analyses'],
        summary:
          'Sensitivity of a forecast: one-at-a-time effects (tornado), Sobol first-order and total indices, who must move to cross each red line',
        params: CaseIdParams,
        body: SensitivityBody,
        response: R.responses(R.engineResult('SensitivityResult')),
      },
      config: { access: 'read' },
    },
    async (req, reply) => {
      const { id } = req.params as Id;
      const b = SensitivityBody.parse(req.body ?? {});
      const { case: c, version } = await ctx.cases.current(id);
      return sendResult(req, reply, ctx.results, JSON.stringify([id, version, 'sensitivity', b]), () => {
        try {
          return toJson(sensitivityOfCase(c, { ...b, redLineOwner: b.redLineOwner }));
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
