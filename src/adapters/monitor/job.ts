/**
 * The `monitor` job: one run of one source (one part). Queued by `redline watch` on the job queue — the
 * in-process runner on SQLite, graphile-worker on PostgreSQL — so any worker may fetch any source; the
 * source's lease keeps two workers from fetching it at once.
 */
import { z } from 'zod';
import { JobParamsError, type JobHandler } from '../jobs/types.js';
import { FETCH_DEFAULTS, PoliteFetcher, type FetchPolicy } from './http.js';
import type { RunSummary } from './run.js';

export const MONITOR_JOB = 'monitor';

const Params = z.strictObject({
  sourceId: z.string().min(1).max(100),
  /** Wait for a busy source's lease (one-off cycles) instead of skipping it. */
  waitForLease: z.boolean().default(false),
  leaseMs: z.number().int().min(100).max(86_400_000).default(600_000),
  policy: z
    .strictObject({
      timeoutMs: z.number().int().min(10).max(600_000).optional(),
      maxBytes: z
        .number()
        .int()
        .min(1024)
        .max(100 * 1024 * 1024)
        .optional(),
      maxRedirects: z.number().int().min(0).max(20).optional(),
      politenessMs: z.number().int().min(0).max(600_000).optional(),
      respectRobots: z.boolean().optional(),
    })
    .default({}),
});
export type MonitorJobParams = z.input<typeof Params>;

// One fetcher per policy per process, so the per-host politeness delay holds across the jobs it runs.
const fetchers = new Map<string, PoliteFetcher>();
function fetcherFor(policy: Partial<FetchPolicy>): PoliteFetcher {
  const key = JSON.stringify({ ...FETCH_DEFAULTS, ...policy });
  let f = fetchers.get(key);
  if (!f) fetchers.set(key, (f = new PoliteFetcher(policy)));
  return f;
}

export const monitorJob: JobHandler = {
  async prepare(_store, caseId, params) {
    if (!caseId) throw new JobParamsError('a monitor job belongs to a case');
    const parsed = Params.safeParse(params);
    if (!parsed.success)
      throw new JobParamsError('bad monitor parameters: give {sourceId}', parsed.error.issues);
    return { params: parsed.data as unknown as Record<string, unknown>, parts: 1 };
  },
  async runPart(ctx) {
    const p = Params.parse(ctx.job.params);
    // Loaded on first use: the fetch and ingest path is not needed by processes that never run a source.
    const { runSource } = await import('./run.js');
    return runSource(ctx.store, ctx.job.caseId ?? '', p.sourceId, {
      fetcher: fetcherFor(p.policy),
      workerId: ctx.workerId,
      leaseMs: p.leaseMs,
      waitForLeaseMs: p.waitForLease ? p.leaseMs + 1000 : 0,
      jobId: ctx.job.id,
      signal: ctx.signal,
    });
  },
  async finish(_ctx, parts) {
    return { result: parts[0] as RunSummary };
  },
};
