/**
 * Language processing with wink-nlp and its packaged English model: sentences (split again at line breaks,
 * which the cleaned text uses for paragraphs and headings), token count, date and number entities with
 * character offsets; dates are resolved against the article date (dates.ts).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { resolveDate } from './dates.js';
import type { DateMention, NumberMention, Sentence } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;
/** The slice of wink's item API used here (its typings give `each` callbacks no parameter type). */
interface ItemLike {
  out(f?: unknown): unknown;
}
let nlp: Nlp | undefined;

/** The shared wink instance (the model loads once, ~80 ms); POS tagging is off — it costs 2–3× the time. */
function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'ner']);
  return nlp;
}

export interface TextAnalysis {
  sentences: Sentence[];
  dates: DateMention[];
  numbers: NumberMention[];
  tokenCount: number;
}

const FUTURE =
  /\b(?:will|shall|going to|plans? to|is set to|are set to|next|upcoming|expected to|scheduled)\b/i;

export function analyseText(text: string, articleDate: string | undefined): TextAnalysis {
  const w = getNlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out() as string[];
  // Token character offsets: wink keeps the text verbatim, so each token is found at or after the cursor.
  const starts = new Int32Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const at = text.indexOf(v, cursor);
    starts[i] = at < 0 ? cursor : at;
    cursor = at < 0 ? cursor : at + v.length;
  }
  const tokenEnd = (i: number) => starts[i]! + values[i]!.length;

  const sentences: Sentence[] = [];
  const paragraphStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) paragraphStarts.push(i + 1);
  let paragraph = 0;
  const pushSentence = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    while (paragraph + 1 < paragraphStarts.length && paragraphStarts[paragraph + 1]! <= start) paragraph++;
    sentences.push({ index: sentences.length, start, end, paragraph, text: text.slice(start, end) });
  };
  doc.sentences().each((s: ItemLike) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    if (values.length === 0 || a > b) return;
    const start = starts[a]!;
    const end = tokenEnd(b);
    let from = start;
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < end; nl = text.indexOf('\n', from)) {
      pushSentence(from, nl);
      from = nl + 1;
    }
    pushSentence(from, end);
  });

  const dates: DateMention[] = [];
  const numbers: NumberMention[] = [];
  doc.entities().each((e: ItemLike) => {
    const type = e.out(its.type) as string;
    const [a, b] = e.out(its.span) as unknown as [number, number];
    const start = starts[a]!;
    const end = tokenEnd(b);
    const surface = text.slice(start, end);
    if (type === 'DATE') {
      const sentence = sentences.find((s) => s.start <= start && end <= s.end);
      const resolved = resolveDate(surface, articleDate, sentence ? FUTURE.test(sentence.text) : false);
      if (resolved) dates.push({ text: surface, start, end, ...resolved });
    } else if (type === 'CARDINAL' || type === 'MONEY' || type === 'PERCENT' || type === 'ORDINAL') {
      const kind =
        type === 'CARDINAL'
          ? 'cardinal'
          : type === 'MONEY'
            ? 'money'
            : type === 'PERCENT'
              ? 'percent'
              : 'ordinal';
      const num = /-?\d[\d,]*(?:\.\d+)?/.exec(surface);
      const value = num ? Number(num[0].replace(/,/g, '')) : undefined;
      numbers.push({
        text: surface,
        start,
        end,
        kind,
        ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
      });
    }
  });
  return { sentences, dates, numbers, tokenCount: values.length };
}
