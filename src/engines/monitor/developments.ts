/**
 * Developments: what new claims and events mean for a case as it stands now. Four kinds —
 *   stance_shift     a claim whose position contradicts the actor's latest recorded stance on the issue;
 *   red_line_signal  red-line language on an issue, or a claimed position outside / at the edge of the
 *                    actor's recorded red line;
 *   first_mention    a claim by an actor on an issue the case has no stance for yet (or by an actor the case
 *                    does not list);
 *   key_event        an agreement, rejection, ceasefire or attack involving a veto player.
 * Each development links its evidence and is ranked by score = salience × confidence. Reports of the same
 * thing on the same day (same kind, actor, issue and content) are grouped into one development; copies of
 * one article (a duplicate cluster) count once towards its confidence.
 */
import type { Case } from '../../case/schema.js';
import { describeAcceptable, describeValue, stancesAsOf, type ResolvedStance } from '../../case/resolve.js';
import type { StanceClaim } from '../evidence/claims.js';
import type { EvidenceEvent } from '../evidence/events.js';

export const DEVELOPMENT_KINDS = ['stance_shift', 'red_line_signal', 'first_mention', 'key_event'] as const;
export type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

/** Where an observation was read: the stored document and its duplicate cluster. */
export interface ObservedArticle {
  docId: string;
  clusterId: string;
  title?: string | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
  date?: string | undefined;
}
export interface ObservedClaim {
  id: string;
  article: ObservedArticle;
  claim: StanceClaim;
}
export interface ObservedEvent {
  id: string;
  article: ObservedArticle;
  event: EvidenceEvent;
}

export interface EvidenceLink {
  /** The stored claim or event id (for the evidence review). */
  itemId: string;
  docId: string;
  clusterId: string;
  quote: string;
  confidence: number;
  title?: string | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
  date?: string | undefined;
}

export interface Development {
  /** Stable: the same kind, actor, issue, content and day always give the same id. */
  id: string;
  kind: DevelopmentKind;
  actor?: string | undefined;
  issue?: string | undefined;
  eventType?: string | undefined;
  /** YYYY-MM-DD of the reports (the article or event date; the run's date when undated). */
  date: string;
  summary: string;
  /** 0–1: how much this kind of news on this actor and issue matters to the case. */
  salience: number;
  /** 0–1: 1 − Π(1 − cᵢ) over independent reports (one per duplicate cluster, its best item). */
  confidence: number;
  score: number;
  evidence: EvidenceLink[];
}

/** Weights of the salience formula (documented in src/engines/monitor/README.md). */
export const SALIENCE = {
  kind: { red_line_signal: 1, stance_shift: 0.9, key_event: 0.8, first_mention: 0.5 } as Record<
    DevelopmentKind,
    number
  >,
  vetoActor: 1,
  caseActor: 0.6,
  unknownActor: 0.4,
  /** Issue weight when the actor has no stance on it (stance salience / 100 otherwise). */
  unknownIssue: 0.5,
  keyEventType: { agree: 1, ceasefire: 1, attack: 1, reject: 0.8 } as Record<string, number>,
};
/** Positions closer than this (scale points) to the recorded one are the same stance. */
export const SHIFT_TOLERANCE = 10;
/** A claimed position within this many points inside a red-line bound is "at the edge". */
export const EDGE_TOLERANCE = 5;
/** Shifts of this size or more get the full magnitude factor. */
export const FULL_SHIFT = 50;

export interface AssessOptions {
  /** Stances count as of this date (YYYY-MM-DD). */
  asOf: string;
  /** Date for observations whose article has none (the run's day). */
  fallbackDate: string;
}

interface Candidate {
  key: string;
  kind: DevelopmentKind;
  actor?: string;
  issue?: string;
  eventType?: string;
  date: string;
  summary: string;
  salience: number;
  link: EvidenceLink;
}

/** Compares new claims and events with the case and returns its developments, grouped and ranked. */
export function assessDevelopments(
  c: Case,
  observed: { claims: readonly ObservedClaim[]; events: readonly ObservedEvent[] },
  options: AssessOptions,
): Development[] {
  const ctx = context(c, options);
  const candidates = [
    ...observed.claims.flatMap((o) => claimCandidates(ctx, o)),
    ...observed.events.flatMap((o) => eventCandidates(ctx, o)),
  ];
  return rankDevelopments(group(candidates));
}

/** Adds newly observed evidence to a development already recorded (same id); idempotent per item. */
export function mergeDevelopment(existing: Development, fresh: Development): Development {
  const byItem = new Map(existing.evidence.map((l) => [l.itemId, l]));
  for (const l of fresh.evidence) if (!byItem.has(l.itemId)) byItem.set(l.itemId, l);
  const evidence = [...byItem.values()];
  const salience = Math.max(existing.salience, fresh.salience);
  const confidence = combinedConfidence(evidence);
  return {
    ...existing,
    summary: salience > existing.salience ? fresh.summary : existing.summary,
    salience,
    confidence,
    score: salience * confidence,
    evidence,
  };
}

/** Highest score first; ties by date (newest), then id, so the order is total. */
export function rankDevelopments(list: readonly Development[]): Development[] {
  return [...list].sort(
    (a, b) => b.score - a.score || b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
  );
}

/** Independent reports corroborate: one per duplicate cluster (its best item), combined as 1 − Π(1 − c). */
export function combinedConfidence(links: readonly EvidenceLink[]): number {
  const best = new Map<string, number>();
  for (const l of links) best.set(l.clusterId, Math.max(best.get(l.clusterId) ?? 0, l.confidence));
  let miss = 1;
  for (const c of best.values()) miss *= 1 - Math.min(1, Math.max(0, c));
  return 1 - miss;
}

interface Context {
  c: Case;
  options: AssessOptions;
  stances: ReturnType<typeof stancesAsOf>;
  actorName: (id: string) => string;
  issueName: (id: string) => string;
  actorWeight: (id: string) => number;
  isVeto: (id: string) => boolean;
}

function context(c: Case, options: AssessOptions): Context {
  const actors = new Map(c.actors.map((a) => [a.id, a]));
  const issues = new Map(c.issues.map((i) => [i.id, i]));
  return {
    c,
    options,
    stances: stancesAsOf(c, options.asOf),
    actorName: (id) => actors.get(id)?.name ?? id,
    issueName: (id) => issues.get(id)?.name ?? id,
    actorWeight: (id) => {
      const a = actors.get(id);
      return !a ? SALIENCE.unknownActor : a.veto ? SALIENCE.vetoActor : SALIENCE.caseActor;
    },
    isVeto: (id) => actors.get(id)?.veto === true,
  };
}

function linkFor(
  o: { id: string; article: ObservedArticle },
  quote: string,
  confidence: number,
): EvidenceLink {
  const a = o.article;
  return {
    itemId: o.id,
    docId: a.docId,
    clusterId: a.clusterId,
    quote,
    confidence,
    ...(a.title ? { title: a.title } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.publisher ? { publisher: a.publisher } : {}),
    ...(a.date ? { date: a.date } : {}),
  };
}

const round = (x: number) => Math.round(x);

function claimCandidates(ctx: Context, o: ObservedClaim): Candidate[] {
  const { claim } = o;
  const issue = ctx.c.issues.find((i) => i.id === claim.issue);
  if (!issue) return [];
  const date = o.article.date ?? ctx.options.fallbackDate;
  const link = linkFor(o, claim.quote.text, claim.confidence);
  const who = ctx.actorName(claim.actor);
  const what = ctx.issueName(claim.issue);
  const stance = ctx.stances.get(claim.actor, claim.issue);
  const base = { actor: claim.actor, issue: claim.issue, date, link };
  const weight = (kind: DevelopmentKind, issueWeight: number, factor = 1) =>
    SALIENCE.kind[kind] * ctx.actorWeight(claim.actor) * issueWeight * factor;
  const claimed =
    claim.value !== undefined ? (claim.positionLabel ?? describeValue(issue, claim.value)) : undefined;
  const out: Candidate[] = [];

  if (!stance) {
    const known = ctx.c.actors.some((a) => a.id === claim.actor);
    out.push({
      ...base,
      kind: 'first_mention',
      key: key('first_mention', claim.actor, claim.issue, date),
      summary: known
        ? `First report of ${who}'s position on ${what}: ${claim.direction}${claimed ? ` ${claimed}` : ''}`
        : `${claim.actorText} (${claim.actor}), not an actor of the case, ${claim.direction} on ${what}`,
      salience: weight('first_mention', SALIENCE.unknownIssue),
    });
  } else if (claim.value !== undefined) {
    const shift = shiftOf(stance, claim);
    if (shift !== undefined)
      out.push({
        ...base,
        kind: 'stance_shift',
        key: key('stance_shift', claim.actor, claim.issue, claim.direction, round(claim.value), date),
        summary:
          claim.direction === 'rejects'
            ? `${who} now rejects ${claimed} on ${what}, where the case records it holding ${describeValue(issue, stance.position)} (since ${stance.date})`
            : `${who} ${claim.direction} ${claimed} on ${what}; the case records ${describeValue(issue, stance.position)} (since ${stance.date})`,
        salience: weight('stance_shift', stance.salience / 100, 0.5 + 0.5 * Math.min(1, shift / FULL_SHIFT)),
      });
  }

  const issueWeight = stance ? stance.salience / 100 : SALIENCE.unknownIssue;
  const edge = stance?.redLine && claim.value !== undefined ? redLineEdge(stance, claim) : undefined;
  if (claim.redLine || edge) {
    const why = edge
      ? `${claimed} is ${edge} its recorded red line (${describeAcceptable(issue, stance!.redLine!)})`
      : `red-line language: "${claim.trigger.text}"`;
    out.push({
      ...base,
      kind: 'red_line_signal',
      key: key('red_line_signal', claim.actor, claim.issue, edge ?? 'language', date),
      summary: `${who} on ${what}: ${why}`,
      salience: weight('red_line_signal', issueWeight),
    });
  }
  return out;
}

/** Scale points between the claim and the recorded stance when they contradict, else undefined. */
function shiftOf(stance: ResolvedStance, claim: StanceClaim): number | undefined {
  const distance = Math.abs(claim.value! - stance.position);
  if (claim.direction === 'rejects') return distance <= SHIFT_TOLERANCE ? FULL_SHIFT : undefined;
  return distance > SHIFT_TOLERANCE ? distance : undefined;
}

/** "outside" / "at the edge of" the actor's red line for a position it accepts, proposes or demands. */
function redLineEdge(stance: ResolvedStance, claim: StanceClaim): 'outside' | 'at the edge of' | undefined {
  if (claim.direction === 'rejects') return undefined;
  const acc = stance.redLine!;
  const v = claim.value!;
  const inside = acc.values
    ? acc.values.some((x) => Math.abs(x - v) < 1e-9)
    : v >= acc.min - 1e-9 && v <= acc.max + 1e-9;
  if (!inside) return 'outside';
  const nearBound =
    (acc.min > 0 && v - acc.min <= EDGE_TOLERANCE) || (acc.max < 100 && acc.max - v <= EDGE_TOLERANCE);
  return nearBound ? 'at the edge of' : undefined;
}

const KEY_EVENTS = new Set(Object.keys(SALIENCE.keyEventType));

function eventCandidates(ctx: Context, o: ObservedEvent): Candidate[] {
  const { event } = o;
  if (!KEY_EVENTS.has(event.type)) return [];
  const parties = [...event.actors, ...event.targets].map((p) => p.actor).filter((a): a is string => !!a);
  const veto = [...new Set(parties.filter((a) => ctx.isVeto(a)))].sort();
  if (veto.length === 0) return [];
  const actor = event.actors.map((p) => p.actor).find((a) => a && ctx.isVeto(a)) ?? veto[0]!;
  const date = event.date ?? o.article.date ?? ctx.options.fallbackDate;
  const names = [...new Set(parties)].map((a) => ctx.actorName(a));
  return [
    {
      kind: 'key_event',
      key: key('key_event', event.type, ...veto, date),
      actor,
      eventType: event.type,
      date,
      summary: `${event.type} involving ${names.join(', ')}: "${event.trigger.text}"`,
      salience: SALIENCE.kind.key_event * SALIENCE.vetoActor * (SALIENCE.keyEventType[event.type] ?? 1),
      link: linkFor(o, event.quote.text, event.confidence),
    },
  ];
}

const key = (...parts: Array<string | number>) => parts.join('|');

function group(candidates: readonly Candidate[]): Development[] {
  const byKey = new Map<string, Candidate[]>();
  for (const cand of candidates) {
    const bucket = byKey.get(cand.key);
    if (bucket) bucket.push(cand);
    else byKey.set(cand.key, [cand]);
  }
  const out: Development[] = [];
  for (const [k, list] of byKey) {
    const top = list.reduce((a, b) => (b.salience > a.salience ? b : a));
    const evidence = [...new Map(list.map((x) => [x.link.itemId, x.link])).values()];
    const confidence = combinedConfidence(evidence);
    out.push({
      id: developmentId(k),
      kind: top.kind,
      ...(top.actor ? { actor: top.actor } : {}),
      ...(top.issue ? { issue: top.issue } : {}),
      ...(top.eventType ? { eventType: top.eventType } : {}),
      date: top.date,
      summary: top.summary,
      salience: top.salience,
      confidence,
      score: top.salience * confidence,
      evidence,
    });
  }
  return out;
}

/** A short stable id from the grouping key (FNV-1a, 2 × 32 bits), prefixed with the day. */
export function developmentId(groupKey: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < groupKey.length; i++) {
    const ch = groupKey.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x811c9dc5) >>> 0;
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `dev-${hex(h1)}${hex(h2)}`;
}
