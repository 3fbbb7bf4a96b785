/**
 * Route schemas are zod schemas: fastify validates requests with them and @fastify/swagger documents them
 * through `z.toJSONSchema`. Schemas wrapped in `documentedOnly` appear in the OpenAPI document but are not
 * enforced (the handler validates, e.g. a case body that must answer 422 with located issues, not 400).
 */
import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';

const docOnly = new WeakSet<z.ZodType>();

export function documentedOnly<T extends z.ZodType>(schema: T): T {
  docOnly.add(schema);
  return schema;
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => {
  if (docOnly.has(schema)) return (data) => ({ value: data });
  return (data) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const err = new Error(
      r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    ) as Error & {
      validation: unknown;
      cause: unknown;
    };
    err.validation = r.error.issues;
    err.cause = r.error;
    return { error: err };
  };
};

/** JSON Schema (OpenAPI 3.0 flavour) of a zod schema, for the OpenAPI document. */
export function toOpenApiSchema(schema: unknown, io: 'input' | 'output' = 'input'): unknown {
  if (!(schema instanceof z.ZodType)) return schema;
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
}

/** JSON with typed arrays as plain arrays (engine results use Uint8Array/Int32Array/Float64Array). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
  );
}
