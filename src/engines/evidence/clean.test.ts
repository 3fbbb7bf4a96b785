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
