/** Case routes: list, create, read, save (a new version), delete, validate, versions, version diff, restore. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { parseCase } from '../../../../index.js';
import type { ServerContext } from '../../context.js';
import { invalidCase, notFound } from '../../errors.js';
import { pageOf } from '../../pagination.js';
import type {
  CaseIdParams,
  CaseListQuery,
  ValidateBody,
  VersionDiffQuery,
  VersionListQuery,
  VersionParams,
} from './schema.js';
import { readCaseBody } from './case-input.js';
import { presentCase } from './presenters.js';
import { lineDiff, structuralChanges } from './version-diff.js';
import { ROUTES } from '../../../../contract/index.js';
import { routeSchema } from '../../responses.js';

export function registerCaseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  /** Who saved a version, as far as the server can tell (tokens are anonymous). */
  const author = (role: string | undefined) =>
    role === 'editor' ? 'editor token' : role === 'local' ? 'local user' : undefined;

  app.get(
    '/api/cases',
    {
      schema: routeSchema(ROUTES.listCases),
    },
    async (req, reply) => {
      const q = req.query as z.infer<typeof CaseListQuery>;
      return pageOf(await store.cases.list({ limit: q.limit, cursor: q.cursor, q: q.q }), req, reply);
    },
  );

  app.post(
    '/api/cases',
    {
      schema: routeSchema(ROUTES.createCase),
      config: { write: true },
    },
    async (req, reply) => {
      const input = readCaseBody(req.body);
      const saved = await store.cases.create(input.case.id, {
        title: input.case.title,
        yaml: input.yaml,
        case: input.case,
        message: input.message ?? 'created',
        author: author(req.role),
      });
      void reply.status(201).header('location', `/api/cases/${encodeURIComponent(saved.caseId)}`);
      return presentCase(saved, input.warnings);
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: routeSchema(ROUTES.getCase),
    },
    async (req) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const v = await store.cases.get(id);
      if (!v) throw notFound(`case "${id}" does not exist`);
      return presentCase(v);
    },
  );

  app.put(
    '/api/cases/:id',
    {
      schema: routeSchema(ROUTES.saveCase),
      config: { write: true },
    },
    async (req) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const input = readCaseBody(req.body);
      if (input.case.id !== id) {
        throw invalidCase([
          {
            code: 'id_mismatch',
            severity: 'error',
            path: ['id'],
            message: `the case's id "${input.case.id}" differs from the address's "${id}"`,
            hint: 'keep the id unchanged when saving; create a new case to use another id',
          },
        ]);
      }
      const saved = await store.cases.save(id, {
        title: input.case.title,
        yaml: input.yaml,
        case: input.case,
        message: input.message,
        author: author(req.role),
        baseVersion: input.baseVersion,
      });
      return presentCase(saved, input.warnings);
    },
  );

  app.delete(
    '/api/cases/:id',
    {
      schema: routeSchema(ROUTES.deleteCase),
      config: { write: true },
    },
    async (req, reply) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      if (!(await store.cases.remove(id))) throw notFound(`case "${id}" does not exist`);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/validate',
    {
      schema: routeSchema(ROUTES.validate),
      config: { access: 'read' },
    },
    async (req) => {
      const { yaml } = req.body as z.infer<typeof ValidateBody>;
      const r = parseCase(yaml);
      return r.ok ? { ok: true, issues: r.warnings } : { ok: false, issues: r.issues };
    },
  );

  app.get(
    '/api/cases/:id/versions',
    {
      schema: routeSchema(ROUTES.versions),
    },
    async (req, reply) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const q = req.query as z.infer<typeof VersionListQuery>;
      const page = await store.cases.listVersions(id, { limit: q.limit, cursor: q.cursor });
      return pageOf({ ...page, items: page.items.map(({ caseId: _c, ...v }) => v) }, req, reply);
    },
  );

  app.get(
    '/api/cases/:id/versions/diff',
    {
      schema: routeSchema(ROUTES.versionDiff),
    },
    async (req) => {
      const { id } = req.params as z.infer<typeof CaseIdParams>;
      const { from, to } = req.query as z.infer<typeof VersionDiffQuery>;
      const [a, b] = await Promise.all([store.cases.getVersion(id, from), store.cases.getVersion(id, to)]);
      if (!a) throw notFound(`case "${id}" has no version ${from}`);
      if (!b) throw notFound(`case "${id}" has no version ${to}`);
      return { from, to, changes: structuralChanges(a.case, b.case), lines: lineDiff(a.yaml, b.yaml) };
    },
  );

  app.get(
    '/api/cases/:id/versions/:v',
    {
      schema: routeSchema(ROUTES.getVersion),
    },
    async (req) => {
      const { id, v } = req.params as z.infer<typeof VersionParams>;
      const found = await store.cases.getVersion(id, v);
      if (!found) throw notFound(`case "${id}" has no version ${v}`);
      return presentCase(found);
    },
  );

  app.post(
    '/api/cases/:id/versions/:v/restore',
    {
      schema: routeSchema(ROUTES.restoreVersion),
      config: { write: true },
    },
    async (req) =>
      presentCase(
        await store.cases.restore(
          (req.params as z.infer<typeof VersionParams>).id,
          (req.params as z.infer<typeof VersionParams>).v,
          author(req.role),
        ),
      ),
  );
}
