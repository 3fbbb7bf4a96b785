/** Job routes: enqueue, read, list, cancel, and progress as Server-Sent Events. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { JobParamsError } from '../../../jobs/index.js';
import { TERMINAL_STATUSES, type Job } from '../../../store/index.js';
import type { ServerContext } from '../../context.js';
import { invalidRequest, notFound } from '../../errors.js';
import { pageOf } from '../../pagination.js';
import { toJson } from '../../zod-compiler.js';
import type { CaseIdParams } from '../cases/schema.js';
import type { CreateJobBody, JobIdParams, JobListQuery } from './schema.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';

/** How often the SSE stream looks at the job record (workers may be other processes). */
const POLL_MS = 200;
const HEARTBEAT_MS = 15_000;

export function registerJobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  // Open progress streams end when the server shuts down instead of holding it open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const getJob = async (id: string): Promise<Job> => {
    const j = await store.jobs.get(id);
    if (!j) throw notFound(`job "${id}" does not exist`);
    return j;
  };

  app.post(
    '/api/cases/:id/jobs',
    {
      schema: routeSchema(ROUTES.startJob),
      config: { write: true },
    },
    async (req, reply) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const b = req.body as z.infer<typeof CreateJobBody>;
      await ctx.cases.current(id);
      try {
        const job = await ctx.jobs.enqueue(id, b.kind, b.params, { idempotencyKey: b.idempotencyKey });
        void reply.status(202).header('location', `/api/jobs/${job.id}`);
        return { job };
      } catch (e) {
        if (e instanceof JobParamsError) throw invalidRequest(e.message, e.issues);
        throw e;
      }
    },
  );

  app.get(
    '/api/cases/:id/jobs',
    {
      schema: routeSchema(ROUTES.listJobs),
    },
    async (req, reply) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const q = req.query as z.infer<typeof JobListQuery>;
      return pageOf(await store.jobs.list({ caseId: id, limit: q.limit, cursor: q.cursor }), req, reply);
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: routeSchema(ROUTES.getJob),
    },
    async (req, reply) => {
      const job = await getJob((req.params as z.infer<typeof JobIdParams>).id);
      return reply.type('application/json').send(toJson({ job }));
    },
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      schema: routeSchema(ROUTES.cancelJob),
      config: { write: true },
    },
    async (req) => {
      const { id } = req.params as z.infer<typeof JobIdParams>;
      await getJob(id);
      return { job: await ctx.jobs.cancel(id) };
    },
  );

  app.get(
    '/api/jobs/:id/events',
    {
      schema: routeSchema(ROUTES.jobEvents),
      // Browsers' EventSource cannot send headers: this stream alone also takes ?access_token=.
      config: { tokenInQuery: true },
    },
    async (req, reply) => {
      const first = await getJob((req.params as z.infer<typeof JobIdParams>).id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      let seq = 0;
      const send = (event: string, job: Job) =>
        res.write(`event: ${event}\nid: ${++seq}\ndata: ${toJson(job)}\n\n`);
      let last = '';
      let closed = false;
      req.raw.on('close', () => {
        closed = true;
      });
      let sinceBeat = 0;
      let job: Job | undefined = first;
      while (!closed && !closing && job) {
        const key = `${job.status}|${job.progress}|${job.message}|${job.partsDone}|${job.cancelRequested}`;
        if (key !== last) {
          last = key;
          send('progress', job);
        }
        if (TERMINAL_STATUSES.includes(job.status)) {
          send('done', job);
          break;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
        sinceBeat += POLL_MS;
        if (sinceBeat >= HEARTBEAT_MS) {
          sinceBeat = 0;
          res.write(': keep-alive\n\n');
        }
        job = await store.jobs.get(first.id);
      }
      res.end();
    },
  );
}
