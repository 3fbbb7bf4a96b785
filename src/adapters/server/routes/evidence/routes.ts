/**
 * Evidence routes, served by the evidence repository when the evidence module is installed
 * (src/adapters/store/evidence-repo.ts); each answers 501 until the repository offers the method it needs.
 * `claims` is an alias of `suggestions` (the dashboard's word).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../../store/index.js';
import type { ServerContext } from '../../context.js';
import { invalidRequest, notFound, notImplemented } from '../../errors.js';
import { pageOf } from '../../pagination.js';
import { toJson } from '../../zod-compiler.js';
import { CaseIdParams } from '../cases/schema.js';
import { JobParamsError } from '../../../jobs/index.js';

/** The methods the API calls on the evidence repository; any may be missing (→ 501). */
export interface EvidenceApi {
  searchDocuments?(
    caseId: string,
    q: { q?: string; limit?: number; cursor?: string },
  ): Promise<{ items: unknown[]; next: string | null }>;
  getDocument?(caseId: string, docId: string): Promise<unknown>;
  listSuggestions?(
    caseId: string,
    q: { status?: string; kind?: string; limit?: number; cursor?: string },
  ): Promise<{ items: unknown[]; next: string | null }>;
  decide?(
    caseId: string,
    suggestionId: string,
    decision: 'accept' | 'reject',
    opts: { note?: string; author?: string; store: Store },
  ): Promise<unknown>;
  timeline?(
    caseId: string,
    q: { from?: string; to?: string; limit?: number; cursor?: string },
  ): Promise<{ items: unknown[]; next: string | null } | unknown>;
}

const tags = ['evidence'];
const Page = {
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
};
const DocumentsQuery = z.object({ q: z.string().max(500).optional().describe('Full-text search.'), ...Page });
const SuggestionsQuery = z.object({
  status: z.string().max(40).optional(),
  kind: z.string().max(40).optional(),
  ...Page,
});
const TimelineQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional(), ...Page });
const DocParams = CaseIdParams.extend({ docId: z.string().min(1).max(200) });
const SuggestionParams = CaseIdParams.extend({ sid: z.string().min(1).max(200) });
const DecisionBody = z.object({ note: z.string().max(2000).optional() }).default({});
const IngestBody = z.record(z.string(), z.unknown()).default({});

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const repo = () => ctx.store.evidence as EvidenceApi | undefined;
  function need<K extends keyof EvidenceApi>(name: K): NonNullable<EvidenceApi[K]> {
    const r = repo();
    const fn = r?.[name];
    if (typeof fn !== 'function')
      throw notImplemented(`evidence: ${String(name)} is not available in this build yet`);
    return (fn as (...args: unknown[]) => unknown).bind(r) as NonNullable<EvidenceApi[K]>;
  }
  const caseOf = async (req: FastifyRequest) => {
    const { id } = req.params as z.infer<typeof CaseIdParams>;
    await ctx.cases.current(id);
    return id;
  };
  const send = (value: unknown) => toJson(value);

  app.get(
    '/api/cases/:id/evidence/documents',
    {
      schema: {
        tags,
        summary: 'Evidence documents (full-text search)',
        params: CaseIdParams,
        querystring: DocumentsQuery,
      },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const q = req.query as z.infer<typeof DocumentsQuery>;
      return pageOf(await need('searchDocuments')(id, q), req, reply);
    },
  );

  app.get(
    '/api/cases/:id/evidence/documents/:docId',
    { schema: { tags, summary: 'One document with its cleaned text', params: DocParams } },
    async (req, reply) => {
      const id = await caseOf(req);
      const { docId } = req.params as z.infer<typeof DocParams>;
      const doc = await need('getDocument')(id, docId);
      if (doc === undefined || doc === null) throw notFound(`document "${docId}" does not exist`);
      return reply.type('application/json').send(send(doc));
    },
  );

  for (const word of ['suggestions', 'claims']) {
    app.get(
      `/api/cases/:id/evidence/${word}`,
      {
        schema: {
          tags,
          summary: 'Suggested updates for review',
          params: CaseIdParams,
          querystring: SuggestionsQuery,
        },
      },
      async (req, reply) => {
        const id = await caseOf(req);
        return pageOf(
          await need('listSuggestions')(id, req.query as z.infer<typeof SuggestionsQuery>),
          req,
          reply,
        );
      },
    );
    for (const decision of ['accept', 'reject'] as const) {
      app.post(
        `/api/cases/:id/evidence/${word}/:sid/${decision}`,
        {
          schema: {
            tags,
            summary: `${decision === 'accept' ? 'Accept' : 'Reject'} a suggestion`,
            params: SuggestionParams,
            body: DecisionBody,
          },
          config: { write: true },
        },
        async (req, reply) => {
          const id = await caseOf(req);
          const { sid } = req.params as z.infer<typeof SuggestionParams>;
          const body = (req.body ?? {}) as z.infer<typeof DecisionBody>;
          const out = await need('decide')(id, sid, decision, {
            note: body.note,
            author: req.role === 'editor' ? 'editor token' : 'local user',
            store: ctx.store,
          });
          if (out === undefined || out === null) throw notFound(`suggestion "${sid}" does not exist`);
          ctx.cases.forget(id);
          return reply.type('application/json').send(send(out));
        },
      );
    }
  }

  app.get(
    '/api/cases/:id/timeline',
    {
      schema: { tags, summary: 'Dated events and claims', params: CaseIdParams, querystring: TimelineQuery },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const out = await need('timeline')(id, req.query as z.infer<typeof TimelineQuery>);
      if (out && typeof out === 'object' && 'items' in out && 'next' in out)
        return pageOf(out as { items: unknown[]; next: string | null }, req, reply);
      return reply.type('application/json').send(send(out));
    },
  );

  app.post(
    '/api/cases/:id/evidence/ingest',
    {
      schema: {
        tags,
        summary: 'Start an ingest job (same as POST /jobs with kind "ingest")',
        params: CaseIdParams,
        body: IngestBody,
      },
      config: { write: true },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      if (!ctx.jobs.kinds().includes('ingest'))
        throw notImplemented('evidence: ingest jobs are not available in this build yet');
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
