// Piscina task module for ingest jobs: turns one inline article into a prepared document (extraction,
// cleaning, analysis). The case's evidence model is compiled once per case version and reused. Loaded by
// ingest-prepare.worker.ts.
import {
  createEvidenceModel,
  type EvidenceCaseLike,
  type EvidenceModel,
} from '../../engines/evidence/index.js';
import { prepareArticle, type ArticleParam } from '../ingest/job.js';


let cached: { key: string; model?: EvidenceModel } = { key: '' };

export default function prepare(task: {
  key: string;
  caseLike: EvidenceCaseLike;
  article: ArticleParam;
  origin: string;
}) {
  if (cached.key !== task.key || !cached.model)
    cached = { key: task.key, model: createEvidenceModel(task.caseLike) };
  return prepareArticle(task.article, task.origin, cached.model!);
}
