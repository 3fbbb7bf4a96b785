/** The committed redline.schema.json (referenced by case files for editor completion) matches the schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../src/index.js';

describe('redline.schema.json', () => {
  it('is what `redline schema` prints (run `npm run schema` after changing the case schema)', () => {
    expect(JSON.parse(readFileSync('redline.schema.json', 'utf8'))).toEqual(caseJsonSchema());
  });
});
