import { describe, expect, it } from 'vitest';
import { createActorMatcher, isPlace, resolveCarryOver } from './actors.js';
import { analyseText } from './nlp.js';

const matcher = createActorMatcher([
  { id: 'russia', name: 'Russia', kind: 'state' },
  { id: 'usa', name: 'United States', kind: 'state' },
  { id: 'ukraine', name: 'Ukraine', kind: 'state' },
  { id: 'klf', name: 'Kestrel Liberation Front', kind: 'group', aliases: ['the Front'] },
]);

function resolve(text: string) {
  const ms = matcher.find(text, '2025-08-20');
  resolveCarryOver(ms, analyseText(text, '2025-08-20').sentences);
  return ms;
}

describe('actor mentions', () => {
  it('resolves metonyms and titles to the case actor of their country', () => {
    const ms = resolve("The Kremlin said Russia's foreign minister would meet the US envoy in Washington.");
    expect(ms.map((m) => [m.text, m.actor, m.kind])).toEqual([
      ['The Kremlin', 'russia', 'metonym'],
      ["Russia's foreign minister", 'russia', 'title'],
      ['the US envoy', 'usa', 'title'],
      ['Washington', 'usa', 'metonym'],
    ]);
    expect(isPlace(ms[3]!)).toBe(true); // "in Washington" is where, not who
  });
  it('uses case aliases and gazetteer codes for states the case does not list', () => {
    const ms = resolve('The Front and Poland rejected it.');
    expect(ms.map((m) => m.actor ?? m.country)).toEqual(['klf', 'POL']);
  });
  it('carries "he" to the only person named earlier in the paragraph', () => {
    const ms = resolve('Russian President Vladimir Putin arrived late. He rejected the plan.');
    expect(ms[1]).toMatchObject({ kind: 'pronoun', actor: 'russia' });
  });
  it('leaves "he" unresolved when two people were named', () => {
    const ms = resolve('Putin met Zelensky on Friday. He said little.');
    expect(ms.find((m) => m.kind === 'pronoun')?.actor).toBeUndefined();
  });
  it('does not carry a pronoun across paragraphs', () => {
    const ms = resolve('Putin spoke first.\nHe left early.');
    expect(ms.find((m) => m.kind === 'pronoun')?.actor).toBeUndefined();
  });
});
