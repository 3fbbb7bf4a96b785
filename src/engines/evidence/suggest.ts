/**
 * From claims and events to proposed case updates, for review (never applied silently): a dated, sourced
 * stance when the claim states a position or moves a red line, otherwise the quote as new evidence on the
 * actor's latest stance; a source entry for the article; a case event for an extracted event.
 */
import type { Case, Event, RedLine, Source, SourceRef, Stance } from '../../case/index.js';
import type { EvidenceEvent } from './events.js';
import type { StanceClaim } from './claims.js';

/** What the pipeline knows about the article a claim came from. */
export interface ArticleRef {
  contentHash: string;
  date?: string;
  title?: string;
  publisher?: string;
  url?: string;
  /** First line of the cleaned text, used as a title when there is none. */
  lead?: string;
}

export type SuggestedUpdate =
  | { kind: 'stance'; source: Source; stance: Stance; replaces?: number; summary: string }
  | { kind: 'evidence'; source: Source; stanceIndex: number; ref: SourceRef; summary: string }
  | { kind: 'source'; source: Source; summary: string };

export type SuggestResult =
  { ok: true; update: SuggestedUpdate; warnings: string[] } | { ok: false; code: string; message: string };

const DEFAULT_SALIENCE = 50;
const MAX_QUOTE = 600;

/** A case-file source id for an article: `news-<date>-<8 hex of the content hash>`. */
export function sourceIdFor(article: ArticleRef): string {
  return `news-${article.date ?? 'undated'}-${article.contentHash.slice(0, 8)}`;
}

export function sourceFor(article: ArticleRef): Source | undefined {
  if (!article.date) return undefined;
  const title =
    (article.title ?? article.lead ?? 'Untitled article').trim().slice(0, 500) || 'Untitled article';
  return {
    id: sourceIdFor(article),
    title,
    ...(article.publisher ? { publisher: article.publisher.slice(0, 200) } : {}),
    date: article.date,
    ...(article.url && /^https?:\/\/\S+$/i.test(article.url) ? { url: article.url } : {}),
    kind: 'article',
  };
}

function refFor(source: Source, claim: { quote: { start: number; end: number; text: string } }): SourceRef {
  const quote =
    claim.quote.text.length > MAX_QUOTE ? `${claim.quote.text.slice(0, MAX_QUOTE - 1)}…` : claim.quote.text;
  return { source: source.id, quote, start: claim.quote.start, end: claim.quote.end };
}

/** The update a reviewer accepts for `claim`; errors say why none can be made. */
export function suggestFromClaim(c: Case, claim: StanceClaim, article: ArticleRef): SuggestResult {
  const actor = c.actors.find((a) => a.id === claim.actor);
  if (!actor)
    return {
      ok: false,
      code: 'actor_not_in_case',
      message: `"${claim.actorText}" (${claim.actor}) is not an actor of case "${c.id}"; add it or an alias first`,
    };
  const issue = c.issues.find((i) => i.id === claim.issue);
  if (!issue)
    return {
      ok: false,
      code: 'issue_not_in_case',
      message: `issue "${claim.issue}" is not in case "${c.id}"`,
    };
  const source = sourceFor(article);
  if (!source)
    return {
      ok: false,
      code: 'no_date',
      message:
        'the article has no date, so a dated stance cannot be made; give the date in the input metadata',
    };
  const warnings: string[] = [];
  const date = source.date;
  let priorIndex = -1;
  c.stances.forEach((s, i) => {
    if (
      s.actor === actor.id &&
      s.issue === issue.id &&
      s.date <= date &&
      (priorIndex < 0 || s.date >= c.stances[priorIndex]!.date)
    )
      priorIndex = i;
  });
  const prior = priorIndex >= 0 ? c.stances[priorIndex] : undefined;
  const ref = refFor(source, claim);
  const what = `${actor.name} ${claim.direction} ${claim.positionLabel ? `"${claim.positionLabel}" on ` : ''}${issue.name}${claim.redLine ? ' (red-line language)' : ''}`;

  const statesPosition = claim.position !== undefined && claim.direction !== 'rejects';
  const redLine = deriveRedLine(issue, claim, prior?.redLine);
  if (!statesPosition && !redLine) {
    if (prior)
      return {
        ok: true,
        update: {
          kind: 'evidence',
          source,
          stanceIndex: priorIndex,
          ref,
          summary: `${what}: quote added as evidence to the stance of ${prior.date}`,
        },
        warnings,
      };
    warnings.push(
      'no position on the scale could be read from the text and the actor has no earlier stance on this issue: only the source is added',
    );
    return {
      ok: true,
      update: { kind: 'source', source, summary: `${what}: source added (set the position by hand)` },
      warnings,
    };
  }
  const position = statesPosition ? claim.position! : prior?.position;
  if (position === undefined) {
    warnings.push('the red line was read but there is no position yet: only the source is added');
    return { ok: true, update: { kind: 'source', source, summary: `${what}: source added` }, warnings };
  }
  const stance: Stance = {
    actor: actor.id,
    issue: issue.id,
    date,
    position,
    salience: prior?.salience ?? DEFAULT_SALIENCE,
    ...(redLine ? { redLine } : prior?.redLine ? { redLine: prior.redLine } : {}),
    note: `From evidence (${claim.direction}, confidence ${claim.confidence}): ${claim.trigger.text}`.slice(
      0,
      4000,
    ),
    sources: [ref],
  };
  if (!prior) warnings.push(`no earlier stance: salience set to the default ${DEFAULT_SALIENCE}; review it`);
  const sameDay = prior && prior.date === date ? priorIndex : undefined;
  return {
    ok: true,
    update: {
      kind: 'stance',
      source,
      stance,
      ...(sameDay !== undefined ? { replaces: sameDay } : {}),
      summary: `${what}: new stance dated ${date}`,
    },
    warnings,
  };
}

/**
 * Red line from non-negotiability language on an options scale: rejecting option X makes every other
 * option acceptable (narrowed by an earlier red line); demanding X makes X the only acceptable option.
 */
function deriveRedLine(
  issue: Case['issues'][number],
  claim: StanceClaim,
  prior: RedLine | undefined,
): RedLine | undefined {
  if (!claim.redLine || claim.position === undefined || issue.scale.kind !== 'options') return undefined;
  const ids = issue.scale.options.map((o) => o.id);
  const previous = prior?.options ?? ids;
  let options: string[];
  if (claim.direction === 'rejects') options = previous.filter((id) => id !== claim.position);
  else if (claim.direction === 'demands') options = [String(claim.position)];
  else return undefined;
  if (options.length === 0) return undefined;
  return { options, note: `From evidence: ${claim.trigger.text}` };
}

/** A case event for an extracted event (only case actors are kept; none → undefined). */
export function suggestEvent(
  c: Case,
  event: EvidenceEvent,
  article: ArticleRef,
  id: string,
): Event | undefined {
  const known = new Set(c.actors.map((a) => a.id));
  const actors = [
    ...new Set(event.actors.map((a) => a.actor).filter((a): a is string => !!a && known.has(a))),
  ];
  const targets = [
    ...new Set(
      event.targets
        .map((a) => a.actor)
        .filter((a): a is string => !!a && known.has(a) && !actors.includes(a)),
    ),
  ];
  const source = sourceFor(article);
  if (actors.length === 0 || !event.date || !source) return undefined;
  const type = event.type === 'other' ? 'other' : event.type;
  return {
    id,
    date: event.date,
    type,
    actors,
    targets,
    ...(event.place ? { place: event.place.slice(0, 200) } : {}),
    summary: event.quote.text.slice(0, 4000),
    sources: [refFor(source, event)],
  };
}
