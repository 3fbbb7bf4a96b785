/**
 * Shared record types of the evidence pipeline: article input, cleaned text, mentions, events and claims.
 * Offsets are UTF-16 code-unit positions (JavaScript string indices); `start`/`end` refer to the cleaned
 * text and `origStart`/`origEnd` to the text as it arrived (the HTML adapter's extracted text for HTML).
 */

/** One article as handed to the engine by an adapter. */
export interface ArticleInput {
  /** Stable id chosen by the caller (the store derives one from the content hash if absent). */
  id?: string;
  text: string;
  title?: string;
  /** Publication date, YYYY-MM-DD. When absent the pipeline looks for one near the top of the text. */
  date?: string;
  publisher?: string;
  url?: string;
}

/** A warning returned with a result rather than logged (codes are stable snake_case). */
export interface EvidenceWarning {
  code: string;
  message: string;
}

export type Precision = 'day' | 'month' | 'year';

export interface ResolvedDate {
  /** YYYY-MM-DD; for month or year precision the first day of the period. */
  date: string;
  precision: Precision;
}

export interface DateMention extends ResolvedDate {
  text: string;
  start: number;
  end: number;
}

export interface NumberMention {
  text: string;
  start: number;
  end: number;
  kind: 'cardinal' | 'money' | 'percent' | 'ordinal';
  /** Parsed value when the text is a plain number ("28", "40 percent" → 40). */
  value?: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Paragraph number (paragraphs are separated by line breaks in the cleaned text). */
  paragraph: number;
  text: string;
}

/** How a mention was recognised; earlier kinds are more reliable. */
export type MentionKind = 'name' | 'person' | 'metonym' | 'title' | 'role' | 'pronoun';

/** An actor mention in the cleaned text. */
export interface ActorMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Case actor id, when resolved. */
  actor?: string;
  /** ISO-3166 alpha-3 / PLOVER entity code from the gazetteer (RUS, USA, EUR, NATO = IGOWSTNAT …). */
  country?: string;
  /** PLOVER/CAMEO sector code (GOV, MIL …) when known from a title or metonym. */
  sector?: string;
  /** Canonical name of what was matched ("Russia", "Sergei Lavrov"). */
  canonical: string;
  /** True for people (names, titles); used by safe pronoun carry-over. */
  personal: boolean;
  /** Role word for titles ("president", "envoy"), used by role carry-over. */
  role?: string;
}

export interface IssueMention {
  issue: string;
  start: number;
  end: number;
  text: string;
}

export type ClaimDirection = 'demands' | 'accepts' | 'rejects' | 'proposes';

export interface Span {
  start: number;
  end: number;
  origStart: number;
  origEnd: number;
}
