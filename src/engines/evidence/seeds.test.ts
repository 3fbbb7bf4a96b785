import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeIf, NEEDS } from '../../../test/support/requirements.js';
import { clusterDocuments } from './dedupe.js';
import { analyseArticle, createEvidenceModel } from './pipeline.js';

// The five public articles the project started from, read at run time (never copied into the repository).
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

describeIf(existsSync(SEEDS), NEEDS.shared('../shared/seeds'))('seed articles', () => {
  const texts = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
  const model = createEvidenceModel({
    actors: [
      { id: 'russia', name: 'Russia', kind: 'state' },
      { id: 'usa', name: 'United States', kind: 'state' },
      { id: 'ukraine', name: 'Ukraine', kind: 'state' },
    ],
    issues: [
      { id: 'nato', name: 'NATO membership', keywords: ['NATO'] },
      { id: 'security', name: 'Security guarantees' },
    ],
  });
  const results = texts.map((text) => analyseArticle({ text, date: '2025-08-20' }, model));

  it('are five different articles: nothing is clustered', () => {
    expect(clusterDocuments(results.map((r) => r.clean.text)).every((c) => c.kind === 'unique')).toBe(true);
  });
  it('lose their page furniture', () => {
    const all = results.map((r) => r.clean.text).join('\n');
    for (const junk of ['ADVERTISEMENT', 'READ MORE', 'Leave a Reply', '|---|'])
      expect(all).not.toContain(junk);
  });
  it('name the three parties through names, metonyms and titles', () => {
    const actors = new Set(results.flatMap((r) => r.mentions.map((m) => m.actor)).filter(Boolean));
    expect([...actors].sort()).toEqual(['russia', 'ukraine', 'usa']);
    const kinds = new Set(
      results.flatMap((r) => r.mentions.filter((m) => m.actor === 'russia').map((m) => m.kind)),
    );
    for (const k of ['name', 'metonym', 'title', 'person']) expect(kinds.has(k as never)).toBe(true);
  });
  it('yield events and stance claims with quotes found in the text', () => {
    const events = results.flatMap((r) => r.events);
    const claims = results.flatMap((r, i) => r.claims.map((c) => ({ c, text: results[i]!.clean.text })));
    expect(
      events.some(
        (e) => e.type === 'accuse' && e.actors[0]?.actor === 'russia' && e.targets[0]?.actor === 'usa',
      ),
    ).toBe(true);
    expect(
      claims.some(({ c }) => c.actor === 'russia' && c.direction === 'demands' && c.issue === 'nato'),
    ).toBe(true);
    for (const { c, text } of claims) expect(text.slice(c.quote.start, c.quote.end)).toBe(c.quote.text);
  });
});
