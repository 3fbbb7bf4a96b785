/**
 * Stance claims: an actor demands, accepts, rejects or proposes something on a case issue, with an optional
 * position on the issue's scale (an option or anchor named in the object phrase), a red-line flag from
 * non-negotiability language, the quoted sentence with offsets, and a confidence. Three trigger shapes:
 * verbs ("Moscow rejects …"), nominals ("Kyiv's refusal to cede …") and predicates ("… is a non-starter
 * for Washington").
 */
import { referent } from './actors.js';
import { caseless } from './events.js';
import { compilePhrases, type PhraseSet } from './phrases.js';
import type { IssueMatcher, IssueMentionHit } from './issues.js';
import {
  clauseBefore,
  clauseEnd,
  findSubject,
  isHedged,
  isHypothetical,
  possessor,
  type SentenceScope,
} from './syntax.js';
import type { ActorMention, ClaimDirection } from './types.js';

export interface StanceClaim {
  /** Case actor id, or the gazetteer code when the case has no such actor. */
  actor: string;
  actorText: string;
  issue: string;
  direction: ClaimDirection;
  /** Option id or anchor value named in the object phrase (for `rejects`: the outcome rejected). */
  position?: string | number;
  value?: number;
  positionLabel?: string;
  redLine: boolean;
  sentence: number;
  trigger: { start: number; end: number; text: string };
  quote: { start: number; end: number; text: string };
  confidence: number;
}

type Shape = 'verb' | 'nominal' | 'predicate';

interface ClaimRule {
  direction: ClaimDirection;
  shape: Shape;
  phrase: string;
  redLine?: boolean;
  /** A modal demand in reported speech: the speaker, not the clause subject, holds it. */
  speakerHeld?: boolean;
}

const RULES: ClaimRule[] = [
  // rejects — strongest wording first so "will never accept" is not read as "accept"
  {
    direction: 'rejects',
    shape: 'verb',
    phrase:
      "(?:will|would|could|can)\\s+never\\s+(?:accept|agree to|allow|recogni[sz]e|cede|give up|surrender|tolerate|sign|trade away)|never\\s+(?:accept|agree to|recogni[sz]e|cede)|(?:cannot|can't|can not)\\s+(?:\\w+\\s+)?(?:accept|agree to|allow|recogni[sz]e|cede|give up|surrender|tolerate)",
    redLine: true,
  },
  // "would never lay down its arms", "there will be no truce": categorical refusals of what follows.
  {
    direction: 'rejects',
    shape: 'verb',
    phrase:
      '(?:will|would|could|can|shall)\\s+never\\s+(?:\\w+\\s+)?(?=\\w)|(?:there\\s+)?(?:will|would|can|could)\\s+be\\s+no(?=\\s)|under no circumstances\\s+(?:will|would|can|could)\\s+(?:\\w+\\s+){0,3}?(?:accept|agree to|allow|hand|give|cede|recogni[sz]e|sign|withdraw|negotiate)\\w*',
    redLine: true,
  },
  // Plain negated acceptance is a rejection; it is a red line only if red-line words go with it.
  {
    direction: 'rejects',
    shape: 'verb',
    phrase:
      "(?:won't|will not|would not|wouldn't|does not|doesn't|do not|don't|did not|didn't|(?:is|are|am) not going to)\\s+(?:\\w+\\s+)?(?:accept|agree to|allow|recogni[sz]e|cede|give up|give away|hand over|surrender|tolerate|support|back|withdraw|pull out|pull back)",
  },
  {
    direction: 'rejects',
    shape: 'verb',
    phrase:
      '(?:refused|refuses|refusing|declined|declines)\\s+to\\s+(?:accept|recogni[sz]e|cede|give up|surrender|discuss|consider|allow|withdraw|sign|negotiate|countenance|trade)|rejected|rejects|rejecting|reject(?=\\s+(?:a|an|the|any|all|its|his|her|their)\\s)|opposed|opposes|opposing|ruled out|rules out|ruling out|dismissed|dismisses|rebuffed|rebuffs|balked at|balks at|resisted|resists|resisting|spurned|vetoed',
  },
  {
    direction: 'rejects',
    shape: 'nominal',
    phrase:
      '(?:reluctance|unwillingness)\\s+to\\s+(?:agree to|accept|consider|discuss)|(?:refusal|refusing)\\s+to\\s+(?:accept|recogni[sz]e|cede|give up|surrender|discuss|consider|allow|withdraw)|opposition to|rejection of|stance against|position against|objections? to|veto of',
  },
  {
    direction: 'rejects',
    shape: 'predicate',
    phrase:
      '(?:is|are|was|were|remains?|remained|(?:would|will|could)\\s+be)\\s+(?:a\\s+|an\\s+)?(?:\\w+\\s+)?(?:non-starters?|nonstarters?|unacceptable|out of the question|dead on arrival|a red line|red lines|not up for (?:discussion|negotiation|debate))|(?:is|are)\\s+(?:essentially\\s+|simply\\s+)?DOA',
    redLine: true,
  },
  // "X is non-negotiable / indispensable": the proposition X is what the holder insists on (a demand).
  {
    direction: 'demands',
    shape: 'predicate',
    phrase:
      '(?:is|are|was|were|remains?|remained|(?:would|will|could)\\s+be)\\s+(?:a\\s+|an\\s+)?(?:\\w+\\s+)?(?:non-negotiable|nonnegotiable|not negotiable|indispensable|an? (?:absolute\\s+)?(?:precondition|prerequisite|must)|a condition)',
    redLine: true,
  },
  {
    direction: 'rejects',
    shape: 'predicate',
    phrase:
      '(?:is|are|was|were|remains?|remained|(?:would|will|could)\\s+be)\\s+(?:now\\s+|firmly\\s+)?(?:off the table|not on the (?:agenda|table))',
  },
  // demands
  {
    direction: 'demands',
    shape: 'verb',
    phrase:
      'demanded|demands|demanding|demand(?=\\s+(?:that|a|an|the|full|its|their))|insisted on|insists on|insisting on|insisted that|insists that|called for|calls for|calling for|pressed for|presses for|pressing for|pushed for|pushes for|pushing for|wants|wanted|needs(?!\\s+to\\b)|needed(?!\\s+to\\b)|seeks|sought|seeking|requires|required|requiring|urged|urges|made clear it wants|conditioned|conditions\\s+\\w+\\s+on|is holding out for|held out for|holds out for',
  },
  {
    direction: 'demands',
    shape: 'nominal',
    phrase:
      '(?:\\w+\\s+)?demands?\\s+(?:for|of|that|on|include|revolve|centre|center)|insistence on|insistence that|calls? for|push for|pursuit of|precondition|preconditions|condition that|conditions for',
  },
  {
    direction: 'demands',
    shape: 'verb',
    speakerHeld: true,
    phrase:
      '(?:should|must|has to|have to|needs? to|ought to)\\s+(?:lift|ease|end|withdraw|recogni[sz]e|accept|cede|give up|stop|halt|drop|abandon|guarantee|provide|agree to|pull out|pull back|release|respect|return|leave|hand over|disarm|include|ensure|involve|provide for|guarantee)',
  },
  // accepts
  {
    direction: 'accepts',
    shape: 'verb',
    phrase:
      'accepted|accepts|accepting|accept(?=\\s+(?:a|an|the|any|its|their)\\s)|agreed to|agrees to|agreed in principle to|(?:is|are|was|were|has been|remains?)\\s+(?:now\\s+)?(?:open|willing|ready|prepared)\\s+to\\s+(?:accept|discuss|consider|negotiat|release|free|withdraw|cede|hand over|return|sign|implement|exchange|recogni[sz]|lift|ease)\\w*|(?:is|are|was|were|remains?)\\s+open\\s+to|backed|backs|backing|endorsed|endorses|supported|supports|supporting|welcomed|welcomes|embraced|embraces|signed off on|can live with|would accept|could accept|(?:agreed|promised|offered|pledged)\\s+to\\s+(?:open|begin|start|resume|hold)\\s+(?:direct\\s+|new\\s+|formal\\s+)?(?:talks|negotiations)\\s+(?:on|over|about)|signalled openness to|signaled openness to|signalled readiness to|signaled readiness to',
  },
  {
    direction: 'accepts',
    shape: 'nominal',
    phrase:
      'acceptance of|support for|openness to|readiness to accept|willingness to accept|endorsement of|backing for|backing of',
  },
  // proposes
  {
    direction: 'proposes',
    shape: 'verb',
    phrase:
      '(?:stands|stood|is|are|was|were)\\s+(?:ready|prepared|willing)\\s+to\\s+(?:provide|send|deploy|offer|contribute|host|guarantee|lead)',
  },
  {
    direction: 'proposes',
    shape: 'verb',
    phrase:
      'proposed|proposes|proposing|propose(?=\\s)|put forward|puts forward|offered|offers|offering|suggested|suggests|floated|floats|tabled|unveiled|unveils|presented|presents|drafted',
  },
  {
    direction: 'proposes',
    shape: 'nominal',
    phrase: '(?:proposal|plan|offer|initiative|framework)\\s+(?:for|to|on|that)',
  },
];

export const RED_LINE =
  /\b(?:categorically|definitely not|not up for discussion|whatever the price|at any price|today, tomorrow or ever|indispensable|non-negotiable|nonnegotiable|non-starters?|red lines?|will never|would never|never accept|under no circumstances|not up for (?:negotiation|discussion|debate)|cannot accept|can't accept|unacceptable|no compromise|will not compromise|out of the question|dead on arrival|DOA|not negotiable|absolute(?:ly)? (?:rejection|refus\w+)|firm stance against|steadfast in (?:his|her|its|their) refusal|refusal to surrender)\b/i;

let compiled: PhraseSet | undefined;
function phrases(): PhraseSet {
  compiled ??= compilePhrases(RULES.map((r) => caseless(r.phrase)));
  return compiled;
}

export interface ClaimHit {
  rule: ClaimRule;
  start: number;
  end: number;
}

export function findClaimTriggers(text: string): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const h of phrases().find(text)) hits.push({ rule: RULES[h.pattern]!, start: h.start, end: h.end });
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ClaimHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}

const NEGATED_BEFORE = /\b(?:not|n't|never|no longer|nor)\s+(?:\w+\s+)?$/i;
const RETRACTED =
  /\b(?:dropped|drops|abandon\w*|withdr[ae]w\w*|soften\w*|gave up|give up|relax\w*)\s+(?:its|his|her|their|the)\s+(?:\w+\s+)?$/i;
const NOMINAL = /\b(?:the|a|an|its|their|his|her|our|of|these|those|any|such)\s+$/i;

export function extractClaims(
  scope: SentenceScope,
  sentence: number,
  hits: ClaimHit[],
  issueHits: IssueMentionHit[],
  issues: IssueMatcher,
): StanceClaim[] {
  const out: StanceClaim[] = [];
  if (issueHits.length === 0) return out;
  const sentenceText = scope.text.slice(scope.start, scope.end);
  const hedged = isHedged(scope);
  // Verb triggers that read as nouns ("the demand") neither make claims nor end another claim's object.
  const verbHits = hits.filter(
    (x) =>
      x.rule.shape === 'verb' && !NOMINAL.test(scope.text.slice(Math.max(scope.start, x.start - 8), x.start)),
  );
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const before = scope.text.slice(Math.max(scope.start, hit.start - 40), hit.start);
    let direction = hit.rule.direction;
    if (hit.rule.shape === 'verb' && NOMINAL.test(before.slice(-8))) continue;
    // "dropped its demand for …" withdraws the stance rather than stating it.
    if (RETRACTED.test(before)) continue;
    const negated = hit.rule.direction !== 'rejects' && NEGATED_BEFORE.test(before.slice(-30));
    if (negated) {
      if (direction !== 'accepts') continue;
      direction = 'rejects';
    }
    const clause = clauseBefore(scope, hit.start);
    // "would accept" is stated willingness, unless it sits in a question ("whether Moscow would accept").
    const willingness = /^(?:would|could)\s/i.test(scope.text.slice(hit.start, hit.end));
    if (willingness && /\b(?:whether|if|unless|unclear)\b/i.test(clause)) continue;
    if (
      !willingness &&
      !hit.rule.speakerHeld &&
      hit.rule.shape !== 'predicate' &&
      isHypothetical(scope, hit.start)
    )
      continue;

    const objectStart = hit.rule.shape === 'predicate' ? Math.max(scope.start, hit.start - 200) : hit.end;
    // The object runs to the clause end or the next verb trigger ("refuses to cede land and seeks …").
    const nextVerb = verbHits.find((x) => x.start >= hit.end);
    const objectEnd =
      hit.rule.shape === 'predicate'
        ? hit.start
        : Math.min(clauseEnd(scope, hit.end), hit.end + 200, nextVerb ? nextVerb.start : scope.end);

    const holders: Array<[ActorMention, string]> = [];
    if (hit.rule.speakerHeld) {
      // "He added that the West should lift its sanctions": the speaker holds the demand.
      const speech = lastSpeechVerb(scope, hit.start);
      const s = speech ? findSubject(scope, speech.start, speech.end) : undefined;
      if (s && s.mentions[0]) holders.push([s.mentions[0], 'speaker']);
    } else if (hit.rule.shape === 'predicate') {
      // "X is a non-starter for Moscow": the issue precedes, the holder follows (or is the speaker).
      const after = holderAfter(scope, hit.end);
      if (after) holders.push([after, 'direct']);
      else {
        const s = findSubject(scope, hit.start, hit.end);
        const m = s.mentions.find((x) => !issueHits.some((ih) => ih.start <= x.start && x.end <= ih.end));
        if (m) holders.push([m, 'speaker']);
      }
    } else if (hit.rule.shape === 'nominal') {
      // "Moscow's insistence on …"; "his refusal to …" takes the clause subject; a bare noun has no holder.
      const owner = possessor(scope, hit.start);
      if (owner) holders.push([owner, 'possessive']);
      else if (/\b(?:his|her|its|their)\s+(?:[\w-]+\s+){0,2}$/i.test(before)) {
        const s = findSubject(scope, hit.start, hit.end);
        if (s.mentions[0]) holders.push([s.mentions[0], s.via]);
      }
    } else {
      const s = findSubject(scope, hit.start, hit.end);
      if (s.mentions.length === 0) {
        const owner = possessor(scope, hit.start);
        if (owner) holders.push([owner, 'possessive']);
      } else for (const m of s.mentions) holders.push([m, s.via]); // coordinated subjects each hold it
    }
    if (holders.length === 0) continue;
    const prevEnd = h > 0 ? hits[h - 1]!.end : scope.start;
    const redLineHere =
      hit.rule.redLine === true ||
      RED_LINE.test(
        scope.text.slice(
          Math.max(prevEnd, hit.start - 80),
          // The red-line words may close the sentence ("…, which it calls non-negotiable").
          hit.rule.shape === 'predicate' ? hit.end : nextVerb ? nextVerb.start : scope.end,
        ),
      );
    // An issue phrase may begin inside the trigger ("refusal to surrender" + "surrender territory").
    const objectIssues = issueHits.filter((ih) =>
      hit.rule.shape === 'predicate'
        ? ih.start >= objectStart && ih.end <= objectEnd
        : ih.start >= hit.start && ih.end > hit.end && ih.end <= objectEnd,
    );
    for (const [m, how] of holders) {
      const actor = referent(m);
      if (!actor) continue;
      const seen = new Set<string>();
      for (const ih of objectIssues) {
        if (seen.has(ih.issue)) continue;
        seen.add(ih.issue);
        const pos = issues.position(ih.issue, scope.text.slice(objectStart, objectEnd));
        let confidence = 0.85;
        if (how !== 'direct') confidence -= 0.1;
        if (m.kind === 'pronoun' || m.kind === 'role') confidence -= 0.1;
        if (hedged) confidence -= 0.15;
        if (willingness) confidence -= 0.1;
        if (negated) confidence -= 0.05;
        if (ih.weak) confidence -= 0.15;
        out.push({
          actor,
          actorText: m.text,
          issue: ih.issue,
          direction,
          ...(pos ? { position: pos.position, value: pos.value, positionLabel: pos.label } : {}),
          redLine: (direction === 'rejects' || direction === 'demands') && redLineHere,
          sentence,
          trigger: { start: hit.start, end: hit.end, text: scope.text.slice(hit.start, hit.end) },
          quote: { start: scope.start, end: scope.end, text: sentenceText },
          confidence: Math.round(Math.max(0.2, confidence) * 100) / 100,
        });
      }
    }
  }
  return dedupeClaims(out);
}

const SPEECH = /\b(?:said|says|told|added|insisted|stressed|argued|declared|warned|wrote|stated)\b/gi;

function lastSpeechVerb(scope: SentenceScope, before: number): { start: number; end: number } | undefined {
  let last: { start: number; end: number } | undefined;
  const text = scope.text.slice(scope.start, before);
  for (const m of text.matchAll(SPEECH))
    last = { start: scope.start + m.index, end: scope.start + m.index + m[0].length };
  return last;
}

/** The holder in "… is a non-starter for Moscow" / "… unacceptable to Kyiv" / "… DOA in Moscow". */
function holderAfter(scope: SentenceScope, at: number): ActorMention | undefined {
  const m = /^\s*(?:,\s*)?(?:for|to|in|with|among)\s+/i.exec(scope.text.slice(at, at + 12));
  if (!m) return undefined;
  const from = at + m[0].length;
  return scope.mentions.find((x) => x.start >= from && x.start <= from + 4 && referent(x) !== undefined);
}

function dedupeClaims(claims: StanceClaim[]): StanceClaim[] {
  const best = new Map<string, StanceClaim>();
  for (const c of claims) {
    const key = `${c.actor}|${c.issue}|${c.direction}`;
    const prior = best.get(key);
    if (
      !prior ||
      c.confidence > prior.confidence ||
      (c.confidence === prior.confidence && c.position !== undefined && prior.position === undefined)
    )
      best.set(key, c);
  }
  return [...best.values()];
}
