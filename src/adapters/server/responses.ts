/**
 * Response schemas, for the OpenAPI document only (responses are serialised as they are): case documents
 * built on the one CaseSchema, pages, jobs and problem details. Engine results are described by name, as
 * their types live in the engines (src/index.ts) rather than in zod.
 */
import { z } from 'zod';
import { CaseSchema } from '../../index.js';

export const IssueRecord = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  hint: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

export const ProblemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe('Stable snake_case id of the problem.'),
    issues: z.array(z.unknown()).optional(),
    requestId: z.string().optional().describe('The id of this request in the server log.'),
  })
  .describe('RFC 9457 problem details (application/problem+json).');

export const CaseDoc = z.object({
  case: CaseSchema,
  version: z.number().int(),
  yaml: z.string(),
  title: z.string(),
  savedAt: z.string(),
  message: z.string().nullable(),
  author: z.string().nullable(),
  warnings: z.array(IssueRecord),
});

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable().describe('Path of the next page, or null.') });

export const CaseList = pageOf(
  z.object({
    id: z.string(),
    title: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export const VersionList = pageOf(
  z.object({
    version: z.number().int(),
    title: z.string(),
    message: z.string().nullable(),
    author: z.string().nullable(),
    createdAt: z.string(),
  }),
);
export const VersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      op: z.enum(['added', 'removed', 'changed']),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  lines: z.array(z.object({ op: z.enum(['=', '+', '-']), text: z.string() })),
});
export const ValidateResult = z.object({ ok: z.boolean(), issues: z.array(IssueRecord) });

export const Job = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  result: z.unknown().describe('The engine result once succeeded (MonteCarloSummary, StabilityReport, …).'),
  error: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  parts: z.number().int(),
  partsDone: z.number().int(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const JobEnvelope = z.object({ job: Job });
export const JobList = pageOf(Job);

export const engineResult = (name: string) =>
  z.record(z.string(), z.unknown()).describe(`\`${name}\` as the core engine returns it (see src/index.ts).`);

const problems = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  422: ProblemDetails,
  500: ProblemDetails,
  503: ProblemDetails,
};

/** Response map for a route: the success schema plus problem details for errors. */
export function responses(ok: z.ZodType, status = 200): Record<number, z.ZodType> {
  return { [status]: ok, ...problems };
}
