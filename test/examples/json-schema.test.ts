/** The committed redline.schema.json (referenced by case files for editor completion) matches the schema. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../src/index.js';

describe('redline.schema.json', () => {
  it('is what `redline schema` prints (run `npm run schema` after changing the case schema)', () => {
    expect(JSON.parse(readFileSync('redline.schema.json', 'utf8'))).toEqual(caseJsonSchema());
  });
});

describe('the JSON Schema agrees with the zod schema (checked with an independent validator, Ajv)', () => {
  // ajv-formats is CommonJS: its function is the default export or the module itself, depending on interop.
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
    a: Ajv2020,
  ) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(caseJsonSchema());
  const example = load(readFileSync('examples/ukraine-2025/case.yaml', 'utf8'), {
    schema: CORE_SCHEMA,
  });

  it('accepts the bundled example', () => {
    expect(validate(example), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects what the zod schema rejects: unknown keys, bad dates, out-of-range salience', () => {
    const base = example as Record<string, unknown[]>;
    const withActorKey = {
      ...base,
      actors: [{ ...(base.actors![0] as object), superpower: true }, ...base.actors!.slice(1)],
    };
    expect(validate(withActorKey)).toBe(false);
    const badDate = { ...base, stances: [{ ...(base.stances![0] as object), date: '2025-13-40' }] };
    expect(validate(badDate)).toBe(false);
    const badSalience = { ...base, stances: [{ ...(base.stances![0] as object), salience: 101 }] };
    expect(validate(badSalience)).toBe(false);
  });
});
