import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysToIso, parseIso, weekday } from './calendar.js';

describe('calendar', () => {
  it('counts days from 1970-01-01 (hand-checked: 2000-03-01 is 30 years of 365 days + 7 leap days + 31 + 29, 2000 being a leap year)', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
    expect(civilFromDays(30 * 365 + 7 + 31 + 29)).toEqual({ y: 2000, m: 3, d: 1 });
  });
  it('knows weekdays (1970-01-01 was a Thursday; 2025-08-15, the Anchorage summit, a Friday)', () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(daysFromCivil(2025, 8, 15))).toBe(5);
  });
  it('round-trips dates and rejects impossible ones', () => {
    for (const iso of ['1999-12-31', '2024-02-29', '2025-11-20'])
      expect(daysToIso(daysFromCivil(...(iso.split('-').map(Number) as [number, number, number])))).toBe(iso);
    expect(parseIso('2025-02-29')).toBeUndefined();
    expect(parseIso('2025-13-01')).toBeUndefined();
  });
});
