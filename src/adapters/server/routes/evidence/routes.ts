/**
 * Evidence routes over the evidence repository (src/adapters/store/evidence-repo.ts): documents with
 * full-text search, suggested claims and events for review (accept writes the case; reject records it),
 * and the timeline. 501 when the evidence module is not installed. `claims` is an alias of `suggestions`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  DecisionBody,
  DocParams,
  DocumentsQuery,
  SuggestionParams,
  SuggestionsQuery,
  TimelineQuery,
} from '../../../../contract/index.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';
import type { ServerContext } from '../../context.js';
import { conflict, invalidRequest, notFound, notImplemented } from '../../errors.js';
import { pageOf } from '../../pagination.js';
import { toJson } from '../../zod-compiler.js';
import type { CaseIdParams } from '../cases/schema.js';
import { JobParamsError } from '../../../jobs/index.js';
import { clampLimit, decodeCursor, encodeCursor, type Page } from '../../../store/index.js';
import type { DocumentSummary, EvidenceRepository, ReviewStatus } from '../../../store/evidence-repo.js';
import { presentClaim, presentEvent } from './presenters.js';
import { applyToCase } from './accept.js';

/** The contract's accept/reject route of each word. */
const DECISION_ROUTE = {
  suggestions: { accept: 'acceptSuggestion', reject: 'rejectSuggestion' },
  claims: { accept: 'acceptClaim', reject: 'rejectClaim' },
} as const;

/** Offset pages over a list the repository returns whole (newest or best first). */
function offsetPage<T>(all: T[], q: { limit?: number | undefined; cursor?: string | undefined }): Page<T> {
  const limit = clampLimit(q.limit);
  const offset = q.cursor ? (decodeCursor(q.cursor, ['n'])[0] as number) : 0;
  const items = all.slice(offset, offset + limit);
  return { items, next: offset + limit < all.length ? encodeCursor([offset + limit]) : null };
}

const STATUS: Record<string, ReviewStatus> = {
  suggested: 'suggested',
  pending: 'suggested',
  accepted: 'accepted',
  rejected: 'rejected',
};
/** Upper bound on items a list route reads from the repository. */
const READ_CAP = 10_000;

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const repo = (): EvidenceRepository => {
    const r = ctx.store.evidence as EvidenceRepository | undefined;
    if (!r) throw notImplemented('the evidence module is not installed in this build');
    return r;
  };
  const caseOf = async (req: FastifyRequest) => {
    const { id } = req.params as z.infer<typeof CaseIdParams>;
    await ctx.cases.current(id);
    return id;
  };
  const docsById = async (caseId: string) =>
    new Map(
      (await repo().listDocuments(caseId, READ_CAP)).map((d) => [d.id, d] as [string, DocumentSummary]),
    );
  const statusOf = (s: string | undefined) => {
    if (s === undefined || s === '' || s === 'all') return undefined;
    const st = STATUS[s];
    if (!st) throw invalidRequest(`status "${s}" is not one of suggested (pending), accepted, rejected`);
    return st;
  };

  app.get(
    '/api/cases/:id/evidence/documents',
    {
      schema: routeSchema(ROUTES.documents),
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const q = req.query as z.infer<typeof DocumentsQuery>;
      const all = q.q?.trim()
        ? (await repo().search(id, q.q, READ_CAP)).map((hit) => ({ ...hit.doc, snippet: hit.snippet }))
        : await repo().listDocuments(id, READ_CAP);
      return pageOf(offsetPage<unknown>(all, q), req, reply);
    },
  );

  app.get(
    '/api/cases/:id/evidence/documents/:docId',
    { schema: routeSchema(ROUTES.document) },
    async (req, reply) => {
      const id = await caseOf(req);
      const { docId } = req.params as z.infer<typeof DocParams>;
      const doc = await repo().getDocument(id, docId);
      if (!doc) throw notFound(`document "${docId}" does not exist`);
      const [claims, events] = await Promise.all([
        repo().listClaims(id, { docId, limit: READ_CAP }),
        repo().listEvents(id, { docId, limit: READ_CAP }),
      ]);
      return reply.type('application/json').send(
        toJson({
          ...doc,
          cleanText: doc.text,
          claims: claims.map((c) => presentClaim(c, doc)),
          events: events.map((e) => presentEvent(e, doc)),
        }),
      );
    },
  );

  for (const word of ['suggestions', 'claims'] as const) {
    app.get(
      `/api/cases/:id/evidence/${word}`,
      {
        schema: routeSchema(word === 'claims' ? ROUTES.claims : ROUTES.suggestions),
      },
      async (req, reply) => {
        const id = await caseOf(req);
        const q = req.query as z.infer<typeof SuggestionsQuery>;
        const filter = { status: statusOf(q.status), actor: q.actor, issue: q.issue, limit: READ_CAP };
        const kind = q.kind ?? (word === 'claims' ? 'claim' : undefined);
        if (kind !== undefined && kind !== 'claim' && kind !== 'event')
          throw invalidRequest(`kind "${kind}" is not claim or event`);
        const docs = await docsById(id);
        const items = [
          ...(kind !== 'event'
            ? (await repo().listClaims(id, filter)).map((c) => presentClaim(c, docs.get(c.docId)))
            : []),
          ...(kind !== 'claim'
            ? (await repo().listEvents(id, filter)).map((e) => presentEvent(e, docs.get(e.docId)))
            : []),
        ];
        return pageOf(offsetPage<unknown>(items, q), req, reply);
      },
    );
    for (const decision of ['accept', 'reject'] as const) {
      app.post(
        `/api/cases/:id/evidence/${word}/:sid/${decision}`,
        {
          schema: routeSchema(ROUTES[DECISION_ROUTE[word][decision]]),
          config: { write: true },
        },
        async (req, reply) => {
          const id = await caseOf(req);
          const { sid } = req.params as z.infer<typeof SuggestionParams>;
          const note = (req.body as z.infer<typeof DecisionBody>)?.note;
          const r = repo();
          const item = await r.getItem(id, sid);
          if (!item) throw notFound(`suggestion "${sid}" does not exist`);
          const wanted: ReviewStatus = decision === 'accept' ? 'accepted' : 'rejected';
          let applied: { version: number; summary: string } | null = null;
          if (item.status !== wanted) {
            if (item.status !== 'suggested') throw conflict(`suggestion "${sid}" was already ${item.status}`);
            if (wanted === 'accepted')
              applied = await applyToCase(
                ctx.store,
                r,
                id,
                item,
                req.role === 'editor' ? 'editor token' : 'local user',
              );
            await r.decide(id, sid, wanted, note);
          }
          const after = (await r.getItem(id, sid))!;
          const doc = (await docsById(id)).get(after.docId);
          const presented = after.kind === 'claim' ? presentClaim(after, doc) : presentEvent(after, doc);
          return reply.type('application/json').send(
            toJson({
              item: presented,
              caseVersion: applied?.version ?? null,
              summary: applied?.summary ?? null,
            }),
          );
        },
      );
    }
  }

  app.get(
    '/api/cases/:id/timeline',
    {
      schema: routeSchema(ROUTES.timeline),
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const q = req.query as z.infer<typeof TimelineQuery>;
      const docs = await docsById(id);
      const items = [
        ...(await repo().listEvents(id, { limit: READ_CAP })).map((e) => presentEvent(e, docs.get(e.docId))),
        ...(await repo().listClaims(id, { limit: READ_CAP })).map((c) => presentClaim(c, docs.get(c.docId))),
      ]
        .filter((x) => (!q.from || (x.date ?? '') >= q.from) && (!q.to || (x.date ?? '9999') <= q.to))
        .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
      return pageOf(offsetPage<unknown>(items, q), req, reply);
    },
  );

  app.post(
    '/api/cases/:id/evidence/ingest',
    {
      schema: routeSchema(ROUTES.ingest),
      config: { write: true },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      if (!ctx.jobs.kinds().includes('ingest'))
        throw notImplemented('ingest jobs are not available in this build yet');
      try {
        const job = await ctx.jobs.enqueue(id, 'ingest', req.body ?? {});
        return reply.status(202).send({ job });
      } catch (e) {
        if (e instanceof JobParamsError) throw invalidRequest(e.message, e.issues);
        throw e;
      }
    },
  );
}
