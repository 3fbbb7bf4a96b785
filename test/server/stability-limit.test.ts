/** A conflict too large to answer within a request is refused with a pointer to stability jobs. */
import { describe, expect, it } from 'vitest';
import { parseCase, type Case } from '../../src/index.js';
import { stabilityReport, StabilityTooLargeError } from '../../src/adapters/jobs/index.js';
import { fixtureText } from './helpers.js';

describe('stability size limit', () => {
  it('refuses more states than allowed and names the job to use', () => {
    const r = parseCase(fixtureText('fixtures/gmcr/cases/prisoners.yaml'));
    if (!r.ok) throw new Error('fixture invalid');
    const c: Case = r.case;
    // The Prisoner's Dilemma has 2 options, so 4 feasible states: a limit of 3 refuses it, 4 allows it.
    expect(() => stabilityReport(c, { maxStates: 3 })).toThrow(StabilityTooLargeError);
    expect(() => stabilityReport(c, { maxStates: 3 })).toThrow(/4 feasible states.*stability job/);
    expect(stabilityReport(c, { maxStates: 4, concepts: ['Nash'] }).states).toHaveLength(4);
  });
});
