/** Shapes shared by many routes: issue records, problem details, pages, path parameters, analysis dates. */
import { z } from 'zod';
import { ISSUE_CODE_LIST } from '../case/issues.js';

/** One problem or warning about a case or a request (src/case/issues.ts `CaseIssue` on the wire). */
export const IssueRecord = z.strictObject({
  code: z
    .enum(ISSUE_CODE_LIST)
    .describe('Stable snake_case id from a closed set (docs/case-format.md lists them).'),
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])).describe('From the case (or request) root.'),
  message: z.string(),
  hint: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  file: z.string().optional(),
});
export type IssueRecord = z.infer<typeof IssueRecord>;

/** The kinds of failure every adapter distinguishes (src/kit/errors.ts); the HTTP status follows the kind. */
export const PROBLEM_CODES = [
  'invalid_request',
  'invalid_case',
  'unknown_id',
  'not_found',
  'conflict',
  'limit_exceeded',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'csrf',
  'rate_limited',
  'not_implemented',
  'unavailable',
  'internal',
] as const;

export const ProblemDetails = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe(`Stable snake_case id of the problem: ${PROBLEM_CODES.join(', ')}.`),
    issues: z.array(IssueRecord).optional(),
    known: z.array(z.string()).optional().describe('With unknown_id: the ids that do exist.'),
    requestId: z.string().optional().describe('The id of this request in the server log.'),
  })
  .describe('RFC 9457 problem details (application/problem+json).');
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** A page of a list: the items and the path of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    next: z.string().nullable().describe('Path of the next page, or null.'),
  });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().describe('Items per page, 1–500 (default 50).'),
  cursor: z.string().max(500).optional().describe('The `next` cursor of the previous page.'),
});

export const CaseIdParams = z.object({ id: z.string().min(1).max(200).describe('Case id.') });

export const AsOf = z.iso
  .date('asOf is a date written YYYY-MM-DD')
  .optional()
  .describe('Analysis date (default: the case’s asOf or latest stance).');
export const ScenarioId = z.string().min(1).max(200).optional().describe('Scenario id to apply first.');

/** A numeric acceptable set on a 0–100 scale (src/case/resolve.ts `Acceptable`). */
export const AcceptableWire = z.strictObject({
  min: z.number(),
  max: z.number(),
  values: z.array(z.number()).optional(),
});
