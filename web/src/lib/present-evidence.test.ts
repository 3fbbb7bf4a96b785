import { describe, expect, it } from 'vitest';
import { splitAroundQuote } from './present-evidence.js';

describe('quote highlighting', () => {
  const text = 'Moscow said on Friday: "Neutrality is non-negotiable." Kyiv disagreed.';
  it('uses the character offsets when they match the quote', () => {
    const start = text.indexOf('Neutrality');
    expect(splitAroundQuote(text, 'Neutrality is non-negotiable.', start, start + 29)).toEqual([
      'Moscow said on Friday: "',
      'Neutrality is non-negotiable.',
      '" Kyiv disagreed.',
    ]);
  });
  it('falls back to finding the quote when offsets are missing or stale', () => {
    expect(splitAroundQuote(text, 'Kyiv disagreed', 0, 4)?.[1]).toBe('Kyiv disagreed');
    expect(splitAroundQuote(text, 'Kyiv disagreed')?.[0]).toBe(
      'Moscow said on Friday: "Neutrality is non-negotiable." ',
    );
  });
  it('returns nothing when the quote is not in the text', () => {
    expect(splitAroundQuote(text, 'not there')).toBeUndefined();
  });
});
