/**
 * Ingesting a batch into the evidence store: each input is analysed, checked against what the case already
 * holds (same content from the same place: a no-op; an exact or near copy from elsewhere: joins that
 * document's cluster without new suggestions), and stored with its events and claims. Every step of a
 * document (its reading is the reader's, see sources.ts) runs inside that document's outcome: one document
 * failing never stops the batch, and the batch always ends with a summary.
 *
 * The work splits in two: `prepareDocument` is pure CPU (extraction already done, cleaning, analysis) and
 * can run on another thread; `storeDocument` is the store I/O and stays with the caller.
 */
import {
  analyseArticle,
  originalSpan,
  type EvidenceModel,
  type EvidenceWarning,
  type RemovalNote,
} from '../../index.js';
import type { DocumentSummary, EvidenceRepository } from '../store/evidence-repo.js';
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

/** What storing needs (no model: the analysis may have run elsewhere). */
export interface StoreOptions {
  caseId: string;
  repo: EvidenceRepository;
  /** Estimated Jaccard similarity of 5-word shingles at or above which a document is a copy. */
  threshold?: number;
  /**
   * Documents this same origin stored at or after this instant (ISO time) count as this run's own work:
   * a job resumed after a crash reports what its first attempt stored, not "already ingested".
   */
  ownSince?: string;
}

export interface IngestOptions extends StoreOptions {
  model: EvidenceModel;
  onOutcome?: (o: DocumentOutcome) => void;
}

export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/** Per-document limits of the analysis (the reader bounds bytes; these bound the work). */
export const DOCUMENT_LIMITS = {
  /** Characters of article text analysed; the rest is cut at a line end, with a warning. */
  maxChars: 200_000,
} as const;

/** What the store needs of an analysed document: compact and structured-cloneable (crosses threads). */
export interface AnalysedDoc {
  origin: string;
  contentHash: string;
  title?: string;
  /** The article's own title or its lead line, for the store. */
  storedTitle: string;
  publisher?: string;
  url?: string;
  date?: string;
  dateSource: 'metadata' | 'text' | 'none';
  language: string;
  text: string;
  segments: number[];
  signature?: Uint16Array;
  removed: Record<string, number>;
  warnings: EvidenceWarning[];
  events: Array<{ record: unknown; origStart: number; origEnd: number }>;
  claims: Array<{ record: unknown; origStart: number; origEnd: number }>;
}

export type Prepared = { kind: 'outcome'; outcome: DocumentOutcome } | { kind: 'analysed'; doc: AnalysedDoc };

const failed = (origin: string, code: string, reason: string): DocumentOutcome => ({
  origin,
  status: 'failed',
  code,
  reason,
  events: 0,
  claims: 0,
  warnings: [],
});

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function ingestInputs(
  inputs: AsyncIterable<InputItem>,
  opts: IngestOptions,
): Promise<{ outcomes: DocumentOutcome[]; summary: IngestSummary }> {
  const outcomes: DocumentOutcome[] = [];
  const record = (o: DocumentOutcome) => {
    outcomes.push(o);
    try {
      opts.onOutcome?.(o);
    } catch {
      /* a progress display failing is not the document's failure */
    }
  };
  const it = inputs[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<InputItem>;
    try {
      next = await it.next();
    } catch (e) {
      // The reader never throws by design; if it does, what was read is kept and the batch still ends.
      record(failed('input', 'internal', `reading stopped: ${message(e)}`));
      break;
    }
    if (next.done) break;
    record(await ingestOne(next.value, opts));
  }
  return { outcomes, summary: summarise(outcomes) };
}

/** One document, start to end, as an outcome (never throws). */
export function ingestOne(input: InputItem, opts: IngestOptions): Promise<DocumentOutcome> {
  return settle(input.origin, () => prepareDocument(input, opts.model), opts);
}

/** Prepares (here or elsewhere) and stores one document; whatever fails becomes its outcome. */
export async function settle(
  origin: string,
  prepare: () => Prepared | Promise<Prepared>,
  opts: StoreOptions,
): Promise<DocumentOutcome> {
  try {
    return await storeDocument(await prepare(), opts);
  } catch (e) {
    return failed(origin, 'internal', `internal error: ${message(e)}`);
  }
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

/** Cuts an over-long text at the last line end before `max` characters (or at `max`). */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const nl = text.lastIndexOf('\n', max);
  return text.slice(0, nl > max / 2 ? nl : max);
}

/** Removal notes as document warnings (code "removed"), so `evidence show` can list them. */
const removalWarnings = (notes: readonly RemovalNote[]): EvidenceWarning[] =>
  notes.map((n) => ({ code: 'removed', message: `${n.kind}: ${n.text}` }));

/** The CPU part of one document: cleaning and analysis within the per-document limits. Never throws. */
export function prepareDocument(input: InputItem, model: EvidenceModel): Prepared {
  if (!input.ok)
    return {
      kind: 'outcome',
      outcome: {
        origin: input.origin,
        status: input.skip ? 'skipped' : 'failed',
        code: input.code,
        reason: input.hint ? `${input.message} (${input.hint})` : input.message,
        events: 0,
        claims: 0,
        warnings: [],
      },
    };
  try {
    const extra: EvidenceWarning[] = (input.warnings ?? []).map((m) => ({ code: 'input', message: m }));
    let article = input.article;
    if (article.text.length > DOCUMENT_LIMITS.maxChars) {
      extra.push({
        code: 'truncated',
        message: `the text has ${article.text.length} characters; the first ${DOCUMENT_LIMITS.maxChars} were analysed`,
      });
      article = { ...article, text: truncate(article.text, DOCUMENT_LIMITS.maxChars) };
    }
    const a = analyseArticle(article, model);
    if (a.clean.removed.split > 0)
      extra.push({
        code: 'long_runs_split',
        message: `${a.clean.removed.split} breaks put into runs of text without sentence punctuation; suggestions from those runs are less reliable`,
      });
    const warnings = [...extra, ...a.warnings];
    const meta = { ...(a.title ? { title: a.title } : {}), ...(a.date ? { date: a.date } : {}) };
    if (a.skipped)
      return {
        kind: 'outcome',
        outcome: {
          origin: input.origin,
          ...meta,
          status: 'skipped',
          code: a.skipped.code,
          reason: a.skipped.message,
          events: 0,
          claims: 0,
          warnings: warnings.map((w) => w.message),
        },
      };
    const removed: Record<string, number> = { ...a.clean.removed };
    for (const n of input.removals ?? []) removed[n.kind] = (removed[n.kind] ?? 0) + 1;
    const span = (q: { start: number; end: number }) => originalSpan(a, q.start, q.end);
    return {
      kind: 'analysed',
      doc: {
        origin: input.origin,
        contentHash: a.contentHash,
        ...meta,
        storedTitle: a.title ?? a.clean.text.split('\n', 1)[0]!.slice(0, 300),
        ...(a.publisher ? { publisher: a.publisher } : {}),
        ...(a.url ? { url: a.url } : {}),
        dateSource: a.dateSource,
        language: a.language.language,
        text: a.clean.text,
        segments: a.clean.segments,
        ...(a.signature ? { signature: a.signature } : {}),
        removed,
        warnings: [...warnings, ...removalWarnings([...(input.removals ?? []), ...a.clean.notes])],
        events: a.events.map((e) => {
          const o = span(e.quote);
          return { record: e, origStart: o.start, origEnd: o.end };
        }),
        claims: a.claims.map((c) => {
          const o = span(c.quote);
          return { record: c, origStart: o.start, origEnd: o.end };
        }),
      },
    };
  } catch (e) {
    return {
      kind: 'outcome',
      outcome: failed(input.origin, 'analysis_failed', `analysis failed: ${message(e)}`),
    };
  }
}

const STATUS_OF_KIND: Record<string, OutcomeStatus> = {
  unique: 'new',
  exact: 'duplicate',
  near: 'near-duplicate',
};

/** The store part of one document: de-duplication against the case's evidence, then the save. */
export async function storeDocument(p: Prepared, opts: StoreOptions): Promise<DocumentOutcome> {
  if (p.kind === 'outcome') return p.outcome;
  const a = p.doc;
  const meta = { ...(a.title ? { title: a.title } : {}), ...(a.date ? { date: a.date } : {}) };
  const warnings = a.warnings.filter((w) => w.code !== 'removed').map((w) => w.message);
  const base = { origin: a.origin, ...meta, events: 0, claims: 0, warnings };
  const hash12 = a.contentHash.slice(0, 12);
  const common = {
    contentHash: a.contentHash,
    title: a.storedTitle,
    publisher: a.publisher,
    url: a.url,
    date: a.date,
    dateSource: a.dateSource,
    origin: a.origin,
    language: a.language,
    text: a.text,
    segments: a.segments,
    signature: a.signature,
    removed: a.removed,
    warnings: a.warnings,
  };
  const prior = await opts.repo.findByHash(opts.caseId, a.contentHash);
  if (prior) {
    const sameHash = (await opts.repo.listDocuments(opts.caseId, 10_000)).filter(
      (d) => d.contentHash === a.contentHash,
    );
    const mine = sameHash.find((d) => d.origin === a.origin || (a.url !== undefined && d.url === a.url));
    if (mine) return alreadyStored(mine, base, opts);
    const id = `d-${hash12}-${sameHash.length + 1}`;
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
      status: 'duplicate',
      docId: id,
      clusterId: prior.clusterId,
      similarity: 1,
      reason: `exact copy of ${prior.clusterId}`,
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
        status: 'near-duplicate',
        docId: id,
        clusterId: near.doc.clusterId,
        similarity: near.similarity,
        reason: `near copy (similarity ${near.similarity.toFixed(2)}) of ${near.doc.clusterId}`,
      };
    }
  }
  const short = a.contentHash.slice(0, 8);
  const events = a.events.map((e, i) => ({ id: `e-${short}-${i + 1}`, ...e }));
  const claims = a.claims.map((c, i) => ({ id: `c-${short}-${i + 1}`, ...c }));
  await opts.repo.saveDocument(opts.caseId, {
    ...common,
    id,
    clusterId: id,
    duplicateKind: 'unique',
    similarity: 0,
    events: events as Parameters<EvidenceRepository['saveDocument']>[1]['events'],
    claims: claims as Parameters<EvidenceRepository['saveDocument']>[1]['claims'],
  });
  return { ...base, status: 'new', docId: id, clusterId: id, events: events.length, claims: claims.length };
}

/**
 * The same article from the same place is already stored. When this run stored it (a resumed job), the
 * outcome is what that first attempt did, with its events and claims; otherwise "already ingested".
 */
async function alreadyStored(
  doc: DocumentSummary,
  base: Omit<DocumentOutcome, 'status'>,
  opts: StoreOptions,
): Promise<DocumentOutcome> {
  const ids = { docId: doc.id, clusterId: doc.clusterId };
  if (opts.ownSince && doc.origin === base.origin && doc.createdAt >= opts.ownSince) {
    const [events, claims] = await Promise.all([
      opts.repo.listEvents(opts.caseId, { docId: doc.id, limit: 10_000 }),
      opts.repo.listClaims(opts.caseId, { docId: doc.id, limit: 10_000 }),
    ]);
    return {
      ...base,
      ...ids,
      status: STATUS_OF_KIND[doc.duplicateKind] ?? 'new',
      ...(doc.duplicateKind !== 'unique' ? { similarity: doc.similarity } : {}),
      events: events.length,
      claims: claims.length,
    };
  }
  return { ...base, ...ids, status: 'already-ingested', reason: 'the same article is already in the store' };
}
