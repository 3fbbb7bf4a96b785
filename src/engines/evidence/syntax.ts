/**
 * Shallow clause analysis shared by event and claim extraction: who is the subject of a trigger (nearest
 * coordinated actor group in its clause, not inside a prepositional phrase; the agent of a passive; the
 * speaker of reported speech), who is its object, and whether it is negated, hypothetical or future.
 * Rules in the spirit of pattern-based event coders (KEDS/TABARI: Schrodt, "Automated Coding of
 * International Event Data Using Sparse Parsing Techniques", 1998) without a full parse.
 */
import { isPlace, referent } from './actors.js';
import type { ActorMention } from './types.js';

export interface SentenceScope {
  /** The whole cleaned text and the sentence bounds inside it. */
  text: string;
  start: number;
  end: number;
  /** Actor mentions inside the sentence (places included; filtered here). */
  mentions: ActorMention[];
}

const CLAUSE_BREAK =
  /(?:[;:(—–]|\s-\s|"|,\s+as\b|\b(?:but|while|whereas|although|though|because|after|before|when|since|until|unless|if|which|who|whom|that|where|amid|despite|with)\b)/g;
const PREPOSITION_BEFORE =
  /(?:\b(?:with|to|against|on|of|for|by|from|about|over|toward|towards|than|at|in|into|between|among|amid|including|like|unlike|despite|under|via|without|upon|behind|through)\s+(?:the\s+|its\s+|their\s+)?|-\s*)$/i;
const COORD = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|as well as\s+|together with\s+|along with\s+)(?:the\s+)?$/;
const SPEECH_VERB =
  /^\s*(?:said|says|stated|told|added|insisted|declared|warned|noted|argued|stressed|wrote)\b/;

export interface Party {
  mentions: ActorMention[];
  /** How the subject was found; used to lower confidence for indirect routes. */
  via: 'direct' | 'passive' | 'speaker' | 'possessive' | 'none';
}

const usable = (m: ActorMention) => referent(m) !== undefined && !isPlace(m);

/** Start of the clause containing `at` (an offset in the text). */
export function clauseStart(scope: SentenceScope, at: number): number {
  const slice = scope.text.slice(scope.start, at);
  let last = 0;
  for (const m of slice.matchAll(CLAUSE_BREAK)) last = m.index + m[0].length;
  return scope.start + last;
}

/** End of the clause that starts after `at`. */
export function clauseEnd(scope: SentenceScope, at: number): number {
  const slice = scope.text.slice(at, scope.end);
  const m =
    /(?:[;:(—–]|\s-\s|,\s+(?:which|who|while|but|although|as|after|before|when|whereas|saying|adding|amid)\b|\b(?:but|while|whereas|although|because|unless|once|until|if|provided|as long as|before|after)\b)/.exec(
      slice,
    );
  return m ? at + m.index : scope.end;
}

/**
 * Groups adjacent mentions joined by "and" ("the United States and Russia", "France, Germany and Italy").
 * A comma alone does not join ("According to Lavrov, Russia …"): comma-joined groups without an "and" split.
 */
function groups(scope: SentenceScope, ms: ActorMention[]): ActorMention[][] {
  const out: Array<{ members: ActorMention[]; and: boolean }> = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    const prev = last?.members[last.members.length - 1];
    const between = prev ? scope.text.slice(prev.end, m.start) : '';
    if (last && prev && COORD.test(between)) {
      last.members.push(m);
      if (/\band\b|&|as well as|together with|along with/.test(between)) last.and = true;
    } else out.push({ members: [m], and: false });
  }
  return out.flatMap((g) => (g.and || g.members.length === 1 ? [g.members] : g.members.map((m) => [m])));
}

/** A quantity head whose "of" phrase is the real subject: "Thousands of Israelis rallied". */
const QUANTITY_OF =
  /\b(?:thousands|hundreds|dozens|scores|millions|tens of thousands|hundreds of thousands|a crowd|crowds|a group|groups|a number|members|supporters)\s+of\s+(?:the\s+)?$/i;

function governedByPreposition(scope: SentenceScope, m: ActorMention): boolean {
  if (m.kind === 'pronoun') return false;
  const before = scope.text.slice(Math.max(scope.start, m.start - 30), m.start);
  return PREPOSITION_BEFORE.test(before) && !QUANTITY_OF.test(before);
}

/** A possessive or compound modifier ("Russia's list", "US-Russia talks") is not a subject on its own. */
function isModifier(scope: SentenceScope, m: ActorMention): boolean {
  const after = scope.text.slice(m.end, m.end + 3);
  if (/^-\s?\p{L}/u.test(after)) return true;
  if (m.kind === 'title') return false;
  return /^['’]s?\s/.test(after);
}

const dedupe = (ms: ActorMention[]) => {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = referent(m)!;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** The subject of a trigger at [tStart, tEnd). */
export function findSubject(scope: SentenceScope, tStart: number, tEnd: number): Party {
  const before = scope.mentions.filter((m) => m.end <= tStart && usable(m));
  // Passive: "was rejected by Moscow", or a reduced relative: "a truce proposed by Washington".
  const beforeText = scope.text.slice(Math.max(scope.start, tStart - 20), tStart);
  const participle =
    /(?:ed|en|put forward|drawn up|drew up|set out|laid out)$/i.test(scope.text.slice(tStart, tEnd)) &&
    /^\s+by\s/i.test(scope.text.slice(tEnd, tEnd + 5));
  if (participle || /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/i.test(beforeText)) {
    const by = /^\s+by\s+/i.exec(scope.text.slice(tEnd, tEnd + 6));
    if (by) {
      const agent = scope.mentions.filter((m) => m.start >= tEnd && usable(m));
      const g = groups(scope, agent)[0];
      if (g && g[0]!.start - tEnd <= by[0].length + 12) return { mentions: dedupe(g), via: 'passive' };
    }
  }
  const cStart = clauseStart(scope, tStart);
  const pick = (candidates: ActorMention[]) => {
    const gs = groups(scope, candidates).filter(
      (g) => !governedByPreposition(scope, g[0]!) && !isModifier(scope, g[g.length - 1]!),
    );
    return gs[gs.length - 1];
  };
  const inClause = pick(before.filter((m) => m.start >= cStart));
  if (inClause) return { mentions: dedupe(inClause), via: 'direct' };
  // Reported speech after a quote: "'…,' Lavrov said" or "'…,' said Lavrov".
  const quote = /["”]\s*,?\s+(?:(?:said|says|added|stated|insisted|declared|warned)\s+)?/.exec(
    scope.text.slice(tEnd, scope.end),
  );
  if (quote) {
    const at = tEnd + quote.index + quote[0].length;
    const speaker = scope.mentions.find((m) => m.start >= at && m.start <= at + 4 && usable(m));
    const verbAfter = speaker && SPEECH_VERB.test(scope.text.slice(speaker.end, speaker.end + 16));
    if (speaker && (verbAfter || /said|says|added|stated|insisted|declared|warned/.test(quote[0])))
      return { mentions: [speaker], via: 'speaker' };
  }
  // The clause has no subject of its own (a "that"/"who" clause or an infinitive): fall back to the
  // nearest subject-like group earlier in the sentence — the speaker or the relative clause's antecedent.
  const opener = scope.text.slice(Math.max(scope.start, cStart - 12), cStart);
  // "… said after meeting Trump": a gerund clause takes the main clause's subject.
  const gerund =
    /\b(?:after|before|while|when|during)\s*$/i.test(opener) && /ing\b/i.test(scope.text.slice(tStart, tEnd));
  if (
    gerund ||
    /(?:\b(?:that|who|which|whom)|[:"])\s*$/i.test(opener) ||
    /^\s*to\s/i.test(scope.text.slice(tStart - 4, tStart + 1))
  ) {
    const earlier = pick(before.filter((m) => m.start < cStart));
    if (earlier) return { mentions: dedupe(earlier), via: 'speaker' };
  }
  // A subject that is only a possessor: "Russia's demand for …" handled by callers via possessor().
  return { mentions: [], via: 'none' };
}

/** The possessor directly before a nominal trigger: "Moscow's refusal", "Ukraine's president's demand". */
export function possessor(scope: SentenceScope, tStart: number): ActorMention | undefined {
  const m = scope.mentions.filter((x) => x.end <= tStart && usable(x)).pop();
  if (!m) return undefined;
  const between = scope.text.slice(m.end, tStart);
  return /^['’]s?\s+(?:[\p{L}-]+\s+){0,3}$/u.test(between) ? m : undefined;
}

/** The object group after a trigger, inside its clause and within `window` characters. */
export function findObject(scope: SentenceScope, tEnd: number, window = 90): ActorMention[] {
  const end = Math.min(clauseEnd(scope, tEnd), tEnd + window);
  const after = scope.mentions.filter((m) => m.start >= tEnd && m.end <= end && usable(m));
  const g = groups(scope, after)[0];
  return g ? dedupe(g) : [];
}

const NEGATION =
  /\b(?:not|n't|never|no longer|failed to|fails to|fail to|without|refused to|refuses to|declined to|declines to|nor|neither|unable to|cannot|no)\s+(?:\w+\s+){0,2}$/i;
const HYPOTHETICAL =
  /\b(?:could|might|may|would|should|must|if|unless|whether|possible|possibly|potential(?:ly)?|likely|perhaps|probably|hypothetical|speculat\w+|rumou?r\w*|reportedly considering)\b/i;
const FUTURE =
  /\b(?:will|shall|'ll|set to|expected to|scheduled to|due to|plans? to|planning to|going to|intends? to|hopes? to|agreed to|aims? to|wants? to|seeks? to|ready to|prepared to|willing to|offered to|promised to|pledged to|vowed to|upcoming|next)\b/i;

/** Text of the clause before the trigger. */
export function clauseBefore(scope: SentenceScope, tStart: number): string {
  return scope.text.slice(clauseStart(scope, tStart), tStart);
}

export function isNegated(scope: SentenceScope, tStart: number): boolean {
  return NEGATION.test(scope.text.slice(Math.max(scope.start, tStart - 40), tStart));
}

const CONDITIONAL_OPENING = /\s*(?:should|if|unless|were)\b/iy;

export function isHypothetical(scope: SentenceScope, tStart: number): boolean {
  const clause = clauseBefore(scope, tStart);
  if (HYPOTHETICAL.test(clause)) return true;
  // Conditional sentence openings ("Should talks fail, …", "If Moscow agrees, …").
  CONDITIONAL_OPENING.lastIndex = scope.start;
  return CONDITIONAL_OPENING.test(scope.text) && !/,/.test(clause);
}

export function isFuture(scope: SentenceScope, tStart: number): boolean {
  return (
    FUTURE.test(clauseBefore(scope, tStart)) ||
    FUTURE.test(scope.text.slice(Math.max(scope.start, tStart - 25), tStart))
  );
}

/** Whether a trigger is reported by the writer rather than an actor ("analysts say", "is believed to"). */
export function isHedged(scope: SentenceScope): boolean {
  return /\b(?:analysts?|experts?|observers?|critics?|commentators?|speculation|reportedly|is believed|are believed|widely (?:understood|seen|expected)|appears? to|seems? to)\b/i.test(
    scope.text.slice(scope.start, scope.end),
  );
}
