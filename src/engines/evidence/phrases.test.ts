import { describe, expect, it } from 'vitest';
import { compilePhrases } from './phrases.js';

/** Reference: one global scan per pattern, with the same word-boundary guards. */
function reference(sources: string[], text: string): string[] {
  const out: string[] = [];
  sources.forEach((s, i) => {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${s})(?![\\p{L}\\p{N}-])`, 'gu')))
      out.push(`${i}:${m.index}:${m.index + m[0].length}`);
  });
  return out.sort();
}

describe('compilePhrases', () => {
  const sources = [
    '[rR]ejected|[rR]ejects',
    '(?:[hH]eld|[hH]olds)\\s+(?:[\\w-]+\\s+){0,2}[tT]alks',
    '[cC]oncessions?',
    '[mM]obili[sz]ed',
    '[mM]eet(?=\\s+[A-Z])',
    '(?:[cC]o-?)?[hH]osted',
  ];
  const text =
    'Russia rejected it. Kyiv Rejects the plan; they held direct talks and made concessions, a concession too. Troops mobilized. They will meet Putin but meet again. Norway co-hosted and hosted talks; the "rejected" word.';
  it('finds exactly the matches of one scan per pattern, including patterns whose first word cannot be read', () => {
    const got = compilePhrases(sources)
      .find(text)
      .map((h) => `${h.pattern}:${h.start}:${h.end}`)
      .sort();
    expect(got).toEqual(reference(sources, text));
    expect(got.length).toBeGreaterThanOrEqual(9);
  });
});
