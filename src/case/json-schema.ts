/**
 * The case file's JSON Schema, derived from CaseSchema (input form: defaults are optional). Written by
 * `redline schema` and referenced from case files with `$schema` for editor completion.
 */
import { z } from 'zod';
import { CaseSchema, FORMAT_VERSION } from './schema.js';

export const CASE_SCHEMA_ID = `https://redline.invalid/schema/case-v${FORMAT_VERSION}.json`;

export function caseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: CASE_SCHEMA_ID, title: 'Redline case file' };
}
