import { describe, expect, it } from 'vitest';
import { readClaims, readTimeline, splitAroundQuote } from './normalize-evidence.js';

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

  it('reads stored suggestions: a claim or an event nested under its kind', () => {
    const [claim, event] = readClaims({
      items: [
        {
          id: 's1',
          docId: 'd9',
          status: 'suggested',
          kind: 'claim',
          origStart: 10,
          origEnd: 40,
          claim: {
            actor: 'russia',
            issue: 'nato',
            direction: 'demands',
            redLine: true,
            quote: { start: 5, end: 12, text: 'neutral' },
            confidence: 0.8,
          },
        },
        {
          id: 's2',
          docId: 'd9',
          status: 'rejected',
          kind: 'event',
          event: {
            type: 'meet',
            actors: [{ actor: 'us' }],
            targets: [{ actor: 'russia' }],
            quote: { start: 0, end: 3, text: 'Met' },
            confidence: 0.6,
          },
        },
      ],
    });
    expect(claim).toMatchObject({
      id: 's1',
      kind: 'claim',
      actor: 'russia',
      issue: 'nato',
      redLine: true,
      quote: 'neutral',
      start: 5,
      end: 12,
      document: 'd9',
      status: 'pending',
    });
    expect(event).toMatchObject({
      id: 's2',
      kind: 'event',
      eventType: 'meet',
      parties: ['us', 'russia'],
      actor: 'us',
      quote: 'Met',
      status: 'rejected',
    });
  });
});

describe('timeline', () => {
  it('reads claims and events, newest first, with parties and quotes', () => {
    const items = readTimeline({
      items: [
        {
          kind: 'claim',
          date: '2025-12-03',
          actor: 'russia',
          issue: 'nato',
          direction: 'rejects',
          redLine: true,
          quote: { start: 0, end: 5, text: '"No."' },
        },
        {
          kind: 'event',
          date: '2025-12-05',
          type: 'meet',
          actors: [{ actor: 'us' }],
          targets: [{ actor: 'russia' }],
          quote: { start: 0, end: 3, text: 'Met' },
        },
        { date: '2025-11-01', kind: 'event', actors: ['ukraine'], summary: 'Talks in Geneva' },
      ],
    });
    expect(items.map((t) => [t.date, t.kind, t.actors, t.summary, t.quote])).toEqual([
      ['2025-12-05', 'event', ['us', 'russia'], 'meet', 'Met'],
      ['2025-12-03', 'claim', ['russia'], 'rejects (red line)', '"No."'],
      ['2025-11-01', 'event', ['ukraine'], 'Talks in Geneva', undefined],
    ]);
  });
});
