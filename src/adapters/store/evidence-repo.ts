/**
 * The evidence repository on the store's Kysely handle (SQLite or PostgreSQL): ingested documents with
 * their duplicate clusters, LSH band keys for near-duplicate lookup, suggested events and claims with review
 * status, review decisions and full-text search. Loaded by `openStore` as the store's evidence plugin.
 */
import { sql, type Kysely } from 'kysely';
import { BANDS, bandKeys, signatureSimilarity, type EvidenceEvent, type StanceClaim } from '../../index.js';
import type { CoreDatabase } from './database.js';
import type { StoreContext } from './index.js';
import { evidenceMigrations } from './migrations/0100-evidence.js';
import { ingestJob } from '../ingest/job.js';

export { evidenceMigrations };

type DocumentsTable = {
  case_id: string;
  id: string;
  content_hash: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  date_source: string;
  origin: string;
  language: string;
  cluster_id: string;
  duplicate_kind: string;
  similarity: number;
  text: string;
  segments: string;
  signature: string | null;
  removed: string;
  warnings: string;
  created_at: string;
};
type LshTable = {
  case_id: string;
  band_key: number;
  doc_id: string;
};
type ItemColumns = {
  case_id: string;
  id: string;
  doc_id: string;
  sentence: number;
  date: string | null;
  quote: string;
  quote_start: number;
  quote_end: number;
  orig_start: number;
  orig_end: number;
  trigger: string;
  confidence: number;
  status: string;
  record: string;
  created_at: string;
};
type EventsTable = ItemColumns & {
  type: string;
  actors: string;
};
type ClaimsTable = ItemColumns & {
  actor: string;
  issue: string;
  direction: string;
  red_line: number;
};
type ReviewsTable = {
  case_id: string;
  item_id: string;
  decision: string;
  note: string | null;
  created_at: string;
};
type EvidenceDatabase = {
  evidence_documents: DocumentsTable;
  evidence_lsh: LshTable;
  evidence_events: EventsTable;
  evidence_claims: ClaimsTable;
  evidence_reviews: ReviewsTable;
};

export type DuplicateKind = 'unique' | 'exact' | 'near';
export type ReviewStatus = 'suggested' | 'accepted' | 'rejected';

export interface DocumentInput {
  id: string;
  contentHash: string;
  title?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
  dateSource: string;
  origin: string;
  language: string;
  clusterId: string;
  duplicateKind: DuplicateKind;
  similarity: number;
  text: string;
  segments: number[];
  signature?: Uint16Array | undefined;
  removed: Record<string, number>;
  warnings: Array<{ code: string; message: string }>;
  events: Array<{ id: string; record: EvidenceEvent; origStart: number; origEnd: number }>;
  claims: Array<{ id: string; record: StanceClaim; origStart: number; origEnd: number }>;
}

export interface DocumentSummary {
  id: string;
  contentHash: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  origin: string;
  clusterId: string;
  duplicateKind: DuplicateKind;
  similarity: number;
  createdAt: string;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  segments: number[];
  removed: Record<string, number>;
  warnings: Array<{ code: string; message: string }>;
}

interface ItemBase {
  id: string;
  docId: string;
  status: ReviewStatus;
  origStart: number;
  origEnd: number;
  createdAt: string;
}
export interface StoredEvent extends ItemBase {
  kind: 'event';
  event: EvidenceEvent;
}
export interface StoredClaim extends ItemBase {
  kind: 'claim';
  claim: StanceClaim;
}

export interface ItemFilter {
  status?: ReviewStatus | undefined;
  actor?: string | undefined;
  issue?: string | undefined;
  docId?: string | undefined;
  limit?: number | undefined;
}

export interface EvidenceRepository {
  findByHash(caseId: string, contentHash: string): Promise<DocumentSummary | undefined>;
  /** Stored documents whose MinHash similarity to `signature` is at least `threshold`, best first. */
  nearDuplicates(
    caseId: string,
    signature: Uint16Array,
    threshold: number,
  ): Promise<Array<{ doc: DocumentSummary; similarity: number }>>;
  /** Saves a document with its events, claims, band keys and search entry in one transaction. */
  saveDocument(caseId: string, doc: DocumentInput): Promise<void>;
  listDocuments(caseId: string, limit?: number): Promise<DocumentSummary[]>;
  getDocument(caseId: string, id: string): Promise<StoredDocument | undefined>;
  listEvents(caseId: string, filter?: ItemFilter): Promise<StoredEvent[]>;
  listClaims(caseId: string, filter?: ItemFilter): Promise<StoredClaim[]>;
  getItem(caseId: string, id: string): Promise<StoredEvent | StoredClaim | undefined>;
  /** Records a review decision and sets the item's status. */
  decide(caseId: string, id: string, decision: 'accepted' | 'rejected', note?: string): Promise<void>;
  search(
    caseId: string,
    query: string,
    limit?: number,
  ): Promise<Array<{ doc: DocumentSummary; snippet: string }>>;
  counts(
    caseId: string,
  ): Promise<{ documents: number; duplicates: number; events: number; claims: number; suggested: number }>;
}

const toSummary = (r: DocumentsTable): DocumentSummary => ({
  id: r.id,
  contentHash: r.content_hash,
  title: r.title,
  publisher: r.publisher,
  url: r.url,
  date: r.date,
  origin: r.origin,
  clusterId: r.cluster_id,
  duplicateKind: r.duplicate_kind as DuplicateKind,
  similarity: Number(r.similarity),
  createdAt: r.created_at,
});

const encodeSignature = (s: Uint16Array) =>
  Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64');
const decodeSignature = (t: string) => {
  const b = Buffer.from(t, 'base64');
  const out = new Uint16Array(b.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt16LE(i * 2);
  return out;
};

function ftsQuery(q: string): string {
  const tokens = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.map((t) => `"${t}"`).join(' ');
}

export function createEvidenceRepository(core: Kysely<CoreDatabase>, ctx: StoreContext): EvidenceRepository {
  const db = core.withTables<EvidenceDatabase>();
  const items = (table: 'evidence_events' | 'evidence_claims', caseId: string, f: ItemFilter = {}) => {
    let q = db.selectFrom(table).selectAll().where('case_id', '=', caseId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.docId) q = q.where('doc_id', '=', f.docId);
    return q
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(Math.max(1, Math.min(f.limit ?? 500, 10_000)));
  };
  const base = (r: ItemColumns): ItemBase => ({
    id: r.id,
    docId: r.doc_id,
    status: r.status as ReviewStatus,
    origStart: r.orig_start,
    origEnd: r.orig_end,
    createdAt: r.created_at,
  });
  const toEvent = (r: EventsTable): StoredEvent => ({
    ...base(r),
    kind: 'event',
    event: JSON.parse(r.record) as EvidenceEvent,
  });
  const toClaim = (r: ClaimsTable): StoredClaim => ({
    ...base(r),
    kind: 'claim',
    claim: JSON.parse(r.record) as StanceClaim,
  });

  return {
    async findByHash(caseId, contentHash) {
      const r = await db
        .selectFrom('evidence_documents')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('content_hash', '=', contentHash)
        .orderBy('created_at')
        .executeTakeFirst();
      return r ? toSummary(r) : undefined;
    },
    async nearDuplicates(caseId, signature, threshold) {
      const keys = bandKeys(signature);
      const rows = await db
        .selectFrom('evidence_lsh')
        .select('doc_id')
        .distinct()
        .where('case_id', '=', caseId)
        .where('band_key', 'in', keys)
        .limit(1000)
        .execute();
      if (rows.length === 0) return [];
      const docs = await db
        .selectFrom('evidence_documents')
        .selectAll()
        .where('case_id', '=', caseId)
        .where(
          'id',
          'in',
          rows.map((r) => r.doc_id),
        )
        .execute();
      const out: Array<{ doc: DocumentSummary; similarity: number }> = [];
      for (const d of docs) {
        if (!d.signature) continue;
        const s = signatureSimilarity(signature, decodeSignature(d.signature));
        if (s >= threshold) out.push({ doc: toSummary(d), similarity: s });
      }
      return out.sort(
        (a, b) => b.similarity - a.similarity || a.doc.createdAt.localeCompare(b.doc.createdAt),
      );
    },
    async saveDocument(caseId, doc) {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('evidence_documents')
          .values({
            case_id: caseId,
            id: doc.id,
            content_hash: doc.contentHash,
            title: doc.title ?? null,
            publisher: doc.publisher ?? null,
            url: doc.url ?? null,
            date: doc.date ?? null,
            date_source: doc.dateSource,
            origin: doc.origin,
            language: doc.language,
            cluster_id: doc.clusterId,
            duplicate_kind: doc.duplicateKind,
            similarity: doc.similarity,
            text: doc.text,
            segments: JSON.stringify(doc.segments),
            signature: doc.signature ? encodeSignature(doc.signature) : null,
            removed: JSON.stringify(doc.removed),
            warnings: JSON.stringify(doc.warnings),
            created_at: now,
          })
          .execute();
        // Only canonical members are indexed for lookup: a copy of a copy joins the same cluster.
        if (doc.signature && doc.duplicateKind === 'unique') {
          const keys = bandKeys(doc.signature);
          await tx
            .insertInto('evidence_lsh')
            .values(keys.slice(0, BANDS).map((k) => ({ case_id: caseId, band_key: k, doc_id: doc.id })))
            .execute();
        }
        for (const e of doc.events)
          await tx
            .insertInto('evidence_events')
            .values({
              case_id: caseId,
              id: e.id,
              doc_id: doc.id,
              sentence: e.record.sentence,
              date: e.record.date ?? null,
              quote: e.record.quote.text,
              quote_start: e.record.quote.start,
              quote_end: e.record.quote.end,
              orig_start: e.origStart,
              orig_end: e.origEnd,
              trigger: e.record.trigger.text,
              confidence: e.record.confidence,
              status: 'suggested',
              record: JSON.stringify(e.record),
              created_at: now,
              type: e.record.type,
              actors: e.record.actors.map((a) => a.actor ?? a.code ?? '').join(','),
            })
            .execute();
        for (const c of doc.claims)
          await tx
            .insertInto('evidence_claims')
            .values({
              case_id: caseId,
              id: c.id,
              doc_id: doc.id,
              sentence: c.record.sentence,
              date: doc.date ?? null,
              quote: c.record.quote.text,
              quote_start: c.record.quote.start,
              quote_end: c.record.quote.end,
              orig_start: c.origStart,
              orig_end: c.origEnd,
              trigger: c.record.trigger.text,
              confidence: c.record.confidence,
              status: 'suggested',
              record: JSON.stringify(c.record),
              created_at: now,
              actor: c.record.actor,
              issue: c.record.issue,
              direction: c.record.direction,
              red_line: c.record.redLine ? 1 : 0,
            })
            .execute();
        if (ctx.dialect === 'sqlite')
          await sql`INSERT INTO evidence_fts (case_id, doc_id, title, text) VALUES (${caseId}, ${doc.id}, ${doc.title ?? ''}, ${doc.text})`.execute(
            tx,
          );
      });
    },
    async listDocuments(caseId, limit = 500) {
      const rows = await db
        .selectFrom('evidence_documents')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSummary);
    },
    async getDocument(caseId, id) {
      const r = await db
        .selectFrom('evidence_documents')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      return {
        ...toSummary(r),
        text: r.text,
        segments: JSON.parse(r.segments) as number[],
        removed: JSON.parse(r.removed) as Record<string, number>,
        warnings: JSON.parse(r.warnings) as Array<{ code: string; message: string }>,
      };
    },
    async listEvents(caseId, filter = {}) {
      let q = items('evidence_events', caseId, filter);
      if (filter.actor) q = q.where('actors', 'like', `%${filter.actor}%`);
      return ((await q.execute()) as EventsTable[]).map(toEvent);
    },
    async listClaims(caseId, filter = {}) {
      let q = db.selectFrom('evidence_claims').selectAll().where('case_id', '=', caseId);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.docId) q = q.where('doc_id', '=', filter.docId);
      if (filter.actor) q = q.where('actor', '=', filter.actor);
      if (filter.issue) q = q.where('issue', '=', filter.issue);
      const rows = await q
        .orderBy('date', 'desc')
        .orderBy('id')
        .limit(Math.max(1, Math.min(filter.limit ?? 500, 10_000)))
        .execute();
      return rows.map(toClaim);
    },
    async getItem(caseId, id) {
      const c = await db
        .selectFrom('evidence_claims')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (c) return toClaim(c);
      const e = await db
        .selectFrom('evidence_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return e ? toEvent(e) : undefined;
    },
    async decide(caseId, id, decision, note) {
      const table = id.startsWith('e-') ? 'evidence_events' : 'evidence_claims';
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable(table)
          .set({ status: decision })
          .where('case_id', '=', caseId)
          .where('id', '=', id)
          .execute();
        await tx
          .insertInto('evidence_reviews')
          .values({ case_id: caseId, item_id: id, decision, note: note ?? null, created_at: ctx.now() })
          .execute();
      });
    },
    async search(caseId, query, limit = 20) {
      const n = Math.max(1, Math.min(limit, 200));
      if (ctx.dialect === 'sqlite') {
        const match = ftsQuery(query);
        if (!match) return [];
        const hits = await sql<{ doc_id: string; snippet: string }>`
          SELECT doc_id, snippet(evidence_fts, 3, '[', ']', '…', 14) AS snippet FROM evidence_fts
          WHERE evidence_fts MATCH ${match} AND case_id = ${caseId} ORDER BY rank LIMIT ${n}`.execute(db);
        return resolveHits(hits.rows);
      }
      const hits = await sql<{ doc_id: string; snippet: string }>`
        SELECT id AS doc_id, ts_headline('english', text, plainto_tsquery('english', ${query}), 'MaxWords=20, MinWords=8, StartSel=[, StopSel=]') AS snippet
        FROM evidence_documents
        WHERE case_id = ${caseId} AND to_tsvector('english', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('english', ${query})
        LIMIT ${n}`.execute(db);
      return resolveHits(hits.rows);

      async function resolveHits(rows: Array<{ doc_id: string; snippet: string }>) {
        const out: Array<{ doc: DocumentSummary; snippet: string }> = [];
        for (const h of rows) {
          const d = await db
            .selectFrom('evidence_documents')
            .selectAll()
            .where('case_id', '=', caseId)
            .where('id', '=', h.doc_id)
            .executeTakeFirst();
          if (d) out.push({ doc: toSummary(d), snippet: h.snippet });
        }
        return out;
      }
    },
    async counts(caseId) {
      const one = async (
        table: 'evidence_documents' | 'evidence_events' | 'evidence_claims',
        extra?: 'dups' | 'suggested',
      ) => {
        let q = db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId);
        if (extra === 'dups') q = q.where('duplicate_kind' as never, '!=', 'unique' as never);
        if (extra === 'suggested') q = q.where('status' as never, '=', 'suggested' as never);
        return Number((await q.executeTakeFirst())?.n ?? 0);
      };
      return {
        documents: await one('evidence_documents'),
        duplicates: await one('evidence_documents', 'dups'),
        events: await one('evidence_events'),
        claims: await one('evidence_claims'),
        suggested: await one('evidence_claims', 'suggested'),
      };
    },
  };
}

export { ingestJob };

/** Job kinds this plugin runs (see src/adapters/jobs): `ingest`. */
export const jobHandlers = { ingest: ingestJob };
