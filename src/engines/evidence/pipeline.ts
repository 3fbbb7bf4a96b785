/**
 * One article through the pure pipeline: clean → language check → fingerprint → sentences, dates, numbers
 * → actor and issue mentions → events and stance claims. De-duplication across articles is the caller's
 * (dedupe.ts for a batch, the store for history); everything here is a function of the inputs.
 */
import { createActorMatcher, resolveCarryOver, type ActorLike, type ActorMatcher } from './actors.js';
import { extractClaims, findClaimTriggers, RED_LINE, type StanceClaim } from './claims.js';
import { cleanText, type CleanResult } from './clean.js';
import { findArticleDate } from './dates.js';
import { contentHash, minhashSignature } from './dedupe.js';
import { extractEvents, findTriggers, type EvidenceEvent } from './events.js';
import { createIssueMatcher, type IssueLike, type IssueMatcher, type IssueMentionHit } from './issues.js';
import { detectLanguage, type LanguageGuess } from './language.js';
import { analyseText } from './nlp.js';
import { toOriginalOffset } from './offset-map.js';
import { parseIso } from './calendar.js';
import { clauseEnd, type SentenceScope } from './syntax.js';
import type {
  ActorMention,
  ArticleInput,
  DateMention,
  EvidenceWarning,
  NumberMention,
  Sentence,
} from './types.js';

/** The case parts the pipeline reads (a full `Case` fits). */
export interface EvidenceCaseLike {
  actors: readonly ActorLike[];
  issues: readonly IssueLike[];
}

export interface EvidenceModel {
  actors: ActorMatcher;
  issues: IssueMatcher;
}

/** Compiles the case's actors and issues into matchers; build once per case, reuse for every article. */
export function createEvidenceModel(c: EvidenceCaseLike): EvidenceModel {
  return { actors: createActorMatcher(c.actors), issues: createIssueMatcher(c.issues) };
}

export interface ArticleAnalysis {
  title?: string;
  /** Publication date used (YYYY-MM-DD) and where it came from. */
  date?: string;
  dateSource: 'metadata' | 'text' | 'none';
  publisher?: string;
  url?: string;
  language: LanguageGuess;
  /** Set when the article was not analysed (not English, empty after cleaning). */
  skipped?: EvidenceWarning;
  clean: CleanResult;
  contentHash: string;
  /** MinHash signature for near-duplicate search; absent for very short texts. */
  signature?: Uint16Array;
  sentences: Sentence[];
  dates: DateMention[];
  numbers: NumberMention[];
  mentions: ActorMention[];
  events: EvidenceEvent[];
  claims: StanceClaim[];
  tokenCount: number;
  warnings: EvidenceWarning[];
}

/** Original-text offsets of a cleaned span (for showing a quote in place). */
export function originalSpan(
  a: Pick<ArticleAnalysis, 'clean'>,
  start: number,
  end: number,
): { start: number; end: number } {
  return {
    start: toOriginalOffset(a.clean.segments, start),
    end: toOriginalOffset(a.clean.segments, end, true),
  };
}

/** The stance an event of these types takes towards what it is about. */
const STANCE_OF: Partial<Record<EvidenceEvent['type'], StanceClaim['direction']>> = {
  demand: 'demands',
  reject: 'rejects',
  agree: 'accepts',
  support: 'accepts',
  propose: 'proposes',
};

/**
 * A stance-bearing event (a demand, rejection, agreement, endorsement or proposal) whose object names a case
 * issue states the actor's stance on it, even where no claim phrase matched ("urged both sides to open
 * humanitarian corridors"). Added at a lower confidence, and only where the claim rules said nothing on that
 * actor and issue.
 */
function claimsFromEvents(
  scope: SentenceScope,
  sentence: number,
  events: readonly EvidenceEvent[],
  issueHits: readonly IssueMentionHit[],
  already: readonly StanceClaim[],
  model: EvidenceModel,
): StanceClaim[] {
  const out: StanceClaim[] = [];
  const have = new Set(already.map((c) => `${c.actor}|${c.issue}`));
  for (const e of events) {
    const direction = STANCE_OF[e.type];
    if (!direction || e.tense === 'future') continue;
    const objectEnd = Math.min(clauseEnd(scope, e.trigger.end), e.trigger.end + 160);
    const about = issueHits.filter((ih) => ih.start >= e.trigger.end && ih.end <= objectEnd);
    for (const party of e.actors) {
      const actor = party.actor ?? party.code;
      if (!actor) continue;
      for (const ih of about) {
        const key = `${actor}|${ih.issue}`;
        if (have.has(key)) continue;
        have.add(key);
        const pos = model.issues.position(ih.issue, scope.text.slice(e.trigger.end, objectEnd));
        const redLine =
          (direction === 'demands' || direction === 'rejects') &&
          RED_LINE.test(scope.text.slice(scope.start, scope.end));
        out.push({
          actor,
          actorText: party.text,
          issue: ih.issue,
          direction,
          ...(pos ? { position: pos.position, value: pos.value, positionLabel: pos.label } : {}),
          redLine,
          sentence,
          trigger: e.trigger,
          quote: e.quote,
          confidence:
            Math.round(Math.max(0.2, Math.min(0.7, e.confidence - 0.1) - (ih.weak ? 0.1 : 0)) * 100) / 100,
        });
      }
    }
  }
  return out;
}

/** "… It called the demand non-negotiable." / "Officials called it a red line.": a cue about the stance just stated. */
const RED_LINE_AFTER =
  /\b(?:call(?:ed|s)?|describ(?:ed|es)|term(?:ed|s)|consider(?:ed|s)?|regard(?:ed|s)?)\s+(?:it|this|that|the\s+(?:\w+\s+)?\w+)\s+(?:as\s+)?(?:an?\s+)?(?:non-?negotiable|red\s+line|indispensable|absolute)|\b(?:it|this|that|the\s+(?:issue|demand|condition|question))\s+(?:is|was|remains|remained)\s+(?:an?\s+)?(?:non-?negotiable|red\s+line)/i;

function markRedLinesNamedAfter(sentences: readonly Sentence[], claims: StanceClaim[]): void {
  for (const s of sentences) {
    if (s.index === 0 || !RED_LINE_AFTER.test(s.text)) continue;
    const prev = sentences[s.index - 1]!;
    if (prev.paragraph !== s.paragraph) continue;
    for (const c of claims)
      if (c.sentence === prev.index && (c.direction === 'demands' || c.direction === 'rejects'))
        c.redLine = true;
  }
}

export function analyseArticle(article: ArticleInput, model: EvidenceModel): ArticleAnalysis {
  const warnings: EvidenceWarning[] = [];
  const clean = cleanText(article.text);
  let date = article.date;
  let dateSource: ArticleAnalysis['dateSource'] = 'metadata';
  if (date !== undefined && !parseIso(date)) {
    warnings.push({
      code: 'bad_article_date',
      message: `article date "${date}" is not a YYYY-MM-DD calendar date; ignored`,
    });
    date = undefined;
  }
  if (date === undefined) {
    // A dateline taken off by cleaning still dates the article.
    date = findArticleDate(clean.dateline ? `${clean.dateline}\n${clean.text}` : clean.text);
    dateSource = date ? 'text' : 'none';
    if (!date)
      warnings.push({
        code: 'no_article_date',
        message:
          'no publication date in the metadata or near the top of the text; relative dates ("on Friday") stay unresolved',
      });
  }
  const base = {
    ...(article.title ? { title: article.title } : {}),
    ...(date ? { date } : {}),
    dateSource,
    ...(article.publisher ? { publisher: article.publisher } : {}),
    ...(article.url ? { url: article.url } : {}),
    clean,
    contentHash: contentHash(clean.text),
  };
  const language = detectLanguage(clean.text);
  const empty = {
    sentences: [],
    dates: [],
    numbers: [],
    mentions: [],
    events: [],
    claims: [],
    tokenCount: 0,
  };
  if (clean.text.trim().length === 0) {
    const skipped = { code: 'empty', message: 'nothing left after removing page furniture' };
    return { ...base, language, skipped, ...empty, warnings };
  }
  if (!language.english) {
    const skipped = { code: 'not_english', message: `skipped: ${language.reason ?? 'not English'}` };
    return { ...base, language, skipped, ...empty, warnings };
  }
  const signature = minhashSignature(clean.text);
  const text = clean.text;
  const nlp = analyseText(text, date);
  const mentions = model.actors.find(text, date);
  resolveCarryOver(mentions, nlp.sentences);
  const issueHits = model.issues.find(text);
  const triggers = findTriggers(text);
  const claimTriggers = findClaimTriggers(text);

  const events: EvidenceEvent[] = [];
  const claims: StanceClaim[] = [];
  let mi = 0;
  let ii = 0;
  let ti = 0;
  let ci = 0;
  for (const s of nlp.sentences) {
    const inside = <T extends { start: number; end: number }>(list: T[], from: number): [T[], number] => {
      let i = from;
      while (i < list.length && list[i]!.start < s.start) i++;
      const items: T[] = [];
      let j = i;
      while (j < list.length && list[j]!.start < s.end) {
        if (list[j]!.end <= s.end) items.push(list[j]!);
        j++;
      }
      return [items, j];
    };
    let sm: ActorMention[];
    [sm, mi] = inside(mentions, mi);
    let si: typeof issueHits;
    [si, ii] = inside(issueHits, ii);
    let st: typeof triggers;
    [st, ti] = inside(triggers, ti);
    let sc: typeof claimTriggers;
    [sc, ci] = inside(claimTriggers, ci);
    if (sm.length === 0) continue;
    // A question asserts nothing: no event, no stance ("Would the army accept a truce?").
    if (/\?["”’')\]]*\s*$/.test(s.text)) continue;
    const scope: SentenceScope = { text, start: s.start, end: s.end, mentions: sm };
    const sentenceEvents = st.length
      ? extractEvents(scope, s.index, st, { ...(date ? { articleDate: date } : {}), dates: nlp.dates })
      : [];
    events.push(...sentenceEvents);
    const sentenceClaims = sc.length && si.length ? extractClaims(scope, s.index, sc, si, model.issues) : [];
    claims.push(
      ...sentenceClaims,
      ...claimsFromEvents(scope, s.index, sentenceEvents, si, sentenceClaims, model),
    );
  }
  markRedLinesNamedAfter(nlp.sentences, claims);
  return {
    ...base,
    language,
    ...(signature ? { signature } : {}),
    sentences: nlp.sentences,
    dates: nlp.dates,
    numbers: nlp.numbers,
    mentions,
    events,
    claims,
    tokenCount: nlp.tokenCount,
    warnings,
  };
}
