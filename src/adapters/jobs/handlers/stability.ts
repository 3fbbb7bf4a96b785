/**
 * Stability job: one part, the whole GMCR analysis (for conflicts too large to answer within a request), in a
 * worker thread when `offThread` (so the embedded server keeps answering).
 */
import { z } from 'zod';
import type { Case } from '../../../index.js';
import { caseJobInput, JobParamsError, type JobHandler } from '../types.js';
import { stabilityOffThread } from './off-thread.js';
import { parseConcepts, stabilityReport, StabilityInputError } from './stability-report.js';

export const StabilityParams = z.strictObject({
  conflict: z.string().max(200).optional(),
  concepts: z.union([z.string().max(200), z.array(z.string().max(20)).max(10)]).optional(),
});

export function stabilityHandler(options: { offThread: boolean }): JobHandler {
  return {
    async prepare(store, caseId, params) {
      const { current, params: data } = await caseJobInput(store, caseId, params, StabilityParams, {
        name: 'a stability job',
        invalid: 'invalid stability parameters',
      });
      const concepts = Array.isArray(data.concepts) ? data.concepts.join(',') : data.concepts;
      try {
        parseConcepts(concepts);
      } catch (e) {
        throw new JobParamsError((e as Error).message);
      }
      return { params: { conflict: data.conflict, concepts, caseVersion: current.version }, parts: 1 };
    },
    async runPart(ctx) {
      const p = ctx.job.params as { conflict?: string; concepts?: string; caseVersion: number };
      const v = await ctx.store.cases.getVersion(ctx.job.caseId!, p.caseVersion);
      if (!v) throw new Error(`case version ${p.caseVersion} is gone`);
      if (options.offThread)
        return stabilityOffThread({ caseData: v.case, conflict: p.conflict, concepts: p.concepts });
      try {
        return stabilityReport(v.case as Case, { conflict: p.conflict, concepts: parseConcepts(p.concepts) });
      } catch (e) {
        if (e instanceof StabilityInputError) return { error: e.message, issues: e.issues };
        throw e;
      }
    },
    async finish(ctx, parts) {
      const result = parts[0];
      const p = ctx.job.params as { caseVersion: number };
      return {
        result,
        effect: async (trx) => {
          await ctx.store.analyses.save(
            {
              caseId: ctx.job.caseId!,
              caseVersion: p.caseVersion,
              kind: 'stability',
              params: ctx.job.params,
              result,
              jobId: ctx.job.id,
            },
            trx,
          );
        },
      };
    },
  };
}
