/**
 * PLOVER-style JSON records for coded events (fields after the PLOVER manual's "Data Fields" chapter, as
 * summarised in docs/models/ONTOLOGY.md §1.3): list-valued `actor` and `recipient` entities,
 * `event`, optional `mode`, the evidence text with its `start`/`end` character offsets, and provenance.
 */
/** The coded-event shape the writers read: a structural subset of the evidence engine's record (formats
 * depend on no engine), plus the article it came from. */

export interface EventPartyInput {
  /** Case actor id, if resolved. */
  actor?: string;
  /** PLOVER/CAMEO entity code: ISO-3166 alpha-3 or an IGO code (IGOWSTNAT, EUR, UNO). */
  code?: string;
  /** Sector / CAMEO role code (GOV, MIL, …). */
  sector?: string;
  /** The words in the text. */
  text: string;
  start: number;
  end: number;
}

export interface CodedEventInput {
  id: string;
  date?: string;
  type?: string;
  plover: string;
  mode?: string;
  cameo: string;
  goldstein: number;
  quadClass: number;
  actors: EventPartyInput[];
  targets: EventPartyInput[];
  place?: string;
  sentence: number;
  trigger: { start: number; end: number; text: string };
  quote: { start: number; end: number; text: string };
  confidence: number;
}

export interface ArticleMetaInput {
  url?: string;
  title?: string;
  publisher?: string;
  /** Publication date, YYYY-MM-DD. */
  date?: string;
  /** Length of the (cleaned) document in characters. */
  length?: number;
}

export interface PloverEntity {
  text: string;
  /** Canonical name: the case actor id when resolved, else the entity code. */
  name: string;
  code?: string;
  sector?: string;
}

export interface PloverRecord {
  id: string;
  date: string;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string;
  mode?: string;
  /** The CAMEO code the event maps to (kept for conversion). */
  cameo: string;
  text: string;
  start: number;
  end: number;
  sequence: number;
  url?: string;
  title?: string;
  publication?: string;
  language: 'en';
  coder: string;
  confidence: number;
}

const entity = (p: EventPartyInput): PloverEntity => ({
  text: p.text,
  name: p.actor ?? p.code ?? p.text,
  ...(p.code ? { code: p.code } : {}),
  ...(p.sector ? { sector: p.sector } : {}),
});

/** PLOVER records; events without a date take the article's (records need one). Undated ones are dropped. */
export function toPloverRecords(
  events: readonly CodedEventInput[],
  article: ArticleMetaInput = {},
  coder = 'redline',
): PloverRecord[] {
  const out: PloverRecord[] = [];
  for (const e of events) {
    const date = e.date ?? article.date;
    if (!date) continue;
    out.push({
      id: e.id,
      date,
      actor: e.actors.map(entity),
      recipient: e.targets.map(entity),
      event: e.plover,
      ...(e.mode ? { mode: e.mode } : {}),
      cameo: e.cameo,
      text: e.quote.text,
      start: e.quote.start,
      end: e.quote.end,
      sequence: e.sentence,
      ...(article.url ? { url: article.url } : {}),
      ...(article.title ? { title: article.title } : {}),
      ...(article.publisher ? { publication: article.publisher } : {}),
      language: 'en',
      coder,
      confidence: e.confidence,
    });
  }
  return out;
}

/** JSON Lines text, one record per line. */
export function toPloverJsonl(events: readonly CodedEventInput[], article: ArticleMetaInput = {}): string {
  return toPloverRecords(events, article)
    .map((r) => JSON.stringify(r))
    .join('\n');
}
