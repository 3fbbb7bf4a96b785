/** Stored analysis results (forecasts, Monte Carlo runs, stability tables), each tied to a case version. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CoreDatabase } from './database.js';
import { clampLimit, decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

export interface AnalysisResult {
  id: string;
  caseId: string;
  caseVersion: number;
  kind: string;
  params: unknown;
  result: unknown;
  jobId: string | null;
  createdAt: string;
}

export interface SaveAnalysisInput {
  caseId: string;
  caseVersion: number;
  kind: string;
  params: unknown;
  result: unknown;
  jobId?: string | null;
}

export interface AnalysisRepository {
  /** Saves a result; pass a transaction to save it as part of a larger unit (a job's completion). */
  save(input: SaveAnalysisInput, trx?: Kysely<CoreDatabase>): Promise<AnalysisResult>;
  get(id: string): Promise<AnalysisResult | undefined>;
  getByJob(jobId: string): Promise<AnalysisResult | undefined>;
  /** Newest first; `kind` filters. */
  list(
    caseId: string,
    opts?: PageRequest & { kind?: string | undefined },
  ): Promise<Page<Omit<AnalysisResult, 'result'>>>;
}

export function createAnalysisRepository(db: Kysely<CoreDatabase>, now: () => string): AnalysisRepository {
  const present = (r: CoreDatabase['analysis_results']): AnalysisResult => ({
    id: r.id,
    caseId: r.case_id,
    caseVersion: Number(r.case_version),
    kind: r.kind,
    params: JSON.parse(r.params) as unknown,
    result: JSON.parse(r.result) as unknown,
    jobId: r.job_id,
    createdAt: r.created_at,
  });
  return {
    async save(input, trx) {
      const row = {
        id: randomUUID(),
        case_id: input.caseId,
        case_version: input.caseVersion,
        kind: input.kind,
        params: JSON.stringify(input.params ?? {}),
        result: JSON.stringify(input.result),
        job_id: input.jobId ?? null,
        created_at: now(),
      };
      await (trx ?? db).insertInto('analysis_results').values(row).execute();
      return present(row);
    },
    async get(id) {
      const r = await db.selectFrom('analysis_results').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? present(r) : undefined;
    },
    async getByJob(jobId) {
      const r = await db
        .selectFrom('analysis_results')
        .selectAll()
        .where('job_id', '=', jobId)
        .executeTakeFirst();
      return r ? present(r) : undefined;
    },
    async list(caseId, opts = {}) {
      const limit = clampLimit(opts.limit);
      let q = db
        .selectFrom('analysis_results')
        .select(['id', 'case_id', 'case_version', 'kind', 'params', 'job_id', 'created_at'])
        .where('case_id', '=', caseId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (opts.kind) q = q.where('kind', '=', opts.kind);
      if (opts.cursor) {
        const [at, id] = decodeCursor(opts.cursor, ['s', 's']) as [string, string];
        q = q.where((eb) =>
          eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
        );
      }
      const rows = await q.execute();
      return toPage(
        rows,
        limit,
        (r) => [r.created_at, r.id],
        (r) => ({
          id: r.id,
          caseId: r.case_id,
          caseVersion: Number(r.case_version),
          kind: r.kind,
          params: JSON.parse(r.params) as unknown,
          jobId: r.job_id,
          createdAt: r.created_at,
        }),
      );
    },
  };
}
