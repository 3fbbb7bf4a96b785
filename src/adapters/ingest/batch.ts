/**
 * Ingesting a batch into the evidence store: each input is analysed, checked against what the case already
 * holds (same content from the same place: a no-op; an exact or near copy from elsewhere: joins that
 * document's cluster without new suggestions), and stored with its events and claims. One document failing
 * never stops the batch; every input gets an outcome.
 */
import { analyseArticle, originalSpan, type EvidenceModel } from '../../index.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';
import type { InputItem } from './sources.js';

export type OutcomeStatus =
  'new' | 'duplicate' | 'near-duplicate' | 'already-ingested' | 'skipped' | 'failed';

export interface DocumentOutcome {
  origin: string;
  status: OutcomeStatus;
  docId?: string;
  /** The cluster's canonical document, for duplicates. */
  clusterId?: string;
  similarity?: number;
  title?: string;
  date?: string;
  events: number;
  claims: number;
  code?: string;
  reason?: string;
  warnings: string[];
}

export interface IngestSummary {
  documents: number;
  new: number;
  duplicates: number;
  skipped: number;
  failed: number;
  events: number;
  claims: number;
}

export interface IngestOptions {
  caseId: string;
  model: EvidenceModel;
  repo: EvidenceRepository;
  /** Estimated Jaccard similarity of 5-word shingles at or above which a document is a copy. */
  threshold?: number;
  onOutcome?: (o: DocumentOutcome) => void;
}

export const NEAR_DUPLICATE_THRESHOLD = 0.7;

export async function ingestInputs(
  inputs: AsyncIterable<InputItem>,
  opts: IngestOptions,
): Promise<{ outcomes: DocumentOutcome[]; summary: IngestSummary }> {
  const outcomes: DocumentOutcome[] = [];
  for await (const input of inputs) {
    let o: DocumentOutcome;
    try {
      o = await ingestOne(input, opts);
    } catch (e) {
      o = {
        origin: input.origin,
        status: 'failed',
        code: 'internal',
        reason: `internal error: ${e instanceof Error ? e.message : String(e)}`,
        events: 0,
        claims: 0,
        warnings: [],
      };
    }
    outcomes.push(o);
    opts.onOutcome?.(o);
  }
  return { outcomes, summary: summarise(outcomes) };
}

export function summarise(outcomes: readonly DocumentOutcome[]): IngestSummary {
  const s: IngestSummary = {
    documents: outcomes.length,
    new: 0,
    duplicates: 0,
    skipped: 0,
    failed: 0,
    events: 0,
    claims: 0,
  };
  for (const o of outcomes) {
    if (o.status === 'new') s.new++;
    else if (o.status === 'duplicate' || o.status === 'near-duplicate' || o.status === 'already-ingested')
      s.duplicates++;
    else if (o.status === 'skipped') s.skipped++;
    else s.failed++;
    s.events += o.events;
    s.claims += o.claims;
  }
  return s;
}

async function ingestOne(input: InputItem, opts: IngestOptions): Promise<DocumentOutcome> {
  const base = { origin: input.origin, events: 0, claims: 0, warnings: [] as string[] };
  if (!input.ok)
    return {
      ...base,
      status: 'failed',
      code: input.code,
      reason: input.hint ? `${input.message} (${input.hint})` : input.message,
    };
  const a = analyseArticle(input.article, opts.model);
  const meta = { ...(a.title ? { title: a.title } : {}), ...(a.date ? { date: a.date } : {}) };
  const warnings = a.warnings.map((w) => w.message);
  if (a.skipped)
    return { ...base, ...meta, status: 'skipped', code: a.skipped.code, reason: a.skipped.message, warnings };

  const prior = await opts.repo.findByHash(opts.caseId, a.contentHash);
  const hash12 = a.contentHash.slice(0, 12);
  const lead = a.clean.text.split('\n', 1)[0]!.slice(0, 300);
  const common = {
    contentHash: a.contentHash,
    title: a.title ?? lead,
    publisher: a.publisher,
    url: a.url,
    date: a.date,
    dateSource: a.dateSource,
    origin: input.origin,
    language: a.language.language,
    text: a.clean.text,
    segments: a.clean.segments,
    signature: a.signature,
    removed: a.clean.removed,
    warnings: a.warnings,
  };
  if (prior) {
    if (prior.origin === input.origin || (a.url !== undefined && prior.url === a.url))
      return {
        ...base,
        ...meta,
        status: 'already-ingested',
        docId: prior.id,
        clusterId: prior.clusterId,
        reason: 'the same article is already in the store',
        warnings,
      };
    const id = `d-${hash12}-${(await opts.repo.listDocuments(opts.caseId, 10_000)).filter((d) => d.contentHash === a.contentHash).length + 1}`;
    await opts.repo.saveDocument(opts.caseId, {
      ...common,
      id,
      clusterId: prior.clusterId,
      duplicateKind: 'exact',
      similarity: 1,
      events: [],
      claims: [],
    });
    return {
      ...base,
      ...meta,
      status: 'duplicate',
      docId: id,
      clusterId: prior.clusterId,
      similarity: 1,
      reason: `exact copy of ${prior.clusterId}`,
      warnings,
    };
  }
  const id = `d-${hash12}`;
  if (a.signature) {
    const near = (
      await opts.repo.nearDuplicates(opts.caseId, a.signature, opts.threshold ?? NEAR_DUPLICATE_THRESHOLD)
    )[0];
    if (near) {
      await opts.repo.saveDocument(opts.caseId, {
        ...common,
        id,
        clusterId: near.doc.clusterId,
        duplicateKind: 'near',
        similarity: near.similarity,
        events: [],
        claims: [],
      });
      return {
        ...base,
        ...meta,
        status: 'near-duplicate',
        docId: id,
        clusterId: near.doc.clusterId,
        similarity: near.similarity,
        reason: `near copy (similarity ${near.similarity.toFixed(2)}) of ${near.doc.clusterId}`,
        warnings,
      };
    }
  }
  const short = a.contentHash.slice(0, 8);
  const events = a.events.map((e, i) => {
    const o = originalSpan(a, e.quote.start, e.quote.end);
    return { id: `e-${short}-${i + 1}`, record: e, origStart: o.start, origEnd: o.end };
  });
  const claims = a.claims.map((c, i) => {
    const o = originalSpan(a, c.quote.start, c.quote.end);
    return { id: `c-${short}-${i + 1}`, record: c, origStart: o.start, origEnd: o.end };
  });
  await opts.repo.saveDocument(opts.caseId, {
    ...common,
    id,
    clusterId: id,
    duplicateKind: 'unique',
    similarity: 0,
    events,
    claims,
  });
  return {
    ...base,
    ...meta,
    status: 'new',
    docId: id,
    clusterId: id,
    events: events.length,
    claims: claims.length,
    warnings,
  };
}
