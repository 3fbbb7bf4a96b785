/**
 * Plain-text cleaning: Unicode normalisation and removal of page furniture (boilerplate lines, repeated
 * headlines, image captions, broken table rows), keeping a map from cleaned to original offsets.
 * Line rules follow the spirit of boilerplate detection by shallow text features (Kohlschütter, Fankhauser
 * & Nejdl, "Boilerplate Detection using Shallow Text Features", WSDM 2010): short, link-like or templated
 * lines go, long prose stays.
 */
import { TextBuilder, type OffsetSegments } from './offset-map.js';

export type RemovalKind = 'boilerplate' | 'duplicate' | 'headline' | 'caption' | 'table' | 'markup';

export interface CleanResult {
  text: string;
  /** Cleaned → original offsets (see offset-map.ts). */
  segments: OffsetSegments;
  /** Lines removed, by kind (counts), for the per-document report. */
  removed: Record<RemovalKind, number>;
}

export interface CleanOptions {
  /** Table cells with at least this many words are kept as prose (broken tables often swallow text). */
  proseCellWords?: number;
}

const DEFAULTS = { proseCellWords: 15 };

// Whole-line furniture, tested on the trimmed line without trailing pipes/colons (short lines only).
const BOILERPLATE =
  /^(?:advertisement|advert|sponsored(?: content)?|read (?:more|next|also)|also read|related(?: articles| stories| posts| coverage)?|recommended(?: for you| stories)?|recommend|leave a (?:reply|comment)|\d* ?comments?|share(?: this(?: article| story| post)?)?|share on \w+|tweet|e-?mail|print|subscribe(?: now)?|sign up\b.*|newsletter\b.*|click here\b.*|follow us\b.*|all|instructions|menu|skip to (?:main )?content|privacy policy|terms (?:of use|and conditions)|all rights reserved.*|loading\.*|continue reading|back to top|(?:tags|topics|filed under|posted in|image source|photo credit|photo|image|credit)\s*:.*|(?:copyright|©).*|.*\bcookies?\b.*|(?:read more|related|also read|see also|watch)\s*:.*|advertisement\s*-\s*scroll to continue)$/i;
const INLINE_BOILERPLATE = /\b(?:ADVERTISEMENT|SPONSORED|READ MORE)\b/g;
const CAPTION_WORDS =
  /\b(?:symboli[sz](?:es|ing|e)|pictured|depict(?:s|ing|ed)|file photo|photo(?:graph)? by|\(photo|credit:|getty images|reuters\/|afp\/|ap photo|illustration)\b/i;
// A one-sentence noun phrase with a participle and no finite verb ("Leaders at a table, reflecting the mood.").
const CAPTION_SHAPE =
  /^[^.;:!?]{3,200}\b(?:symboli[sz]ing|reflecting|showing|depicting|illustrating|representing|capturing)\b[^.;:!?]*\.?$/i;
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|said|says|told|will|would|did|does|do)\b/i;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const TERMINAL = /[.!?"')\]]$/;

/** Characters normalised to a replacement (others go through NFKC). */
const CHAR_MAP: Record<string, string> = {
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
  '\r': '',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2026': '...',
  '\u2022': ' ',
};

interface Line {
  start: number;
  end: number;
}

interface Piece {
  /** Original range [start, end) whose text is kept (inline deletions split a line into pieces). */
  start: number;
  end: number;
}

/** Cleans plain text or Markdown; HTML goes through the adapter's extractor first. */
export function cleanText(original: string, options: CleanOptions = {}): CleanResult {
  const opts = { ...DEFAULTS, ...options };
  const removed: Record<RemovalKind, number> = {
    boilerplate: 0,
    duplicate: 0,
    headline: 0,
    caption: 0,
    table: 0,
    markup: 0,
  };
  const seen = new Set<string>();
  const shortLines: string[] = [];
  const out = new TextBuilder();
  let pendingBreak = false;
  let prevEndedSentence = true;

  const emit = (pieces: Piece[], paragraphBreak: boolean) => {
    if (out.size > 0) {
      const first = pieces[0]!;
      const firstChar = original[first.start] ?? '';
      const softWrap = !paragraphBreak && !prevEndedSentence && /[a-z]/.test(firstChar);
      out.insert(softWrap ? ' ' : '\n', first.start);
    }
    let prevEnd = -1;
    for (const p of pieces) {
      if (prevEnd >= 0 && /\s/.test(original.slice(prevEnd, p.start))) out.insert(' ', p.start);
      appendNormalised(out, original, p.start, p.end);
      prevEnd = p.end;
    }
    prevEndedSentence = TERMINAL.test(out.lastChar());
  };

  for (const line of splitLines(original)) {
    const trimmed = trimRange(original, line.start, line.end);
    let start = trimmed.start;
    const end = trimmed.end;
    if (start >= end) {
      pendingBreak = true;
      continue;
    }
    // Markdown block markers: headings, quotes, bullets (the text itself is kept).
    const marker = /^(?:#{1,6}\s+|>\s*|[-*+•·▪●◦]\s+|\d{1,2}[.)]\s+)/.exec(
      original.slice(start, Math.min(end, start + 12)),
    );
    if (marker) start += marker[0].length;
    const raw = original.slice(start, end);
    const words = countWords(raw);

    if (raw.includes('|') && isTableRow(raw)) {
      removed.table++;
      if (TABLE_SEPARATOR.test(raw)) continue;
      // Keep cells long enough to be prose that a broken table swallowed.
      let offset = start;
      for (const cell of raw.split('|')) {
        const cellStart = offset;
        offset += cell.length + 1;
        if (countWords(cell) < opts.proseCellWords) continue;
        const r = trimRange(original, cellStart, cellStart + cell.length);
        const pieces = removeInline(original, r.start, r.end, removed);
        if (pieces.length) emit(pieces, true);
      }
      pendingBreak = true;
      continue;
    }
    const bare = raw.replace(/[\s|:]+$/, '');
    if (words <= 12 && BOILERPLATE.test(bare)) {
      removed.boilerplate++;
      continue;
    }
    const key = normaliseKey(raw);
    if (seen.has(key)) {
      removed.duplicate++;
      continue;
    }
    const isShort = words <= 20 && !TERMINAL.test(raw);
    if (isShort && words >= 4 && shortLines.some((s) => s.startsWith(key) || key.startsWith(s))) {
      removed.headline++;
      continue;
    }
    if (words <= 40 && (CAPTION_WORDS.test(raw) || CAPTION_SHAPE.test(raw)) && !FINITE_VERB.test(raw)) {
      removed.caption++;
      continue;
    }
    seen.add(key);
    if (isShort) shortLines.push(key);
    const pieces = removeInline(original, start, end, removed);
    if (pieces.length === 0) continue;
    emit(pieces, pendingBreak || isShort);
    pendingBreak = false;
  }
  return { text: out.toString(), segments: out.segments, removed };
}

function* splitLines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    yield { start, end: nl };
    start = nl + 1;
  }
}

const SPACE = /[\s\u00a0\u200b\u2007\u202f\ufeff]/;

function trimRange(text: string, start: number, end: number): Line {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isTableRow(text: string): boolean {
  const pipes = text.split('|').length - 1;
  return (text.startsWith('|') && pipes >= 2) || pipes >= 3;
}

/** Splits a line into kept pieces around inline furniture (all-caps ADVERTISEMENT, link targets). */
function removeInline(
  original: string,
  start: number,
  end: number,
  removed: Record<RemovalKind, number>,
): Piece[] {
  const text = original.slice(start, end);
  const cuts: Array<[number, number]> = [];
  for (const m of text.matchAll(INLINE_BOILERPLATE)) cuts.push([m.index, m.index + m[0].length]);
  // Markdown links [text](url): keep the text, drop the target.
  for (const m of text.matchAll(/\]\([^)\s]{1,500}\)/g)) cuts.push([m.index + 1, m.index + m[0].length]);
  for (const m of text.matchAll(/\[(?=[^\]]{1,300}\]\()/g)) cuts.push([m.index, m.index + 1]);
  for (const m of text.matchAll(/\*\*|__/g)) cuts.push([m.index, m.index + 2]);
  if (cuts.length === 0) return [{ start, end }];
  removed.markup += cuts.length;
  cuts.sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    if (a > at) pieces.push({ start: start + at, end: start + a });
    at = Math.max(at, b);
  }
  if (at < text.length) pieces.push({ start: start + at, end });
  // Trim whitespace left at piece edges and drop empty pieces.
  return pieces.map((p) => trimRange(original, p.start, p.end)).filter((p) => p.end > p.start);
}

const ASCII_CLEAN = /^[\x20-\x7e]*$/;

/** Appends original[start, end) with characters normalised; doubled spaces collapse to one. */
function appendNormalised(out: TextBuilder, original: string, start: number, end: number): void {
  const slice = original.slice(start, end);
  if (ASCII_CLEAN.test(slice) && !slice.includes('  ')) {
    out.append(slice, start, slice.length);
    return;
  }
  let runStart = start;
  const flush = (to: number) => {
    if (to > runStart) out.append(original.slice(runStart, to), runStart, to - runStart);
  };
  for (let i = start; i < end;) {
    const code = original.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    let rep: string | undefined;
    if (code === 0x20) {
      if (i > start && original[i - 1] === ' ') rep = '';
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      rep = code === 9 ? ' ' : '';
    } else if (code > 0x7e) {
      const r = CHAR_MAP[ch] ?? ch.normalize('NFKC');
      if (r !== ch) rep = r;
    }
    if (rep !== undefined) {
      flush(i);
      if (rep === ' ' && out.lastChar() === ' ') rep = '';
      if (rep) out.append(rep, i, width);
      runStart = i + width;
    }
    i += width;
  }
  flush(end);
}
