/**
 * The `ingest` job for the job queue (POST /api/cases/:id/jobs {kind: "ingest"}): articles given inline are
 * ingested into the case's evidence in parts of up to 25, each part's outcomes recorded once; the result is
 * the batch summary with per-document outcomes.
 *
 * Off the event loop: with `offThread` (the server's default) each article is extracted and analysed in a
 * worker thread, with a hard time limit per article (the thread is stopped and the article fails with
 * "too_slow"); only the store calls run on the server's thread. A part re-run after a crash counts the
 * documents its first attempt stored as its own (same origin, stored since the job was created).
 */
import { z } from 'zod';
import { createEvidenceModel, type ArticleInput, type Case, type EvidenceModel } from '../../index.js';
import { pool } from '../jobs/handlers/off-thread.js';
import { JobParamsError, type JobHandler } from '../jobs/types.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';
import { prepareDocument, settle, summarise, type DocumentOutcome, type Prepared } from './batch.js';
import { toArticle } from './sources.js';

const PART_SIZE = 25;
/** Longest analysis of one article in a worker thread before it is stopped. */
export const ARTICLE_TIME_LIMIT_MS = 30_000;

export const ArticleParam = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(10 * 1024 * 1024),
  format: z.enum(['text', 'markdown', 'html']).default('text'),
  title: z.string().max(500).optional(),
  date: z.iso.date().optional(),
  publisher: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  origin: z.string().max(500).optional(),
});
export type ArticleParam = z.infer<typeof ArticleParam>;
const Params = z.strictObject({
  articles: z.array(ArticleParam).min(1).max(10_000),
  threshold: z.number().gt(0).max(1).optional(),
});

/** Extraction and analysis of one inline article (runs in the worker thread, or here without one). */
export function prepareArticle(a: ArticleParam, origin: string, model: EvidenceModel): Prepared {
  const item = toArticle(origin, a.format, a.text);
  if (!item.ok) return prepareDocument(item, model);
  const article: ArticleInput = {
    ...item.article,
    ...(a.title ? { title: a.title } : {}),
    ...(a.date ? { date: a.date } : {}),
    ...(a.publisher ? { publisher: a.publisher } : {}),
    ...(a.url ? { url: a.url } : {}),
  };
  return prepareDocument({ ...item, article }, model);
}

const tooSlow = (origin: string): Prepared => ({
  kind: 'outcome',
  outcome: {
    origin,
    status: 'failed',
    code: 'too_slow',
    reason: `the analysis took longer than ${ARTICLE_TIME_LIMIT_MS / 1000} s and was stopped`,
    events: 0,
    claims: 0,
    warnings: [],
  },
});

async function prepareOffThread(
  key: string,
  caseLike: Pick<Case, 'actors' | 'issues'>,
  article: ArticleParam,
  origin: string,
): Promise<Prepared> {
  const signal = AbortSignal.timeout(ARTICLE_TIME_LIMIT_MS);
  try {
    return (await pool('ingest-prepare.worker').run(
      { key, caseLike, article, origin },
      { signal },
    )) as Prepared;
  } catch (e) {
    if (signal.aborted) return tooSlow(origin);
    throw e;
  }
}

export function ingestHandler(options: { offThread: boolean }): JobHandler {
  return {
    async prepare(store, caseId, params) {
      if (!caseId) throw new JobParamsError('an ingest job belongs to a case');
      if (!(await store.cases.get(caseId))) throw new JobParamsError(`no case "${caseId}"`);
      const parsed = Params.safeParse(params);
      if (!parsed.success)
        throw new JobParamsError(
          'bad ingest parameters: give {articles: [{text, date?, title?, url?, publisher?, format?}]}',
          parsed.error.issues,
        );
      return {
        params: parsed.data as unknown as Record<string, unknown>,
        parts: Math.ceil(parsed.data.articles.length / PART_SIZE),
      };
    },
    async runPart(ctx, part) {
      const params = Params.parse(ctx.job.params);
      const caseId = ctx.job.caseId ?? '';
      const version = await ctx.store.cases.get(caseId);
      if (!version) throw new Error(`case "${caseId}" is gone`);
      const repo = ctx.store.evidence as EvidenceRepository;
      const c = version.case as Case;
      // Compiled here only when the analysis runs here (the worker thread compiles its own).
      const model = options.offThread ? undefined : createEvidenceModel(c);
      const caseLike = { actors: c.actors, issues: c.issues };
      const key = `${caseId}@${version.version}`;
      const from = part * PART_SIZE;
      const opts = {
        caseId,
        repo,
        ownSince: ctx.job.createdAt,
        ...(params.threshold ? { threshold: params.threshold } : {}),
      };
      const outcomes: DocumentOutcome[] = [];
      for (const [k, a] of params.articles.slice(from, from + PART_SIZE).entries()) {
        const origin = a.origin ?? `article ${from + k + 1}`;
        const prepare = () =>
          options.offThread ? prepareOffThread(key, caseLike, a, origin) : prepareArticle(a, origin, model!);
        outcomes.push(await settle(origin, prepare, opts));
      }
      return outcomes;
    },
    async finish(_ctx, partResults) {
      const outcomes = (partResults as DocumentOutcome[][]).flat();
      return { result: { summary: summarise(outcomes), documents: outcomes } };
    },
  };
}

/** The handler the store plugin registers; the job queue swaps in one with its own thread setting. */
export const ingestJob: JobHandler = ingestHandler({ offThread: false });
