/**
 * The HTTP app: fastify with zod-validated routes, OpenAPI at /api/openapi.json with Swagger UI at /api/docs,
 * problem-details errors, security headers and auth, and the built dashboard (web/dist) at `/` when present.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store/index.js';
import type { JobQueue } from '../jobs/index.js';
import { CaseCache, ResultCache, type ServerContext } from './context.js';
import { notFound, sendProblem } from './errors.js';
import { registerSecurity, type AuthOptions } from './security.js';
import { LogDestination, loggerOptions } from './logging.js';
import { registerJsonBodyParser } from './json-body.js';
import { toOpenApiSchema, zodValidatorCompiler } from './zod-compiler.js';
import { registerHealthRoutes, VERSION } from './routes/health/routes.js';
import { registerCaseRoutes } from './routes/cases/routes.js';
import { registerAnalysisRoutes } from './routes/analyses/routes.js';
import { registerJobRoutes } from './routes/jobs/routes.js';
import { registerEvidenceRoutes } from './routes/evidence/routes.js';
import { registerScenarioRoutes } from './routes/scenarios/routes.js';
import { registerMonitorRoutes } from './routes/monitor/routes.js';

/** Largest request body accepted (case files as YAML or JSON). */
export const BODY_LIMIT = 2 * 1024 * 1024;

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface AppOptions {
  store: Store;
  jobs: JobQueue;
  auth?: AuthOptions;
  /** Folder of the built dashboard; default web/dist of this checkout. Served only if it has index.html. */
  webDist?: string;
  /** Where the server log goes (see logging.ts); `true` means warnings and errors to stderr; default none. */
  logger?: boolean | LogDestination;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const log = options.logger === true ? new LogDestination({ stderr: 'warn' }) : options.logger || undefined;
  const app = Fastify({
    ...loggerOptions(log),
    bodyLimit: BODY_LIMIT,
    // Query strings and params are small; cap them to keep hostile input cheap.
    routerOptions: { maxParamLength: 300 },
  });
  // Bodies are JSON only; anything else is 415.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler((err, request, reply) => sendProblem(reply, request, err));
  // The id the log lines carry, so a user's report ("it failed") can be matched to the log.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  const ctx: ServerContext = {
    store: options.store,
    jobs: options.jobs,
    cases: new CaseCache(options.store),
    results: new ResultCache(),
  };
  const security = registerSecurity(app, options.store, options.auth ?? { required: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Redline API',
        version: VERSION,
        description:
          'Cases, analyses, jobs and evidence. Errors are RFC 9457 problem details. See docs/api.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url }) => {
      const s = (schema ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = { ...s };
      for (const k of ['body', 'querystring', 'params', 'headers']) if (s[k]) out[k] = toOpenApiSchema(s[k]);
      if (s.response && typeof s.response === 'object') {
        out.response = Object.fromEntries(
          Object.entries(s.response as Record<string, unknown>).map(([code, r]) => [
            code,
            toOpenApiSchema(r, 'output'),
          ]),
        );
      }
      return { schema: out as never, url };
    },
  });
  // The API's description is public, like the dashboard's files: neither holds data.
  await security.publicly(() => app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true }));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  registerHealthRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerAnalysisRoutes(app, ctx);
  registerScenarioRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerEvidenceRoutes(app, ctx);
  registerMonitorRoutes(app, ctx);

  const dist = options.webDist ?? DEFAULT_WEB_DIST;
  const hasDashboard = existsSync(`${dist}/index.html`);
  if (hasDashboard) {
    await security.publicly(() =>
      app.register(fastifyStatic, {
        root: dist,
        prefix: '/',
        index: 'index.html',
        wildcard: false,
        // vite writes .br/.gz beside each file; send those to browsers that accept them.
        preCompressed: true,
        setHeaders(reply, path) {
          // Assets have content hashes in their names: they never change, so browsers may keep them for good.
          if (/[\\/]assets[\\/]/.test(path))
            void reply.header('cache-control', 'public, max-age=31536000, immutable');
          else void reply.header('cache-control', 'no-cache');
        },
      }),
    );
  } else {
    app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Redline</title><p>The dashboard is not built. Run <code>npm run build:web</code> (or <code>npm start</code>), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        ),
    );
  }
  // Client-side routes (anything not /api and not a file) get the dashboard's index.html.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (
      hasDashboard &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(reply, request, notFound(`no route ${request.method} ${path}`));
  });
  return app;
}
