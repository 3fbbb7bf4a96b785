/**
 * GDELT 2.0-style export: the 61-column events table and the 16-column mentions table, tab-separated
 * without a header row (column order from docs/models/ONTOLOGY.md §3). PLOVER's actor and
 * recipient lists are expanded into dyads, one events row per (actor, recipient) pair. Fields GDELT derives
 * from its own crawl (tone, geography coordinates, counts across sources) are left empty or at 1/0.
 */
import type { ArticleMetaInput, CodedEventInput, EventPartyInput } from './plover.js';

const ACTOR_FIELDS = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const GEO_FIELDS = ['Type', 'Fullname', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

export const GDELT_EVENT_COLUMNS: readonly string[] = [
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED',
  'SOURCEURL',
];

export const GDELT_MENTION_COLUMNS: readonly string[] = [
  'GlobalEventID',
  'EventTimeDate',
  'MentionTimeDate',
  'MentionType',
  'MentionSourceName',
  'MentionIdentifier',
  'SentenceID',
  'Actor1CharOffset',
  'Actor2CharOffset',
  'ActionCharOffset',
  'InRawText',
  'Confidence',
  'MentionDocLen',
  'MentionDocTone',
  'MentionDocTranslationInfo',
  'Extras',
];

export interface GdeltOptions {
  /** First GlobalEventID to assign (numeric ids, one per dyad row). */
  firstId: number;
  /** When the rows were produced, YYYYMMDDHHMMSS (time arrives as an argument). */
  dateAdded: string;
  /** Sentences at or before this index count as the lead (IsRootEvent = 1). */
  leadSentences?: number;
}

export interface GdeltTables {
  events: string[][];
  mentions: string[][];
}

const ISO3 = /^[A-Z]{3}$/;

function actorColumns(p: EventPartyInput | undefined): string[] {
  if (!p) return ACTOR_FIELDS.map(() => '');
  const code = p.code ?? '';
  const country = ISO3.test(code) && code !== 'EUR' && code !== 'UNO' ? code : '';
  const group = code.startsWith('IGO') || code === 'EUR' || code === 'UNO' ? code : '';
  const sector = p.sector ?? '';
  // CAMEO codes join a country and a role (RUSGOV); organisation codes stand alone (IGOWSTNAT).
  const cameo = country ? `${country}${sector}` : code;
  return [cameo, p.text.toUpperCase(), country, group, '', '', '', sector, '', ''];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The share of the year elapsed at the start of the day, as GDELT's YYYY.FFFF. */
export function fractionDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let doy = d - 1;
  for (let i = 0; i < m - 1; i++) doy += days[i]!;
  return (y + doy / (isLeap(y) ? 366 : 365)).toFixed(4);
}

/** Events and mentions rows (as arrays of cells) for one article's events. Undated events are skipped. */
export function toGdeltTables(
  events: readonly CodedEventInput[],
  article: ArticleMetaInput,
  opts: GdeltOptions,
): GdeltTables {
  const rows: GdeltTables = { events: [], mentions: [] };
  let id = opts.firstId;
  const lead = opts.leadSentences ?? 2;
  for (const e of events) {
    const date = e.date ?? article.date;
    if (!date) continue;
    const day = date.replace(/-/g, '');
    const targets: Array<EventPartyInput | undefined> = e.targets.length ? e.targets : [undefined];
    for (const a of e.actors.length ? e.actors : [undefined]) {
      for (const t of targets) {
        const gid = String(id++);
        rows.events.push([
          gid,
          day,
          day.slice(0, 6),
          day.slice(0, 4),
          fractionDate(date),
          ...actorColumns(a),
          ...actorColumns(t),
          e.sentence <= lead ? '1' : '0',
          e.cameo,
          e.cameo.slice(0, 3),
          e.cameo.slice(0, 2),
          String(e.quadClass),
          String(e.goldstein),
          '1',
          '1',
          '1',
          '0',
          ...GEO_FIELDS.map(() => ''),
          ...GEO_FIELDS.map(() => ''),
          ...GEO_FIELDS.map((f) => (f === 'Fullname' ? (e.place ?? '') : '')),
          opts.dateAdded,
          article.url ?? '',
        ]);
        rows.mentions.push([
          gid,
          opts.dateAdded,
          opts.dateAdded,
          article.url ? '1' : '2',
          article.publisher ?? hostOf(article.url),
          article.url ?? article.title ?? '',
          String(e.sentence + 1),
          a ? String(a.start) : '-1',
          t ? String(t.start) : '-1',
          String(e.trigger.start),
          '1',
          String(Math.round(e.confidence * 100)),
          String(article.length ?? ''),
          '0',
          '',
          '',
        ]);
      }
    }
  }
  return rows;
}

/** Tab-separated text (tabs and line breaks inside cells become spaces). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}

function hostOf(url: string | undefined): string {
  const m = url ? /^[a-z]+:\/\/([^/:?#]+)/i.exec(url) : null;
  return m ? m[1]! : '';
}
