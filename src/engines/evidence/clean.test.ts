import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.js';
import { toOriginalOffset } from './offset-map.js';

const ARTICLE = [
  'Talks Resume in Geneva',
  '',
  'Talks Resume in Geneva',
  'ADVERTISEMENT',
  'Delegates met on Monday for a second round of talks.',
  'A negotiator walks past flags, symbolizing the long road ahead.',
  '| Issue | Status |',
  '|---|---|',
  '| Ceasefire | Open |',
  'The mediator said the sides were \u201ccloser than ever\u201d.',
  'READ MORE',
  'Leave a Reply',
].join('\n');

describe('cleanText', () => {
  const r = cleanText(ARTICLE);
  it('drops furniture lines, repeated headlines, captions and table rows', () => {
    expect(r.text).toBe(
      'Talks Resume in Geneva\nDelegates met on Monday for a second round of talks.\nThe mediator said the sides were "closer than ever".',
    );
    expect(r.removed).toMatchObject({ boilerplate: 3, duplicate: 1, caption: 1, table: 3 });
  });
  it('maps every cleaned word back to the same word in the original', () => {
    for (const m of r.text.matchAll(/[A-Za-z]+/g)) {
      const a = toOriginalOffset(r.segments, m.index);
      const b = toOriginalOffset(r.segments, m.index + m[0].length, true);
      expect(ARTICLE.slice(a, b)).toBe(m[0]);
    }
  });
  it('maps normalised quotes to the original curly quotes', () => {
    const at = r.text.indexOf('"closer');
    expect(ARTICLE[toOriginalOffset(r.segments, at)]).toBe('\u201c');
  });
  it('keeps prose that a broken table row swallowed', () => {
    const row =
      '| Tools | To conclude, the talks between the two delegations showed tentative signs of progress on prisoners and energy. ADVERTISEMENT |';
    const out = cleanText(row);
    expect(out.text).toBe(
      'To conclude, the talks between the two delegations showed tentative signs of progress on prisoners and energy.',
    );
  });
  it('joins hard-wrapped lines of one paragraph', () => {
    expect(cleanText('The envoy said the plan\nwas still under review.').text).toBe(
      'The envoy said the plan was still under review.',
    );
  });
});

describe('cleanText: furniture in plain text, by general rules', () => {
  const TEXT = [
    'By Lena Ortiz and Sam Reyes',
    'VIENNA, Mar 3 (Agency) – Negotiators agreed on Tuesday to extend the ceasefire by thirty days. Also read: Envoys trade blame over shelling',
    'Delegates walk past the flags at the entrance. (Photo: Agency/Jo Smith)',
    'Photo: Jo Smith / Agency',
    'Sign up for our newsletter to get the latest news in your inbox',
    'The mediators said a monitoring mission would be deployed along the river.',
    'Reporting by Lena Ortiz; Editing by Sam Reyes',
  ].join('\n');
  const r = cleanText(TEXT);
  it('removes bylines, datelines, inline related links, photo credits and newsletter prompts', () => {
    expect(r.text).toBe(
      'Negotiators agreed on Tuesday to extend the ceasefire by thirty days.\nDelegates walk past the flags at the entrance.\nThe mediators said a monitoring mission would be deployed along the river.',
    );
    expect(r.removed).toMatchObject({ byline: 2, dateline: 1, related: 1, credit: 2, newsletter: 1 });
  });
  it('records each removal, and keeps the dateline for the article date', () => {
    expect(r.notes.map((n) => n.kind)).toEqual([
      'byline',
      'dateline',
      'related',
      'credit',
      'credit',
      'newsletter',
      'byline',
    ]);
    expect(r.dateline).toBe('VIENNA, Mar 3 (Agency) –');
  });
  it('leaves prose that merely resembles furniture alone', () => {
    const prose = [
      'By Monday, both sides had agreed to a pause in the shelling.',
      'Related talks in Geneva continued without a breakthrough, officials said.',
      'The photo published by the ministry showed damaged bridges.',
      'Monday, March 3 – the day the talks began – passed without incident.',
      'Ukraine said subscribers to the state television service would get updates.',
    ].join('\n');
    expect(cleanText(prose).text).toBe(prose);
  });
  it('breaks runs without sentence punctuation so no sentence is unbounded', () => {
    const run = Array.from({ length: 3000 }, (_, i) => `word${i % 10}`).join(' ');
    const c = cleanText(run);
    expect(c.removed.split).toBeGreaterThan(0);
    expect(Math.max(...c.text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(1200);
    // Nothing is lost: the words are all still there.
    expect(c.text.replace(/\n/g, ' ')).toBe(run);
  });
});
