/**
 * Route schemas for fastify from the contract (src/contract): request validation and the OpenAPI document
 * both come from the one table of routes the dashboard's client is typed by. Errors are problem details.
 */
import type { z } from 'zod';
import { ProblemDetails, type RouteSpec } from '../../contract/index.js';
import { documentedOnly } from './zod-compiler.js';

const problems = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
  413: ProblemDetails,
  422: ProblemDetails,
  500: ProblemDetails,
  503: ProblemDetails,
};

/** Response map for a route: the success schema plus problem details for errors. */
export function responses(ok: z.ZodType | null, status = 200): Record<number, z.ZodType> {
  return ok ? { [status]: ok, ...problems } : { ...problems };
}

/** The fastify `schema` of a contract route: tags, summary, params, querystring, body and responses. */
export function routeSchema(spec: RouteSpec) {
  return {
    tags: [...spec.tags],
    summary: spec.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.bodyCheckedByHandler ? documentedOnly(spec.body) : spec.body } : {}),
    response: responses(spec.response, spec.status),
  };
}
