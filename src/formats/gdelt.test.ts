import { describe, expect, it } from 'vitest';
import { fractionDate, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, toGdeltTables, toTsv } from './gdelt.js';
import { toPloverRecords, type CodedEventInput } from './plover.js';

const event: CodedEventInput = {
  id: 'e-1',
  date: '2025-08-15',
  type: 'meet',
  plover: 'CONSULT',
  mode: 'visit',
  cameo: '042',
  goldstein: 1.9,
  quadClass: 1,
  actors: [
    { actor: 'usa', code: 'USA', sector: 'GOV', text: 'Trump', start: 0, end: 5 },
    { actor: 'nato', code: 'IGOWSTNAT', text: 'NATO', start: 10, end: 14 },
  ],
  targets: [{ actor: 'russia', code: 'RUS', sector: 'GOV', text: 'Putin', start: 20, end: 25 }],
  place: 'Anchorage',
  sentence: 0,
  trigger: { start: 15, end: 19, text: 'met' },
  quote: { start: 0, end: 40, text: 'Trump and NATO met Putin in Anchorage.' },
  confidence: 0.85,
};
const article = { url: 'https://news.example.org/a', publisher: 'Example', date: '2025-08-16', length: 1234 };

describe('GDELT export', () => {
  it('has the 61 event and 16 mention columns of GDELT 2.0 (docs/models/ONTOLOGY.md §3.1–3.2)', () => {
    expect(GDELT_EVENT_COLUMNS).toHaveLength(61);
    expect(GDELT_MENTION_COLUMNS).toHaveLength(16);
    expect([
      GDELT_EVENT_COLUMNS[0],
      GDELT_EVENT_COLUMNS[26],
      GDELT_EVENT_COLUMNS[59],
      GDELT_EVENT_COLUMNS[60],
    ]).toEqual(['GlobalEventID', 'EventCode', 'DATEADDED', 'SOURCEURL']);
  });
  it('expands actor lists into dyads and fills the coded columns', () => {
    const t = toGdeltTables([event], article, { firstId: 100, dateAdded: '20260101120000' });
    expect(t.events).toHaveLength(2);
    const row = Object.fromEntries(GDELT_EVENT_COLUMNS.map((c, i) => [c, t.events[0]![i]]));
    expect(row).toMatchObject({
      GlobalEventID: '100',
      Day: '20250815',
      MonthYear: '202508',
      Year: '2025',
      Actor1Code: 'USAGOV',
      Actor1CountryCode: 'USA',
      Actor2Code: 'RUSGOV',
      EventCode: '042',
      EventBaseCode: '042',
      EventRootCode: '04',
      QuadClass: '1',
      GoldsteinScale: '1.9',
      IsRootEvent: '1',
      ActionGeo_Fullname: 'Anchorage',
      SOURCEURL: 'https://news.example.org/a',
    });
    expect(t.events[1]![GDELT_EVENT_COLUMNS.indexOf('Actor1Code')]).toBe('IGOWSTNAT');
    expect(t.events[1]![GDELT_EVENT_COLUMNS.indexOf('Actor1KnownGroupCode')]).toBe('IGOWSTNAT');
    const m = Object.fromEntries(GDELT_MENTION_COLUMNS.map((c, i) => [c, t.mentions[0]![i]]));
    expect(m).toMatchObject({
      GlobalEventID: '100',
      MentionType: '1',
      SentenceID: '1',
      Actor1CharOffset: '0',
      Actor2CharOffset: '20',
      ActionCharOffset: '15',
      Confidence: '85',
      MentionDocLen: '1234',
    });
    expect(toTsv(t.events).split('\n')[0]!.split('\t')).toHaveLength(61);
  });
  it('computes FractionDate as the share of the year elapsed (hand: 2025-08-15 is day 227 → 2025 + 226/365)', () => {
    expect(fractionDate('2025-08-15')).toBe((2025 + 226 / 365).toFixed(4));
    expect(fractionDate('2024-01-01')).toBe('2024.0000');
  });
});

describe('PLOVER export', () => {
  it('keeps list-valued actors and recipients, the event, mode and evidence offsets', () => {
    const [r] = toPloverRecords([event], article);
    expect(r).toMatchObject({
      id: 'e-1',
      date: '2025-08-15',
      event: 'CONSULT',
      mode: 'visit',
      start: 0,
      end: 40,
      url: article.url,
      publication: 'Example',
    });
    expect(r!.actor.map((a) => a.name)).toEqual(['usa', 'nato']);
    expect(r!.recipient).toEqual([{ text: 'Putin', name: 'russia', code: 'RUS', sector: 'GOV' }]);
  });
  it('drops events with no date at all', () => {
    expect(toPloverRecords([{ ...event, date: undefined! }], {})).toEqual([]);
  });
});
