import { describe, expect, it } from 'vitest';
import { caseHref, parseHash } from './router.js';

describe('hash routes', () => {
  it('parses case, view and argument', () => {
    const r = parseHash('#/case/ukraine-2025/proposal/us-28-point-plan?asOf=2025-12-01');
    expect(r).toMatchObject({ caseId: 'ukraine-2025', view: 'proposal', arg: 'us-28-point-plan' });
    expect(r.query.get('asOf')).toBe('2025-12-01');
  });
  it('defaults to the case list and to the overview', () => {
    expect(parseHash('').view).toBe('cases');
    expect(parseHash('#/case/x').view).toBe('overview');
  });
  it('round-trips ids that need encoding', () => {
    const href = caseHref('a b', 'proposal', 'p/1');
    expect(href).toBe('#/case/a%20b/proposal/p%2F1');
    expect(parseHash(href)).toMatchObject({ caseId: 'a b', arg: 'p/1' });
  });
});
