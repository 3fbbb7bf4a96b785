import { describe, expect, it } from 'vitest';
import { readClaims, splitAroundQuote } from './normalize-evidence.js';

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

describe('claims', () => {
  it('reads a page of claims with nested quote spans and review status', () => {
    const claims = readClaims({
      items: [
        {
          id: 'c1',
          actor: 'russia',
          issue: 'nato',
          direction: 'demands',
          redLine: true,
          quote: { text: 'q', start: 3, end: 4 },
          documentId: 'd1',
          status: 'accepted',
        },
        { id: 'c2', actor: { id: 'ukraine' }, quote: 'r', start: 1, end: 2 },
        { nope: true },
      ],
    });
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatchObject({
      id: 'c1',
      actor: 'russia',
      redLine: true,
      quote: 'q',
      start: 3,
      end: 4,
      document: 'd1',
      status: 'accepted',
    });
    expect(claims[1]).toMatchObject({
      id: 'c2',
      actor: 'ukraine',
      quote: 'r',
      start: 1,
      end: 2,
      status: 'pending',
    });
  });
});
