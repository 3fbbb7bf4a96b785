/**
 * Resolution of date expressions ("on Friday", "in August", "Aug. 15, 2025", "yesterday") against the
 * article's publication date. News convention: a bare weekday or month refers to the most recent one on or
 * before the publication date, unless the sentence is about the future ("will", "next").
 */
import {
  daysFromCivil,
  daysInMonth,
  daysToIso,
  formatIso,
  isoToDays,
  parseIso,
  weekday,
} from './calendar.js';
import type { ResolvedDate } from './types.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)] ?? (w.length >= 3 && w === 'sept' ? 9 : undefined);
}

function weekdayOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (!/^(?:sun|mon|tue|wed|thu|fri|sat)/.test(w)) return undefined;
  return WEEKDAYS[w.slice(0, 3)];
}

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MDY = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');
const DMY = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}(?:,?\\s+(\\d{4}))?$`, 'i');
const MY = new RegExp(`^(?:(?:early|mid|late)-?\\s*)?${MONTH_NAME}(?:,?\\s+(\\d{4}))?$`, 'i');

/**
 * Resolves a date expression; `future` tells whether the sentence looks ahead. Undefined when the
 * expression is vague ("last week", "recent months") or there is no anchor to resolve a relative one.
 */
export function resolveDate(
  expression: string,
  articleDate: string | undefined,
  future = false,
): ResolvedDate | undefined {
  const text = expression
    .trim()
    .replace(/^(?:on|in|by|since|from|until|during|of)\s+/i, '')
    .replace(/^the\s+/i, '')
    .replace(/[.,]$/, '');
  const anchor = articleDate ? parseIso(articleDate) : undefined;
  const anchorDays = articleDate ? isoToDays(articleDate) : undefined;

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return parseIso(text) ? { date: text, precision: 'day' } : undefined;
  const year = /^(\d{4})$/.exec(text);
  if (year) return { date: `${year[1]}-01-01`, precision: 'year' };

  const lower = text.toLowerCase();
  if (anchorDays !== undefined) {
    if (
      lower === 'today' ||
      lower === 'tonight' ||
      lower === 'this morning' ||
      lower === 'this afternoon' ||
      lower === 'this evening'
    )
      return { date: daysToIso(anchorDays), precision: 'day' };
    if (lower === 'yesterday' || lower === 'last night')
      return { date: daysToIso(anchorDays - 1), precision: 'day' };
    if (lower === 'tomorrow') return { date: daysToIso(anchorDays + 1), precision: 'day' };
    const wd = /^(?:(last|next|this|past|coming)\s+)?([a-z]+)$/i.exec(text);
    const dayNumber = wd ? weekdayOf(wd[2]!) : undefined;
    if (wd && dayNumber !== undefined) {
      const modifier = wd[1]?.toLowerCase();
      const today = weekday(anchorDays);
      const forward = modifier === 'next' || modifier === 'coming' || (modifier === undefined && future);
      if (forward) {
        const ahead = (dayNumber - today + 7) % 7 || 7;
        return { date: daysToIso(anchorDays + ahead), precision: 'day' };
      }
      const back = (today - dayNumber + 7) % 7 || (modifier === 'last' ? 7 : 0);
      return { date: daysToIso(anchorDays - back), precision: 'day' };
    }
  }

  let m = MDY.exec(text);
  if (m) return dayDate(monthOf(text.split(/\s+/)[0]!), Number(m[1]), m[2], anchor, future);
  m = DMY.exec(text);
  if (m) {
    const monthWord = text.replace(/^\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?/i, '').split(/[\s,]+/)[0]!;
    return dayDate(monthOf(monthWord), Number(m[1]), m[2], anchor, future);
  }
  m = MY.exec(text);
  if (m) {
    const monthWord = text.replace(/^(?:early|mid|late)-?\s*/i, '').split(/[\s,]+/)[0]!;
    const month = monthOf(monthWord);
    if (month === undefined) return undefined;
    const y = m[1] ? Number(m[1]) : anchor ? inferYear(month, 1, anchor, future) : undefined;
    if (y === undefined) return undefined;
    return { date: formatIso({ y, m: month, d: 1 }), precision: 'month' };
  }
  return undefined;
}

function dayDate(
  month: number | undefined,
  day: number,
  yearText: string | undefined,
  anchor: { y: number; m: number; d: number } | undefined,
  future: boolean,
): ResolvedDate | undefined {
  if (month === undefined) return undefined;
  const y = yearText ? Number(yearText) : anchor ? inferYear(month, day, anchor, future) : undefined;
  if (y === undefined || day < 1 || day > daysInMonth(y, month)) return undefined;
  return { date: formatIso({ y, m: month, d: day }), precision: 'day' };
}

/** The year that puts month/day on or before the anchor (after it, for future sentences). */
function inferYear(
  month: number,
  day: number,
  anchor: { y: number; m: number; d: number },
  future: boolean,
): number {
  const a = daysFromCivil(anchor.y, anchor.m, anchor.d);
  const same = daysFromCivil(anchor.y, month, Math.min(day, daysInMonth(anchor.y, month)));
  if (future) return same >= a - 31 ? anchor.y : anchor.y + 1;
  return same <= a + 31 ? anchor.y : anchor.y - 1;
}

const LEAD_DATE = new RegExp(
  `\\b(?:${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'i',
);

/** A full date written near the top of an article (a dateline or "Published …" line), as YYYY-MM-DD. */
export function findArticleDate(text: string, window = 600): string | undefined {
  const m = LEAD_DATE.exec(text.slice(0, window));
  return m ? resolveDate(m[0], undefined)?.date : undefined;
}
