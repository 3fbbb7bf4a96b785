/**
 * Test helpers: small valid cases built in code, with overrides. For tests only.
 */
import { CaseSchema, type Case, type CaseInput } from './schema.js';

/** A valid two-actor, one-issue case, merged with `overrides` and parsed through the schema. */
export function buildCase(overrides: Partial<CaseInput> = {}): Case {
  const base: CaseInput = {
    format: 1,
    id: 'test',
    title: 'Test case',
    actors: [
      { id: 'a', name: 'A', kind: 'state', veto: true },
      { id: 'b', name: 'B', kind: 'state', veto: true },
    ],
    issues: [
      { id: 'x', name: 'X', scale: { kind: 'continuous' }, statusQuo: { position: 50, date: '2025-01-01' } },
    ],
  };
  return CaseSchema.parse({ ...base, ...overrides });
}
