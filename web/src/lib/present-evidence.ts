/**
 * Evidence items (src/contract/evidence.ts: stance claims and coded events with their review state) as the
 * rows of the review list and the timeline; and the quote cut out of its article for highlighting.
 */
import type { EvidenceItem } from '../api/types.js';

export interface ClaimView {
  id: string;
  kind: EvidenceItem['kind'];
  /** For events: the event type and the parties. */
  eventType?: string | undefined;
  parties?: string[] | undefined;
  actor?: string | undefined;
  issue?: string | undefined;
  direction?: string | undefined;
  position?: number | undefined;
  redLine: boolean;
  quote: string;
  /** The quote's offsets in the document's cleaned text. */
  start: number;
  end: number;
  document: string;
  date?: string | undefined;
  confidence: number;
  status: 'pending' | 'accepted' | 'rejected';
}

export interface TimelineItem {
  date: string;
  kind: EvidenceItem['kind'];
  actors: string[];
  issue?: string | undefined;
  summary: string;
  quote: string;
}

/** Parties of an event: the case actor where resolved, else the words of the article. */
const partiesOf = (item: EvidenceItem) =>
  item.kind === 'event' ? [...item.actors, ...item.targets].map((p) => p.actor ?? p.text) : [];

export function presentItem(item: EvidenceItem): ClaimView {
  const parties = partiesOf(item);
  const common = {
    id: item.id,
    kind: item.kind,
    quote: item.quote.text,
    start: item.quote.start,
    end: item.quote.end,
    document: item.documentId,
    date: item.date ?? undefined,
    confidence: item.confidence,
    status: item.status === 'suggested' ? ('pending' as const) : item.status,
  };
  if (item.kind === 'claim')
    return {
      ...common,
      actor: item.actor,
      issue: item.issue,
      direction: item.direction,
      position: item.value ?? (typeof item.position === 'number' ? item.position : undefined),
      redLine: item.redLine,
    };
  return {
    ...common,
    eventType: item.type,
    parties: parties.length ? parties : undefined,
    actor: parties[0],
    direction: item.type,
    redLine: false,
  };
}

/** Dated items, newest first. */
export function presentTimeline(items: readonly EvidenceItem[]): TimelineItem[] {
  return items
    .filter((x): x is EvidenceItem & { date: string } => x.date !== null)
    .map((x) => ({
      date: x.date,
      kind: x.kind,
      actors: x.kind === 'claim' ? [x.actor] : [...new Set(partiesOf(x))],
      issue: x.kind === 'claim' ? x.issue : undefined,
      summary:
        x.kind === 'claim' ? [x.direction, x.redLine ? '(red line)' : ''].filter(Boolean).join(' ') : x.type,
      quote: x.quote.text,
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** Splits text around the quote so it can be highlighted without building HTML. */
export function splitAroundQuote(
  text: string,
  quote: string | undefined,
  start?: number,
  end?: number,
): [string, string, string] | undefined {
  if (start !== undefined && end !== undefined && end > start && end <= text.length) {
    if (
      !quote ||
      text.slice(start, end).replace(/\s+/g, ' ').trim() === quote.replace(/\s+/g, ' ').trim() ||
      !text.includes(quote)
    )
      return [text.slice(0, start), text.slice(start, end), text.slice(end)];
  }
  if (!quote) return undefined;
  const k = text.indexOf(quote);
  return k < 0 ? undefined : [text.slice(0, k), quote, text.slice(k + quote.length)];
}
