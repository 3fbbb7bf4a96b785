/**
 * Errors as RFC 9457 problem details: one exception type (`Problem`) raised by handlers, small factories per
 * kind with a stable snake_case `code`, and the app's error handler that renders everything as
 * `application/problem+json` (never a stack trace).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { CaseIssue } from '../../index.js';
import type { InvalidInputError} from '../../kit/errors.js';
import { RedlineError, UnknownIdError } from '../../kit/errors.js';
import { ConflictError, InvalidCursorError, NotFoundError, storeFailure } from '../store/index.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  issues?: unknown[];
  [extra: string]: unknown;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new Problem(404, 'not_found', 'Not found', what);
export const invalidRequest = (detail: string, issues?: unknown[]) =>
  new Problem(400, 'invalid_request', 'Invalid request', detail, issues ? { issues } : {});
export const invalidCase = (issues: CaseIssue[]) =>
  new Problem(
    422,
    'invalid_case',
    'Invalid case',
    `the case has ${issues.filter((i) => i.severity === 'error').length} problem(s); see issues for where and how to fix each`,
    { issues },
  );
export const conflict = (detail: string) => new Problem(409, 'conflict', 'Conflict', detail);
export const unauthorized = (detail: string) => new Problem(401, 'unauthorized', 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'forbidden', 'Forbidden', detail);
export const notImplemented = (detail: string) =>
  new Problem(501, 'not_implemented', 'Not implemented', detail);
/** Seconds a client should wait before retrying a 503 (sent as Retry-After). */
export const RETRY_AFTER_SECONDS = 2;
export const storeBusy = () =>
  new Problem(
    503,
    'store_busy',
    'Store busy',
    'another process is writing to the store; nothing was changed, try again in a moment',
  );
export const storeUnavailable = () =>
  new Problem(
    503,
    'store_unavailable',
    'Store unavailable',
    'the store cannot be read or written; the server log has the details (`redline store check` verifies it)',
  );

export function problemBody(p: Problem, instance?: string): ProblemBody {
  return {
    type: `/api/problems/${p.code}`,
    title: p.title,
    status: p.status,
    detail: p.message,
    ...(instance ? { instance } : {}),
    code: p.code,
    ...p.extra,
  };
}

/** Zod issues as the API's issue records (path from the body/query root). */
export function zodIssues(err: ZodError, where: string): unknown[] {
  return err.issues.map((i) => ({
    code: i.code,
    severity: 'error',
    path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

/** The core's typed refusals (src/kit/errors.ts) by kind: the status follows the kind, never the fields. */
function fromKind(err: RedlineError): Problem {
  const detail = err.message.replace(/^[\w/]+: /, '');
  switch (err.kind) {
    case 'invalid_input':
      if (err instanceof UnknownIdError)
        return new Problem(400, 'unknown_id', 'Unknown id', detail, { known: err.known });
      return new Problem(422, 'invalid_input', 'Cannot analyse the input', detail, {
        issues: (err as InvalidInputError).issues.map((i) => ({ severity: 'error', ...i })),
      });
    case 'not_found':
      return notFound(detail);
    case 'conflict':
      return conflict(detail);
    case 'limit_exceeded':
      return new Problem(413, 'limit_exceeded', 'Limit exceeded', detail);
    case 'unavailable':
      return new Problem(503, 'unavailable', 'Unavailable', detail);
  }
}

/** Maps any thrown value to a Problem: the core's typed errors by kind, the store's and fastify's by class. */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof NotFoundError) return notFound(err.message);
  if (err instanceof ConflictError) return conflict(err.message);
  if (err instanceof InvalidCursorError) return invalidRequest(err.message);
  const failure = storeFailure(err);
  if (failure) return failure === 'busy' ? storeBusy() : storeUnavailable();
  if (err instanceof ZodError)
    return invalidRequest('the request does not match its schema', zodIssues(err, 'request'));
  const fe = err as Partial<FastifyError> & { validationContext?: string; cause?: unknown };
  if (fe.validation) {
    const where = fe.validationContext ?? 'request';
    const cause = fe.cause;
    const issues = cause instanceof ZodError ? zodIssues(cause, where) : fe.validation;
    return invalidRequest(`the ${where} does not match its schema`, issues as unknown[]);
  }
  if (err instanceof RedlineError) return fromKind(err);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.statusCode === 413
        ? 'payload_too_large'
        : fe.statusCode === 415
          ? 'unsupported_media_type'
          : fe.statusCode === 404
            ? 'not_found'
            : 'invalid_request';
    return new Problem(
      fe.statusCode,
      code,
      fe.statusCode === 413 ? 'Payload too large' : 'Bad request',
      fe.message ?? 'bad request',
    );
  }
  return new Problem(
    500,
    'internal',
    'Internal error',
    'an unexpected error occurred; the server log has the details',
  );
}

/** Renders a problem; 5xx are logged with the request id, which the body carries so a report can be matched. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: unknown): FastifyReply {
  const p = toProblem(err);
  if (p.status >= 500) request.log.error({ err, code: p.code }, 'request failed');
  if (p.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problemBody(p, request.url.split('?')[0]), requestId: request.id }));
}
