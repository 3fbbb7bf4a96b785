/**
 * Event extraction: trigger phrases (triggers.ts) in a sentence, with the subject and object actor groups
 * found by shallow clause rules (syntax.ts), coded as PLOVER type/mode and CAMEO code (ontology.ts).
 * PLOVER's auxiliary modes decide what is kept: negated and hypothetical events are dropped; future
 * meetings and promises become AGREE (036/033), future force or sanctions become threats.
 */
import { referent } from './actors.js';
import { EVENT_TYPES, goldstein, quadClass, type EvidenceEventType, type PloverEvent } from './ontology.js';
import { compilePhrases, type PhraseSet } from './phrases.js';
import { LEXICON_TRIGGERS } from './lexicon.js';
import { TRIGGERS as HAND_RULES, type TriggerRule } from './triggers.js';
import {
  clauseEnd,
  findObject,
  findSubject,
  isFuture,
  isHedged,
  isHypothetical,
  isNegated,
  possessor,
  type SentenceScope,
} from './syntax.js';
import type { ActorMention, DateMention, Precision } from './types.js';

export interface EventParty {
  /** Case actor id when resolved. */
  actor?: string;
  /** Gazetteer code (RUS, USA, …). */
  code?: string;
  sector?: string;
  text: string;
  start: number;
  end: number;
}

export interface EvidenceEvent {
  type: EvidenceEventType;
  plover: PloverEvent;
  mode?: string;
  cameo: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  tense: 'past' | 'future';
  actors: EventParty[];
  targets: EventParty[];
  /** YYYY-MM-DD: a date written in the sentence, else the article date. */
  date?: string;
  datePrecision: Precision | 'article';
  place?: string;
  sentence: number;
  /** The trigger phrase in the cleaned text. */
  trigger: { start: number; end: number; text: string };
  /** The sentence quoted as evidence. */
  quote: { start: number; end: number; text: string };
  confidence: number;
}

/**
 * Regex source whose words match with either case of their first letter ("rejects", "Rejects"): headline
 * and sentence-initial capitals, without per-letter classes that would defeat the engine's literal search.
 * Letters inside classes and escapes are left alone, so explicit [A-Z] checks stay case-sensitive.
 */
export function caseless(source: string): string {
  let out = '';
  let inClass = false;
  let prev = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + source[i + 1];
      i++;
      if ((source[i] === 'p' || source[i] === 'P') && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        out += source.slice(i + 1, close + 1);
        i = close;
      }
      prev = 'x';
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      prev = c;
      continue;
    }
    if (c === '[') inClass = true;
    out += /[a-z]/.test(c) && !/[a-zA-Z]/.test(prev) ? `[${c}${c.toUpperCase()}]` : c;
    prev = c;
  }
  return out;
}

/** Hand-written rules first (they win ties), then the lexicon's. */
const TRIGGERS: TriggerRule[] = [...HAND_RULES, ...LEXICON_TRIGGERS];

let compiled: PhraseSet | undefined;
function phrases(): PhraseSet {
  compiled ??= compilePhrases(TRIGGERS.map((r) => caseless(r.phrase)));
  return compiled;
}

const ATTRIBUTIVE = /\b(?:the|a|an|this|that|its|their|his|her|our|newly|recently|jointly)\s+$/i;
/** A verb form used as a noun ("a list of demands", "the talks"). */
export const NOMINAL = /\b(?:the|a|an|its|their|his|her|our|of|these|those|any|such)\s+$/i;

export interface TriggerHit {
  rule: TriggerRule;
  start: number;
  end: number;
}

/** All trigger hits in `text` (the whole cleaned text), longest first where they overlap. */
export function findTriggers(text: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const h of phrases().find(text)) {
    const rule = TRIGGERS[h.pattern]!;
    const { start, end } = h;
    if (rule.object && !rule.object.test(text.slice(end, end + 120))) continue;
    // A participle used as an adjective ("the proposed framework", "a signed agreement") is no event.
    const before = text.slice(Math.max(0, start - 8), start);
    if (!rule.nominal) {
      if ((/ed$/i.test(text.slice(start, end)) && ATTRIBUTIVE.test(before)) || NOMINAL.test(before)) continue;
      // A lexicon verb form that is a noun or adjective in context: "the attack", "Israeli strikes hit".
      if (
        rule.lexicon &&
        /^[A-Z]/.test(text.slice(start, start + 1)) &&
        /(?:^|[.!?]\s+)$/.test(text.slice(Math.max(0, start - 3), start))
      )
        continue;
    }
    hits.push({ rule, start, end });
  }
  hits.sort(
    (a, b) =>
      a.start - b.start || b.end - a.end || Number(a.rule.lexicon ?? false) - Number(b.rule.lexicon ?? false),
  );
  const out: TriggerHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    // A word that is both a lexicon verb and noun ("shelling", "raids") is tried both ways.
    const sameWord =
      last && h.start === last.start && h.end === last.end && !!h.rule.nominal !== !!last.rule.nominal;
    if (last && h.start < last.end && !sameWord) continue;
    // "reached a ceasefire agreement": an agreement whose object is a truce is the ceasefire itself.
    if (h.rule.type === 'agree' && /cease-?fire|truce|armistice/i.test(text.slice(h.start, h.end)))
      out.push({ ...h, rule: CEASEFIRE_AGREED });
    else out.push(h);
  }
  return out;
}

const CEASEFIRE_AGREED: TriggerRule = { type: 'ceasefire', phrase: '', cameo: '0871' };

const toParty = (m: ActorMention): EventParty => ({
  text: m.text,
  start: m.start,
  end: m.end,
  ...(m.actor ? { actor: m.actor } : {}),
  ...(m.country ? { code: m.country } : {}),
  ...(m.sector ? { sector: m.sector } : {}),
});

const PLACE_RE =
  /\b(?:in|at)\s+(?:an?\s+|the\s+)?((?:[A-Z][\p{L}'’.-]+)(?:\s+(?:[A-Z][\p{L}'’.-]+|of|de))*)/gu;
const NOT_PLACE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|His|Her|Their|Its|An?|Russian|American|Ukrainian|European)\b/;

/** The place named by "in/at X" nearest after the trigger, else nearest before it. */
function placesIn(scope: SentenceScope): Array<{ name: string; pos: number }> {
  const out: Array<{ name: string; pos: number }> = [];
  for (const m of scope.text.slice(scope.start, scope.end).matchAll(PLACE_RE)) {
    const name = m[1]!.replace(/[.,'’]+$/, '');
    if (!NOT_PLACE.test(name)) out.push({ name, pos: scope.start + m.index });
  }
  return out;
}

function placeNear(places: Array<{ name: string; pos: number }>, at: number): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const { name, pos } of places) {
    const score = pos >= at ? pos - at : (at - pos) * 3;
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name;
}

export interface EventContext {
  articleDate?: string;
  dates: DateMention[];
}

/** Events of one sentence; `hits` are the trigger hits inside it. */
export function extractEvents(
  scope: SentenceScope,
  sentence: number,
  hits: TriggerHit[],
  ctx: EventContext,
): EvidenceEvent[] {
  const out: EvidenceEvent[] = [];
  const hedged = isHedged(scope);
  let lastSubject: ReturnType<typeof findSubject> | undefined;
  let places: Array<{ name: string; pos: number }> | undefined;
  const sentenceDates = ctx.dates.filter(
    (d) => d.start >= scope.start && d.end <= scope.end && d.precision !== 'year',
  );
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    // A threat is conditional by nature ("would regard … as targets"); other events must be asserted.
    if (isNegated(scope, hit.start) || (hit.rule.type !== 'threaten' && isHypothetical(scope, hit.start)))
      continue;
    // An infinitive governed by an earlier trigger ("threatened to impose", "offered to host", "agreed to
    // meet") makes one event: the outer one, unless the outer is "agree", which only marks intent.
    const prev = hits[i - 1];
    const infinitive = /\bto\s+$/i.test(scope.text.slice(Math.max(scope.start, hit.start - 4), hit.start));
    const governed = prev !== undefined && infinitive && prev.end > clauseStartOf(scope, hit.start);
    if (governed && prev.rule.type !== 'agree') continue;
    const next = hits[i + 1];
    if (next && hit.rule.type === 'agree' && /^\s+to\s+$/i.test(scope.text.slice(hit.end, next.start)))
      continue;
    // "diplomats accused of spying": a participle with no object is a passive description, not an event.
    if (hit.rule.type === 'accuse' && /^\s+(?:of|for)\b/i.test(scope.text.slice(hit.end, hit.end + 5)))
      continue;

    // A second verb phrase of the same subject ("accused Israel of … and called on …") keeps that subject.
    const coordinated =
      lastSubject &&
      /(?:^|[^,])\s+and\s+(?:then\s+|later\s+|also\s+)?$/i.test(
        scope.text.slice(Math.max(scope.start, hit.start - 12), hit.start),
      );
    const subject = hit.rule.nominal
      ? nominalAgent(scope, hit)
      : coordinated
        ? lastSubject!
        : findSubject(scope, hit.start, hit.end);
    if (subject.mentions.length === 0) continue;
    if (
      hit.rule.lexicon &&
      !hit.rule.nominal &&
      !coordinated &&
      subject.via === 'direct' &&
      !verbFollowsSubject(scope, subject.mentions[subject.mentions.length - 1]!.end, hit.start)
    )
      continue;
    lastSubject = subject;
    const actors = subject.mentions.map(toParty);
    const actorKeys = new Set(subject.mentions.map(referent));
    const targets = findObject(scope, hit.end)
      .filter((m) => !actorKeys.has(referent(m)))
      .map(toParty);

    const future = hit.rule.future === true || isFuture(scope, hit.start) || infinitive;
    const coding = codeEvent(
      hit.rule,
      // A passive's object precedes it ("the plan was rejected by …").
      subject.via === 'passive'
        ? scope.text.slice(clauseStartOf(scope, hit.start), hit.start)
        : scope.text.slice(hit.end, clauseEnd(scope, hit.end)),
      future,
      governed,
    );
    if (!coding) continue;
    let near: DateMention | undefined;
    for (const d of sentenceDates)
      if (!near || Math.abs(d.start - hit.start) < Math.abs(near.start - hit.start)) near = d;
    places ??= placesIn(scope);
    const place = placeNear(places, hit.end);
    let confidence = hit.rule.nominal ? 0.6 : hit.rule.lexicon ? 0.7 : 0.85;
    if (subject.via !== 'direct' && !hit.rule.nominal) confidence -= 0.15;
    if (subject.mentions.some((m) => m.kind === 'pronoun' || m.kind === 'role')) confidence -= 0.1;
    if (hedged) confidence -= 0.15;
    if (future) confidence -= 0.05;
    out.push({
      ...coding,
      tense: future ? 'future' : 'past',
      actors,
      targets,
      ...(near ? { date: near.date } : ctx.articleDate ? { date: ctx.articleDate } : {}),
      datePrecision: near ? near.precision : 'article',
      ...(place ? { place } : {}),
      sentence,
      trigger: { start: hit.start, end: hit.end, text: scope.text.slice(hit.start, hit.end) },
      quote: { start: scope.start, end: scope.end, text: scope.text.slice(scope.start, scope.end) },
      confidence: Math.round(Math.max(0.2, confidence) * 100) / 100,
    });
  }
  return dedupeEvents(out);
}

const SUPPORT_VERB =
  /\b(staged|stages|held|holds|organi[sz]ed|organi[sz]es|launched|launches|carried out|carries out|mounted|mounts|began|begins|started|starts|joined|joins|conducted|conducts|imposed|imposes|declared|declares|announced|announces|ordered|orders)\s+(?:a\s+|an\s+|the\s+|their\s+|its\s+|new\s+|fresh\s+)*(?:[\p{L}-]+\s+){0,2}$/u;
const FUNCTION_WORD =
  /^(?:after|before|in|on|of|for|with|at|to|from|by|and|or|but|the|a|an|its|their|his|her|said|says|that|as|over|since|during|amid)$/i;
/** Auxiliaries and adverbs allowed between a subject and a lexicon verb. */
const VERB_GROUP =
  /^(?:\s+[\p{Ll}-]+){0,2}(?:\s+(?:has|have|had|is|are|was|were|been|be|will|would|could|can|may|might|must|shall|should|did|does|do|not|never|also|then|again|later|jointly|reportedly|\p{Ll}+ly))*\s+$/u;
const NOT_IN_VERB_GROUP =
  /\b(?:after|before|in|on|of|for|with|at|to|from|by|and|or|but|the|a|an|that|who|which|said|says|as|over|during|amid|killed|wounded)\b/i;

/** A lexicon verb must follow its subject directly (head nouns, auxiliaries and adverbs between). */
function verbFollowsSubject(scope: SentenceScope, subjectEnd: number, tStart: number): boolean {
  const gap = scope.text.slice(subjectEnd, tStart);
  return VERB_GROUP.test(gap) && !NOT_IN_VERB_GROUP.test(gap);
}

/**
 * The source of a nominal event: its possessor ("Moscow's offensive"), a name or adjective right before it
 * ("Israeli strikes", "a US proposal"), its by-phrase agent ("an attack by the rebels"), or for talks the
 * parties after "between" ("talks between Israeli and Hamas delegations").
 */
function nominalAgent(scope: SentenceScope, hit: TriggerHit): ReturnType<typeof findSubject> {
  const own = possessor(scope, hit.start);
  if (own) return { mentions: [own], via: 'possessive' };
  // A support verb with the event noun as object: "staged a protest", "carried out raids".
  const support = SUPPORT_VERB.exec(scope.text.slice(Math.max(scope.start, hit.start - 60), hit.start));
  if (support) {
    const at = hit.start - support[0].length;
    const subject = findSubject(scope, at, at + support[1]!.length);
    if (subject.mentions.length) return subject;
  }
  const before = scope.mentions.filter((m) => m.end <= hit.start && referent(m) !== undefined).pop();
  const gap = before ? scope.text.slice(before.end, hit.start) : '';
  if (
    before &&
    before.kind !== 'metonym' &&
    /^\s+(?:[\p{Ll}-]+\s+)?$/u.test(gap) &&
    !FUNCTION_WORD.test(gap.trim()) &&
    !/ed$/.test(gap.trim())
  )
    return { mentions: [before], via: 'possessive' };
  const after = scope.text.slice(hit.end, hit.end + 14);
  if (/^\s+(?:by|between|among)\s/i.test(after)) {
    const obj = findObject(scope, hit.end, 60);
    if (obj.length && (/^\s+by\s/i.test(after) || obj.length > 1)) return { mentions: obj, via: 'passive' };
  }
  return { mentions: [], via: 'none' };
}

function clauseStartOf(scope: SentenceScope, at: number): number {
  const slice = scope.text.slice(scope.start, at);
  const m = /[;:]|\b(?:but|while|whereas|although|because|after|before|when|which|who)\b/g;
  let last = 0;
  for (const x of slice.matchAll(m)) last = x.index + x[0].length;
  return scope.start + last;
}

type Coding = Pick<EvidenceEvent, 'type' | 'plover' | 'mode' | 'cameo' | 'goldstein' | 'quadClass'>;

/** Applies the rule's refinements and the PLOVER auxiliary-mode rules for future events. */
function codeEvent(rule: TriggerRule, after: string, future: boolean, agreedTo: boolean): Coding | undefined {
  const base = EVENT_TYPES[rule.type].coding;
  let type = rule.type;
  let plover: PloverEvent = rule.plover ?? base.plover;
  let mode = rule.mode ?? base.mode;
  let cameo = rule.cameo ?? base.cameo;
  for (const [re, refined] of rule.refine ?? []) {
    if (re.test(after)) {
      cameo = refined.cameo;
      if (refined.plover) plover = refined.plover;
      if (refined.mode) mode = refined.mode;
      break;
    }
  }
  if (future) {
    if (type === 'meet' || type === 'consult') {
      plover = 'AGREE';
      cameo = '036';
      mode = undefined;
    } else if (type === 'aid') {
      plover = 'AGREE';
      cameo = '033';
      mode = undefined;
    } else if ((type === 'attack' || type === 'sanction') && !agreedTo) {
      type = 'threaten';
      plover = 'THREATEN';
      cameo = type === 'threaten' && rule.type === 'attack' ? '138' : '130';
      mode = rule.type === 'attack' ? 'violence' : 'restrict';
    } else if (type === 'retreat') {
      // An announced withdrawal or release is a verbal concession until implemented (PLOVER).
      type = 'concede';
      plover = 'CONCEDE';
    }
  }
  return {
    type,
    plover,
    ...(mode ? { mode } : {}),
    cameo,
    goldstein: goldstein(cameo),
    quadClass: quadClass(plover),
  };
}

function dedupeEvents(events: EvidenceEvent[]): EvidenceEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.type}|${e.actors
      .map((a) => a.actor ?? a.code)
      .sort()
      .join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
