/**
 * Page-furniture rules for plain text, as data plus small line tests. The cue lists are general web-page
 * conventions (what news sites print around an article: related links, photo credits, bylines, datelines,
 * newsletter prompts), not wordings of any article. Every test runs on a line already cut to at most a few
 * hundred characters, with bounded quantifiers only, so cleaning stays linear in the text.
 */
import type { RemovalKind } from './clean.js';

/** Labels that introduce a link to another article. */
export const RELATED_CUES = [
  'also read',
  'read also',
  'read more',
  'more to read',
  'related',
  'related stories',
  'related articles',
  'related coverage',
  'related content',
  'related news',
  'related reading',
  'see also',
  'more on this',
  'more on this story',
  'more on this topic',
  'recommended',
  'recommended reading',
  'further reading',
  'you may also like',
  'you might also like',
  "don't miss",
  'must read',
  'trending',
  'more coverage',
  'watch',
  'listen',
] as const;

/** Labels that open a credit line under a picture. */
export const CREDIT_LABELS = [
  'photo',
  'photos',
  'photograph',
  'photo credit',
  'image',
  'images',
  'image credit',
  'image source',
  'picture',
  'pictures',
  'pic',
  'video',
  'illustration',
  'graphic',
  'file photo',
  'credit',
  'credits',
  'source image',
] as const;

/** Words of a newsletter or subscription prompt, and the openings such prompts use. */
export const NEWSLETTER_WORDS = [
  'newsletter',
  'newsletters',
  'inbox',
  'subscribe',
  'subscriber',
  'subscribers',
  'subscription',
  'sign up',
  'sign-up',
  'signup',
  'unsubscribe',
  'daily briefing',
  'weekly briefing',
] as const;
export const PROMPT_OPENERS = [
  'sign up',
  'subscribe',
  'get',
  'join',
  'want',
  'receive',
  'enter',
  'register',
  'stay',
  'never miss',
  "don't miss",
  'be the first',
  'like this',
  'enjoying',
  'support',
  'become',
] as const;

/** Credit sign-offs at the foot of wire copy ("Reporting by …; Editing by …"). */
const SIGN_OFF =
  /^(?:additional |further )?(?:reporting|writing|editing|edited|compiled|written|research) by\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (xs: readonly string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => escape(x).replace(/ /g, '\\s+').replace(/'/g, "['’]"))
    .join('|');

/** The alternation with each entry's first letter in either case ("[Pp]hoto"), for regexes without the i flag. */
const anyCaseFirst = (xs: readonly string[]) =>
  alternation(xs.map((x) => x.toLowerCase())).replace(
    /(^|\|)([a-z])/g,
    (_, bar: string, c: string) => `${bar}[${c.toUpperCase()}${c}]`,
  );

const SEPARATOR = '\\s*[:»|>\\u2013\\u2014]\\s*';
/** A related-link label at the very end of the text before a link ("… talks. Also read:"). */
export const INLINE_LINK_CUE = new RegExp(
  `(?:^|[\\s.!?;(\\[])(?:${alternation(RELATED_CUES)})${SEPARATOR}$`,
  'i',
);
const RELATED_LINE = new RegExp(`^(?:${alternation(RELATED_CUES)})${SEPARATOR}\\S`, 'i');
/** A related-link label inside a line, at its start or after a sentence end. */
export const RELATED_INLINE = new RegExp(
  `(?:^|(?<=[.!?"”')]\\s{1,3}))(?:${alternation(RELATED_CUES)})${SEPARATOR}(?=\\S)`,
  'gi',
);
const CREDIT_LINE = new RegExp(`^(?:${alternation(CREDIT_LABELS)})\\s*(?:credit|by)?\\s*[:/|©]`, 'i');
/** "(Photo: …)", "(Picture by …)", "(AGENCY/Name Surname)" inside a line. */
export const INLINE_CREDIT = new RegExp(
  `\\((?:(?:${anyCaseFirst(CREDIT_LABELS)}|[Pp]ictured|[Ff]ile)\\b[^()\\n]{0,100}|[A-Z][A-Za-z.&-]{1,20}(?: [A-Z][A-Za-z.&-]{1,20}){0,2} ?\\/ ?[^()\\n/]{1,60})\\)`,
  'g',
);
/** "AGENCY/Name Surname" or "Name Surname/AGENCY" as a whole line. */
const SLASH_CREDIT = /^[\p{Lu}][\p{L}.'& -]{1,40}\s?\/\s?[\p{Lu}][\p{L}.'& -]{1,40}$/u;
const NEWSLETTER = new RegExp(`\\b(?:${alternation(NEWSLETTER_WORDS)})\\b`, 'i');
const PROMPT_OPENING = new RegExp(`^(?:${alternation(PROMPT_OPENERS)})\\b`, 'i');
const REPORTING_VERB = /\b(?:said|says|told|announced|according)\b/i;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/**
 * "CITY, Mon D (Agency) –", "CITY (Agency) -", "City, Region, D Month YYYY –", "CITY:": a place, then a date
 * and/or a news agency in brackets, then a dash (or a colon after a capitalised place).
 */
const DATELINE = new RegExp(
  `^(?<place>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3}|[A-Z][a-z'’.]+(?:[ -][A-Z][a-z'’.]+){0,2})` +
    `(?:,\\s?[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?` +
    `(?<date>,?\\s(?:${MONTH}\\s\\d{1,2}(?:,?\\s\\d{4})?|\\d{1,2}\\s${MONTH}(?:\\s\\d{4})?))?` +
    `(?:\\s?\\((?<agency>[A-Z][A-Za-z .&/-]{1,30})\\))?` +
    `\\s?(?<sep>[-–—]{1,2}|:)\\s`,
);

const cap = (line: string) => line.slice(0, 400);

/** The furniture kind of a whole (trimmed) line, or undefined for prose. */
export function furnitureLine(line: string, words: number): RemovalKind | undefined {
  if (line.length > 400) return undefined;
  if (words <= 25 && RELATED_LINE.test(line)) return 'related';
  if (words <= 25 && CREDIT_LINE.test(line)) return 'credit';
  if (words <= 8 && SLASH_CREDIT.test(line)) return 'credit';
  if (words <= 40 && SIGN_OFF.test(line)) return 'byline';
  if (words <= 12 && isByline(line)) return 'byline';
  if (
    words <= 30 &&
    NEWSLETTER.test(line) &&
    !REPORTING_VERB.test(line) &&
    (PROMPT_OPENING.test(line) || /\b(?:our|your)\b/i.test(line))
  )
    return 'newsletter';
  return undefined;
}

/** "By Jane Doe", "By Jane Doe and John Roe, Agency", "By JANE DOE, Staff Correspondent". */
function isByline(line: string): boolean {
  const m = /^by\s+(.+)$/i.exec(line);
  if (!m) return false;
  const rest = m[1]!.replace(/[.,;|·]+$/, '');
  const tokens = rest.split(/[\s,;|·]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 10) return false;
  const connector =
    /^(?:and|&|in|at|of|the|for|staff|correspondent|reporter|writer|editor|contributor|analyst)$/i;
  // Every word a name (capitalised) or a connector/role word, and the first a name.
  return /^\p{Lu}/u.test(tokens[0]!) && tokens.every((t) => /^\p{Lu}/u.test(t) || connector.test(t));
}

/** Length of a dateline at the start of `line` (0 when there is none). */
export function datelineLength(line: string): number {
  const m = DATELINE.exec(cap(line).slice(0, 120));
  if (!m?.groups) return 0;
  const { place, date, agency, sep } = m.groups;
  const caps = place === place!.toUpperCase();
  if (WEEKDAY.test(place!)) return 0;
  if (!date && !agency) return 0;
  if (sep === ':' && !caps) return 0;
  // The text after a dateline opens a sentence.
  const next = line.charAt(m[0].length);
  if (!/[\p{Lu}\d"'“‘]/u.test(next)) return 0;
  return m[0].length;
}
