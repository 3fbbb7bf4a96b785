import { describe, expect, it } from 'vitest';
import { findArticleDate, resolveDate } from './dates.js';

// 2025-08-16 was a Saturday.
const SAT = '2025-08-16';

describe('resolveDate', () => {
  it('puts a bare weekday on the most recent one (the day before a Saturday for "Friday")', () => {
    expect(resolveDate('on Friday', SAT)).toEqual({ date: '2025-08-15', precision: 'day' });
    expect(resolveDate('Saturday', SAT)).toEqual({ date: '2025-08-16', precision: 'day' });
    expect(resolveDate('last Saturday', SAT)).toEqual({ date: '2025-08-09', precision: 'day' });
  });
  it('looks ahead for future sentences and "next"', () => {
    expect(resolveDate('Tuesday', SAT, true)).toEqual({ date: '2025-08-19', precision: 'day' });
    expect(resolveDate('next Friday', SAT)).toEqual({ date: '2025-08-22', precision: 'day' });
  });
  it('resolves relative days and months against the article date', () => {
    expect(resolveDate('yesterday', SAT)?.date).toBe('2025-08-15');
    expect(resolveDate('in August', SAT)).toEqual({ date: '2025-08-01', precision: 'month' });
    // A month well after the publication month refers to the previous year in past-tense reporting.
    expect(resolveDate('in November', '2025-03-10')).toEqual({ date: '2024-11-01', precision: 'month' });
  });
  it('reads written dates with and without a year', () => {
    expect(resolveDate('Aug. 15, 2025', undefined)).toEqual({ date: '2025-08-15', precision: 'day' });
    expect(resolveDate('16 August', SAT)).toEqual({ date: '2025-08-16', precision: 'day' });
    expect(resolveDate('2022', SAT)).toEqual({ date: '2022-01-01', precision: 'year' });
    expect(resolveDate('recent months', SAT)).toBeUndefined();
  });
  it('finds a dateline near the top of an article', () => {
    expect(findArticleDate('KYIV, November 21, 2025 — Officials said…')).toBe('2025-11-21');
    expect(findArticleDate('No date here at all.')).toBeUndefined();
  });
});
