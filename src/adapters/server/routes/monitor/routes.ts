/**
 * Monitoring routes: a case's watched sources with status and volume, their runs, the developments found
 * (with an unread count, marking as read, and live updates as Server-Sent Events), and alert rules with
 * their delivery log. Fetching itself runs in `redline watch` (or workers); these routes read and configure.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { invalidRequest, notFound } from '../../errors.js';
import { toJson } from '../../zod-compiler.js';
import * as R from '../../responses.js';
import { CaseIdParams } from '../cases/schema.js';
import { monitorRepository, type StoredDevelopment, type WatchedSource } from '../../../monitor/repo.js';
import type { AlertRule } from '../../../../index.js';
import * as S from '../../../../contract/monitor.js';

const tags = ['monitoring'];
const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
const VOLUME_DAYS = 14;

const presentRule = ({ secret, caseId: _c, ...r }: AlertRule) => ({ ...r, hasSecret: !!secret });
const presentSource = (s: WatchedSource, volume: number[]) => {
  const { caseId: _c, etag: _e, lastModified: _l, ...rest } = s;
  return { ...rest, volume };
};
const presentDevelopment = ({ caseId: _c, ...d }: StoredDevelopment) => d;

export function registerMonitorRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const repo = monitorRepository(ctx.store);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const caseOf = async (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    await ctx.cases.current(id);
    return id;
  };

  app.get(
    '/api/cases/:id/monitor/sources',
    {
      schema: {
        tags,
        summary: 'Watched sources with status and daily volume',
        params: CaseIdParams,
        response: R.responses(S.SourceList),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const today = Date.parse(`${ctx.store.now().slice(0, 10)}T00:00:00Z`);
      const days = Array.from({ length: VOLUME_DAYS }, (_, k) =>
        new Date(today - (VOLUME_DAYS - 1 - k) * 86_400_000).toISOString().slice(0, 10),
      );
      const counts = await repo.sources.volume(id, days[0]!);
      const items = (await repo.sources.list(id)).map((s) =>
        presentSource(
          s,
          days.map((d) => counts.find((c) => c.sourceId === s.id && c.day === d)?.items ?? 0),
        ),
      );
      return { items };
    },
  );

  app.post(
    '/api/cases/:id/monitor/sources',
    {
      schema: {
        tags,
        summary: 'Watch a feed or page URL',
        params: CaseIdParams,
        body: S.SourceBody,
        response: R.responses(S.Source, 201),
      },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const body = req.body as z.infer<typeof S.SourceBody>;
      const { source } = await repo.sources.add(id, {
        kind: 'url',
        location: new URL(body.url).href,
        everySeconds: body.every,
      });
      return reply.code(201).send(presentSource(source, []));
    },
  );

  app.delete(
    '/api/cases/:id/monitor/sources/:sourceId',
    {
      schema: {
        tags,
        summary: 'Stop watching a source (its items and runs are kept)',
        params: S.SourceIdParams,
      },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const { sourceId } = req.params as z.infer<typeof S.SourceIdParams>;
      if (!(await repo.sources.remove(id, sourceId))) throw notFound(`source "${sourceId}" is not watched`);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/cases/:id/monitor/runs',
    {
      schema: {
        tags,
        summary: 'Recent runs, newest first',
        params: CaseIdParams,
        querystring: S.RunsQuery,
        response: R.responses(S.RunList),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const q = req.query as z.infer<typeof S.RunsQuery>;
      const runs = await repo.runs.list(id, { sourceId: q.source, limit: q.limit ?? 100 });
      return { items: runs.map(({ caseId: _c, ...r }) => r) };
    },
  );

  const listQuery = (q: z.infer<typeof S.DevelopmentsQuery>) => {
    if (q.since !== undefined && Number.isNaN(Date.parse(q.since)))
      throw invalidRequest(`since must be a date (YYYY-MM-DD) or an ISO timestamp, not "${q.since}"`);
    return {
      since: q.since,
      kinds: q.kind ? [q.kind] : undefined,
      actor: q.actor,
      issue: q.issue,
      unread: q.unread === 'true',
      limit: q.limit ?? 200,
    };
  };

  app.get(
    '/api/cases/:id/developments',
    {
      schema: {
        tags,
        summary: 'Developments, highest salience × confidence first, with the unread count',
        params: CaseIdParams,
        querystring: S.DevelopmentsQuery,
        response: R.responses(S.DevelopmentList),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const list = await repo.developments.list(
        id,
        listQuery(req.query as z.infer<typeof S.DevelopmentsQuery>),
      );
      return { items: list.map(presentDevelopment), unread: await repo.developments.unreadCount(id) };
    },
  );

  app.get(
    '/api/cases/:id/developments/events',
    {
      schema: {
        tags,
        summary: 'Live updates: `development` for each new or updated one, `unread` with the count',
        params: CaseIdParams,
      },
      config: { tokenInQuery: true },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      let closed = false;
      req.raw.on('close', () => {
        closed = true;
      });
      let seq = 0;
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\nid: ${++seq}\ndata: ${toJson(data)}\n\n`);
      // Watchers may be other processes: the stream polls the store for updates after the last one seen.
      let mark = (await repo.developments.latestUpdate(id)) ?? '';
      let unread = await repo.developments.unreadCount(id);
      send('unread', { unread });
      let sinceBeat = 0;
      while (!closed && !closing) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        sinceBeat += POLL_MS;
        try {
          const latest = (await repo.developments.latestUpdate(id)) ?? '';
          if (latest > mark) {
            const fresh = await repo.developments.list(id, { updatedAfter: mark, limit: 200 });
            for (const d of fresh) send('development', presentDevelopment(d));
            mark = latest;
          }
          const n = await repo.developments.unreadCount(id);
          if (n !== unread) send('unread', { unread: (unread = n) });
        } catch {
          break; // the store closed under us (shutdown)
        }
        if (sinceBeat >= HEARTBEAT_MS) {
          sinceBeat = 0;
          res.write(': keep-alive\n\n');
        }
      }
      res.end();
    },
  );

  app.get(
    '/api/cases/:id/developments/:devId',
    {
      schema: {
        tags,
        summary: 'One development with its evidence',
        params: S.DevelopmentIdParams,
        response: R.responses(S.Development),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const { devId } = req.params as z.infer<typeof S.DevelopmentIdParams>;
      const d = await repo.developments.get(id, devId);
      if (!d) throw notFound(`development "${devId}" does not exist`);
      return presentDevelopment(d);
    },
  );

  app.post(
    '/api/cases/:id/developments/read',
    {
      schema: {
        tags,
        summary: 'Mark developments read (all when no ids are given)',
        params: CaseIdParams,
        body: S.ReadBody,
        response: R.responses(S.UnreadCount),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const body = (req.body ?? {}) as z.infer<typeof S.ReadBody>;
      await repo.developments.markRead(id, body.ids);
      return { unread: await repo.developments.unreadCount(id) };
    },
  );

  app.get(
    '/api/cases/:id/alert-rules',
    {
      schema: {
        tags,
        summary: 'Alert rules of the case',
        params: CaseIdParams,
        response: R.responses(S.RuleList),
      },
    },
    async (req) => ({ items: (await repo.rules.list(await caseOf(req))).map(presentRule) }),
  );

  const checkRule = (body: z.infer<typeof S.RuleBody>) => {
    // Digest folders are the watching process's business: over the API a rule cannot name server paths.
    if (body.directory !== undefined)
      throw invalidRequest("directory cannot be set over the API; digests go to the watcher's --digest-dir");
    return body;
  };

  app.post(
    '/api/cases/:id/alert-rules',
    {
      schema: {
        tags,
        summary: 'Add an alert rule',
        params: CaseIdParams,
        body: S.RuleBody,
        response: R.responses(S.Rule, 201),
      },
    },
    async (req, reply) => {
      const id = await caseOf(req);
      const rule = await repo.rules.add(id, checkRule(req.body as z.infer<typeof S.RuleBody>));
      return reply.code(201).send(presentRule(rule));
    },
  );

  app.put(
    '/api/cases/:id/alert-rules/:ruleId',
    {
      schema: {
        tags,
        summary: 'Replace an alert rule',
        params: S.RuleIdParams,
        body: S.RuleBody,
        response: R.responses(S.Rule),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const { ruleId } = req.params as z.infer<typeof S.RuleIdParams>;
      const rule = await repo.rules.replace(id, ruleId, checkRule(req.body as z.infer<typeof S.RuleBody>));
      if (!rule) throw notFound(`alert rule "${ruleId}" does not exist`);
      return presentRule(rule);
    },
  );

  app.delete(
    '/api/cases/:id/alert-rules/:ruleId',
    { schema: { tags, summary: 'Delete an alert rule', params: S.RuleIdParams } },
    async (req, reply) => {
      const id = await caseOf(req);
      const { ruleId } = req.params as z.infer<typeof S.RuleIdParams>;
      if (!(await repo.rules.remove(id, ruleId))) throw notFound(`alert rule "${ruleId}" does not exist`);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/cases/:id/alert-rules/:ruleId/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of a webhook rule',
        params: S.RuleIdParams,
        response: R.responses(S.DeliveryList),
      },
    },
    async (req) => {
      const id = await caseOf(req);
      const { ruleId } = req.params as z.infer<typeof S.RuleIdParams>;
      if (!(await repo.rules.get(id, ruleId))) throw notFound(`alert rule "${ruleId}" does not exist`);
      const items = (await repo.deliveries.list(id, { ruleId })).map(({ caseId: _c, ruleId: _r, ...d }) => d);
      return { items };
    },
  );
}
