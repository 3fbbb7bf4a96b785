/**
 * Plain-text cleaning: Unicode normalisation and removal of page furniture (boilerplate lines, repeated
 * headlines, image captions, broken table rows), keeping a map from cleaned to original offsets.
 * Line rules follow the spirit of boilerplate detection by shallow text features (Kohlschütter, Fankhauser
 * & Nejdl, "Boilerplate Detection using Shallow Text Features", WSDM 2010): short, link-like or templated
 * lines go, long prose stays.
 */
import { datelineLength, furnitureLine, INLINE_CREDIT, RELATED_INLINE } from './clean-rules.js';
import { TextBuilder, type OffsetSegments } from './offset-map.js';

export type RemovalKind =
  | 'boilerplate'
  | 'duplicate'
  | 'headline'
  | 'caption'
  | 'credit'
  | 'byline'
  | 'dateline'
  | 'related'
  | 'newsletter'
  | 'table'
  | 'markup'
  | 'split';

/** One removal, kept with the document so a reviewer can see what cleaning took out. */
export interface RemovalNote {
  kind: RemovalKind;
  /** The removed text (at most NOTE_CHARS characters). */
  text: string;
}

export interface CleanResult {
  text: string;
  /** Cleaned → original offsets (see offset-map.ts). */
  segments: OffsetSegments;
  /** Removals by kind (counts), for the per-document report; `split` counts breaks put into over-long runs. */
  removed: Record<RemovalKind, number>;
  /** Each removal of furniture (not duplicates or markup), in text order. */
  notes: RemovalNote[];
  /** The dateline taken off the first paragraph ("CITY, Mon D (Agency) –"): its date still dates the article. */
  dateline?: string;
}

export interface CleanOptions {
  /** Table cells with at least this many words are kept as prose (broken tables often swallow text). */
  proseCellWords?: number;
  /** Longest run of text without sentence punctuation; longer runs get a break at a space (linear-time NLP). */
  maxRunChars?: number;
}

const DEFAULTS = { proseCellWords: 15, maxRunChars: 600 };
const NOTE_CHARS = 160;

export const note = (kind: RemovalKind, text: string): RemovalNote => ({
  kind,
  text: text.length > NOTE_CHARS ? `${text.slice(0, NOTE_CHARS - 1)}…` : text,
});

/** Lines longer than this are never furniture (and no line regex runs over more than this many characters). */
const MAX_FURNITURE_LINE = 400;

// Whole-line furniture, tested on the trimmed line without trailing pipes/colons (short lines only).
const BOILERPLATE =
  /^(?:advertisement|advert|sponsored(?: content)?|read (?:more|next|also)|also read|related(?: articles| stories| posts| coverage)?|recommended(?: for you| stories)?|recommend|leave a (?:reply|comment)|\d* ?comments?|share(?: this(?: article| story| post)?)?|share on \w+|tweet|e-?mail|print|subscribe(?: now)?|sign up\b.*|newsletter\b.*|click here\b.*|follow us\b.*|all|instructions|menu|skip to (?:main )?content|privacy policy|terms (?:of use|and conditions)|all rights reserved.*|loading\.*|continue reading|back to top|(?:tags|topics|filed under|posted in|image source|photo credit|photo|image|credit)\s*:.*|(?:copyright|©).*|.*\bcookies?\b.*|(?:read more|related|also read|see also|watch)\s*:.*|advertisement\s*-\s*scroll to continue)$/i;
const INLINE_BOILERPLATE = /\b(?:ADVERTISEMENT|SPONSORED|READ MORE)\b/g;
/** Verbs of depiction: what a picture caption or alt text says the image does. */
const DEPICTION_VERBS = [
  'symboli[sz]',
  'represent',
  'depict',
  'illustrat',
  'show',
  'portray',
  'captur',
  'reflect',
  'evok',
  'convey',
];
const CAPTION_WORDS =
  /\b(?:symboli[sz](?:es|ing|e)|depict(?:s|ing|ed)|pictured|file photo|photo(?:graph)? by|\(photo|credit:|getty images|ap photo|illustration)\b/i;
// A one-sentence noun phrase with a depiction participle and no finite verb ("Two envoys by a window,
// illustrating the stalemate.").
const CAPTION_SHAPE = new RegExp(
  `^[^.;:!?]{3,200}\\b(?:${DEPICTION_VERBS.join('|')})(?:ing)\\b[^.;:!?]*\\.?$`,
  'i',
);
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|said|says|told|will|would|did|does|do)\b/i;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const TERMINAL = /[.!?"')\]]$/;
const MAX_SHORT_LINES = 64;

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
    credit: 0,
    byline: 0,
    dateline: 0,
    related: 0,
    newsletter: 0,
    split: 0,
  };
  const notes: RemovalNote[] = [];
  const ctx = { removed, notes };
  let datelineText: string | undefined;
  const seen = new Set<string>();
  const shortLines: string[] = [];
  const out = new TextBuilder();
  let pendingBreak = false;
  let prevEndedSentence = true;

  // Characters since the last sentence punctuation: a run longer than maxRunChars gets a line break at a
  // space (or, in a run without spaces, anywhere), so no sentence handed to the NLP layer is unbounded.
  let run = 0;
  const appendRuns = (from: number, to: number) => {
    let s = from;
    for (let k = from; k < to; k++) {
      const c = original.charCodeAt(k);
      if (c === 46 || c === 33 || c === 63 || c === 59) {
        run = 0;
        continue;
      }
      if (++run < opts.maxRunChars) continue;
      const space = c === 32 || c === 9;
      if (space || (run >= opts.maxRunChars * 2 && !(c >= 0xdc00 && c <= 0xdfff))) {
        appendNormalised(out, original, s, k);
        out.insert('\n', k);
        removed.split++;
        s = space ? k + 1 : k;
        run = 0;
      }
    }
    appendNormalised(out, original, s, to);
  };

  const emit = (pieces: Piece[], paragraphBreak: boolean) => {
    if (out.size > 0) {
      const first = pieces[0]!;
      const firstChar = original[first.start] ?? '';
      const softWrap = !paragraphBreak && !prevEndedSentence && /[a-z]/.test(firstChar);
      out.insert(softWrap ? ' ' : '\n', first.start);
      if (!softWrap) run = 0;
    }
    let prevEnd = -1;
    for (const p of pieces) {
      if (prevEnd >= 0 && hasSpace(original, prevEnd, p.start)) out.insert(' ', p.start);
      appendRuns(p.start, p.end);
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
        const pieces = removeInline(original, r.start, r.end, ctx);
        if (pieces.length) emit(pieces, true);
      }
      pendingBreak = true;
      continue;
    }
    const bare = trimEndOf(raw, ' \t|:');
    if (words <= 12 && bare.length <= MAX_FURNITURE_LINE && BOILERPLATE.test(bare)) {
      const kind = furnitureLine(bare, words) ?? 'boilerplate';
      removed[kind]++;
      notes.push(note(kind, bare));
      continue;
    }
    const furniture = furnitureLine(raw, words);
    if (furniture) {
      removed[furniture]++;
      notes.push(note(furniture, raw));
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
    if (words <= 40 && raw.length <= MAX_FURNITURE_LINE && isCaption(raw)) {
      removed.caption++;
      notes.push(note('caption', raw));
      continue;
    }
    seen.add(key);
    // Repeated headlines sit near the top: a bounded list keeps this linear on long texts.
    if (isShort && shortLines.length < MAX_SHORT_LINES) shortLines.push(key);
    const dateline = datelineLength(raw);
    if (dateline > 0) {
      const text = raw.slice(0, dateline).trim();
      removed.dateline++;
      notes.push(note('dateline', text));
      datelineText ??= text;
      start = trimRange(original, start + dateline, end).start;
    }
    const pieces = removeInline(original, start, end, ctx);
    if (pieces.length === 0) continue;
    emit(pieces, pendingBreak || isShort);
    pendingBreak = false;
  }
  return {
    text: out.toString(),
    segments: out.segments,
    removed,
    notes,
    ...(datelineText !== undefined ? { dateline: datelineText } : {}),
  };
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

interface CleanContext {
  removed: Record<RemovalKind, number>;
  notes: RemovalNote[];
}

/** Longest headline taken after an inline "Also read:" label when no sentence end closes it. */
const MAX_INLINE_HEADLINE = 200;

/**
 * Splits a line into kept pieces around inline furniture: all-caps ADVERTISEMENT, related-article labels with
 * their headline, bracketed photo credits, Markdown link targets and emphasis markers.
 */
function removeInline(original: string, start: number, end: number, ctx: CleanContext): Piece[] {
  const text = original.slice(start, end);
  const cuts: Array<[number, number]> = [];
  const furniture = (kind: RemovalKind, a: number, b: number) => {
    cuts.push([a, b]);
    ctx.removed[kind]++;
    ctx.notes.push(note(kind, text.slice(a, b).trim()));
  };
  let markup = 0;
  for (const m of text.matchAll(INLINE_BOILERPLATE)) {
    cuts.push([m.index, m.index + m[0].length]);
    ctx.removed.boilerplate++;
  }
  for (const m of text.matchAll(RELATED_INLINE)) {
    const from = m.index + m[0].length;
    // The linked headline runs to the next sentence end, or to the end of a short line.
    const window = text.slice(from, from + MAX_INLINE_HEADLINE);
    const stop = /[.!?](?=\s|$)/.exec(window);
    const to = stop ? from + stop.index + 1 : text.length - from <= MAX_INLINE_HEADLINE ? text.length : from;
    furniture('related', m.index, to);
  }
  for (const m of text.matchAll(INLINE_CREDIT)) furniture('credit', m.index, m.index + m[0].length);
  // Markdown links [text](url): keep the text, drop the target.
  for (const m of text.matchAll(/\]\([^)\s]{1,500}\)/g)) {
    cuts.push([m.index + 1, m.index + m[0].length]);
    markup++;
  }
  for (const m of text.matchAll(/\[(?=[^\]]{1,300}\]\()/g)) {
    cuts.push([m.index, m.index + 1]);
    markup++;
  }
  for (const m of text.matchAll(/\*\*|__/g)) {
    cuts.push([m.index, m.index + 2]);
    markup++;
  }
  if (cuts.length === 0) return [{ start, end }];
  ctx.removed.markup += markup;
  cuts.sort((x, y) => x[0] - y[0]);
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

function hasSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SPACE.test(text[i]!)) return true;
  return false;
}

/** `text` without trailing characters from `chars` (a loop: `/[…]+$/` backtracks quadratically on long runs). */
function trimEndOf(text: string, chars: string): string {
  let e = text.length;
  while (e > 0 && chars.includes(text[e - 1]!)) e--;
  return text.slice(0, e);
}

/** A picture caption: credit words, or a depiction participle phrase, with no finite verb. */
function isCaption(line: string): boolean {
  return (CAPTION_WORDS.test(line) || CAPTION_SHAPE.test(line)) && !FINITE_VERB.test(line);
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
