/**
 * Monte Carlo job: the run range is cut into parts that any worker may compute; run k always draws from
 * `random.fork(k)`, so the reassembled outcomes — and the summary — equal a single sequential run.
 */
import { z } from 'zod';
import {
  MAX_FORECAST_RUNS,
  MODEL_IDS,
  monteCarloSpecFor,
  runMonteCarloRange,
  summariseMonteCarlo,
  type Case,
  type ModelId,
  type MonteCarloSpec,
} from '../../../index.js';
import type { Store } from '../../store/index.js';
import { caseJobInput, JobParamsError, type JobHandler } from '../types.js';
import { runRange } from './off-thread.js';

export const MonteCarloParams = z.strictObject({
  model: z.enum(MODEL_IDS as unknown as [ModelId, ...ModelId[]]).default('smp' as ModelId),
  runs: z.number().int().min(1).max(MAX_FORECAST_RUNS).optional(),
  seed: z.number().int().optional(),
  asOf: z.iso.date().optional(),
  scenario: z.string().max(200).optional(),
  /** Runs per part (the unit of work a worker takes). */
  partSize: z.number().int().min(1).max(100_000).default(250),
});

interface Pinned {
  model: ModelId;
  runs: number;
  seed: number;
  asOf?: string;
  scenario?: string;
  partSize: number;
  caseVersion: number;
}

async function specOf(store: Store, caseId: string, p: Pinned): Promise<MonteCarloSpec> {
  const v = await store.cases.getVersion(caseId, p.caseVersion);
  if (!v) throw new Error(`case "${caseId}" version ${p.caseVersion} is gone`);
  return monteCarloSpecFor(v.case as Case, p.model, {
    asOf: p.asOf,
    scenario: p.scenario,
    runs: p.runs,
    seed: p.seed,
  });
}

export function monteCarloHandler(options: { offThread: boolean }): JobHandler {
  return {
    async prepare(store, caseId, params) {
      const { current, params: data } = await caseJobInput(store, caseId, params, MonteCarloParams, {
        name: 'a Monte Carlo job',
        invalid: 'invalid Monte Carlo parameters',
      });
      let spec: MonteCarloSpec;
      try {
        spec = monteCarloSpecFor(current.case as Case, data.model, data);
      } catch (e) {
        throw new JobParamsError(e instanceof Error ? e.message.replace(/^[\w/]+: /, '') : String(e));
      }
      // Pin everything that defaults from the case, so every part computes the same spec.
      const pinned: Pinned = { ...data, runs: spec.runs, seed: spec.seed, caseVersion: current.version };
      return { params: { ...pinned }, parts: Math.ceil(spec.runs / pinned.partSize) };
    },
    async runPart(ctx, part) {
      const p = ctx.job.params as Pinned;
      const spec = await specOf(ctx.store, ctx.job.caseId!, p);
      const from = part * p.partSize;
      const to = Math.min(spec.runs, from + p.partSize);
      const out = options.offThread ? await runRange(spec, from, to) : runMonteCarloRange(spec, from, to);
      // NaN (a failed run) becomes null in JSON and NaN again in finish.
      return Array.from(out, (x) => (Number.isFinite(x) ? x : null));
    },
    async finish(ctx, parts) {
      const p = ctx.job.params as Pinned;
      const spec = await specOf(ctx.store, ctx.job.caseId!, p);
      const outcomes = new Float64Array(
        (parts as (number | null)[][]).flat().map((x) => (x === null ? Number.NaN : x)),
      );
      const result = summariseMonteCarlo(spec, outcomes);
      return {
        result,
        effect: async (trx) => {
          await ctx.store.analyses.save(
            {
              caseId: ctx.job.caseId!,
              caseVersion: p.caseVersion,
              kind: 'montecarlo',
              params: p,
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
