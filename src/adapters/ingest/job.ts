/**
 * The `ingest` job for the job queue (POST /api/cases/:id/jobs {kind: "ingest"}): articles given inline are
 * ingested into the case's evidence in parts of up to 25, each part's outcomes recorded once; the result is
 * the batch summary with per-document outcomes.
 */
import { z } from 'zod';
import { createEvidenceModel, type Case } from '../../index.js';
import { JobParamsError, type JobHandler } from '../jobs/types.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';
import { ingestInputs, summarise, type DocumentOutcome } from './batch.js';
import { toArticle, type InputItem } from './sources.js';

const PART_SIZE = 25;

const ArticleParam = z.strictObject({
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
const Params = z.strictObject({
  articles: z.array(ArticleParam).min(1).max(10_000),
  threshold: z.number().gt(0).max(1).optional(),
});

async function* inputs(articles: z.infer<typeof ArticleParam>[], from: number): AsyncGenerator<InputItem> {
  for (const [k, a] of articles.entries()) {
    const origin = a.origin ?? `article ${from + k + 1}`;
    const item = toArticle(origin, a.format, a.text);
    if (!item.ok) yield item;
    else
      yield {
        ...item,
        article: {
          ...item.article,
          ...(a.title ? { title: a.title } : {}),
          ...(a.date ? { date: a.date } : {}),
          ...(a.publisher ? { publisher: a.publisher } : {}),
          ...(a.url ? { url: a.url } : {}),
        },
      };
  }
}

export const ingestJob: JobHandler = {
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
    const model = createEvidenceModel(version.case as Case);
    const slice = params.articles.slice(part * PART_SIZE, (part + 1) * PART_SIZE);
    const { outcomes } = await ingestInputs(inputs(slice, part * PART_SIZE), {
      caseId,
      model,
      repo,
      ...(params.threshold ? { threshold: params.threshold } : {}),
    });
    return outcomes;
  },
  async finish(_ctx, partResults) {
    const outcomes = (partResults as DocumentOutcome[][]).flat();
    return { result: { summary: summarise(outcomes), documents: outcomes } };
  },
};
