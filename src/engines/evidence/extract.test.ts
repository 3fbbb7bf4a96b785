import { describe, expect, it } from 'vitest';
import { analyseArticle, createEvidenceModel } from './pipeline.js';

const model = createEvidenceModel({
  actors: [
    { id: 'russia', name: 'Russia', kind: 'state' },
    { id: 'ukraine', name: 'Ukraine', kind: 'state' },
    { id: 'usa', name: 'United States', kind: 'state' },
    { id: 'eu', name: 'European Union', kind: 'organisation' },
  ],
  issues: [
    {
      id: 'nato',
      name: 'NATO membership for Ukraine',
      keywords: ['NATO membership', 'join NATO', 'joining NATO'],
      scale: {
        kind: 'options',
        options: [
          { id: 'member', label: 'Full membership', value: 0 },
          { id: 'ban', label: 'Permanent ban on membership', value: 100 },
        ],
      },
    },
    { id: 'sanctions', name: 'Sanctions relief' },
  ],
});
const run = (text: string) => analyseArticle({ text, date: '2025-08-16' }, model);
const events = (text: string) =>
  run(text).events.map((e) => [
    e.type,
    e.plover,
    e.cameo,
    e.actors.map((a) => a.actor).join('+'),
    e.targets.map((a) => a.actor).join('+'),
  ]);
const claims = (text: string) =>
  run(text).claims.map((c) => [c.actor, c.direction, c.issue, c.position ?? null, c.redLine]);

describe('events', () => {
  // Codings follow docs/models/ONTOLOGY.md §1.1 and the CAMEO codes of §2.1.
  it('codes a past meeting as CONSULT and a future one as AGREE 036', () => {
    expect(events('Russia and Ukraine met in Istanbul on Friday.')).toEqual([
      ['meet', 'CONSULT', '040', 'russia+ukraine', ''],
    ]);
    expect(events('Russia will meet Ukraine in Istanbul next week.')).toEqual([
      ['meet', 'AGREE', '036', 'russia', 'ukraine'],
    ]);
  });
  it('codes accusations with their target, and passives by their agent', () => {
    expect(events('Ukraine accused Russia of shelling the city.')).toEqual([
      ['accuse', 'ACCUSE', '112', 'ukraine', 'russia'],
    ]);
    expect(events('The plan was rejected by Russia.')).toEqual([['reject', 'REJECT', '127', 'russia', '']]);
  });
  it('drops negated and hypothetical events', () => {
    expect(events('Russia did not attack Kyiv overnight.')).toEqual([]);
    expect(events('Russia could reject the plan if talks fail.')).toEqual([]);
  });
  it('codes a declared truce as CONCEDE 0871 and released prisoners as RETREAT release', () => {
    expect(events('Russia declared a thirty-hour truce.')).toEqual([
      ['ceasefire', 'CONCEDE', '0871', 'russia', ''],
    ]);
    expect(events('Ukraine released 84 prisoners on Saturday.')).toEqual([
      ['retreat', 'RETREAT', '0841', 'ukraine', ''],
    ]);
  });
  it('turns a future strike into a threat (PLOVER auxiliary mode)', () => {
    expect(events('Russia threatened to strike Ukraine.')).toEqual([
      ['threaten', 'THREATEN', '138', 'russia', 'ukraine'],
    ]);
  });
  it('dates an event by the date written in its sentence', () => {
    expect(run('Russia and Ukraine met on Friday.').events[0]?.date).toBe('2025-08-15');
  });
});

describe('claims', () => {
  it('reads a demand with the option it names and red-line language', () => {
    expect(
      claims('Russia insists on a permanent ban on joining NATO, which it calls non-negotiable.'),
    ).toEqual([['russia', 'demands', 'nato', 'ban', true]]);
  });
  it('reads rejection, acceptance and proposals', () => {
    expect(claims('Ukraine rejected any lifting of sanctions relief talk.')).toEqual([
      ['ukraine', 'rejects', 'sanctions', null, false],
    ]);
    expect(claims('The European Union proposed a phased sanctions relief.')).toEqual([
      ['eu', 'proposes', 'sanctions', null, false],
    ]);
    expect(claims('The United States is open to sanctions relief.')).toEqual([
      ['usa', 'accepts', 'sanctions', null, false],
    ]);
  });
  it('reads "will never accept" as a red-line rejection, not an acceptance', () => {
    expect(claims('Ukraine will never accept a permanent ban on NATO membership.')).toEqual([
      ['ukraine', 'rejects', 'nato', 'ban', true],
    ]);
  });
  it('attributes a predicate red line to the holder named after it', () => {
    expect(claims('A permanent ban on NATO membership is a non-starter for Ukraine.')).toEqual([
      ['ukraine', 'rejects', 'nato', 'ban', true],
    ]);
  });
  it('ignores speculation and sentences without a case issue', () => {
    expect(claims('Analysts wonder whether Russia would accept sanctions relief.')).toEqual([]);
    expect(claims('Russia rejected the proposal.')).toEqual([]);
  });
  it('keeps offsets of the quote in the cleaned text', () => {
    const a = run('Headline\n\nRussia rejected sanctions relief.');
    const c = a.claims[0]!;
    expect(a.clean.text.slice(c.quote.start, c.quote.end)).toBe('Russia rejected sanctions relief.');
  });
});

describe('bad input', () => {
  it('skips a non-English article with a reason', () => {
    const a = run(
      'Le gouvernement a rejeté le plan de paix proposé par les États-Unis et la Russie a demandé la levée des sanctions dans les plus brefs délais.',
    );
    expect(a.skipped?.code).toBe('not_english');
    expect(a.skipped?.message).toMatch(/French/);
  });
  it('reports an article with no date', () => {
    expect(
      analyseArticle({ text: 'Russia rejected sanctions relief.' }, model).warnings.map((w) => w.code),
    ).toEqual(['no_article_date']);
  });
});
