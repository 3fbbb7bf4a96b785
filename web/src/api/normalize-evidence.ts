/** Tolerant readers for the evidence API: claims, documents and the timeline (src/engines/evidence). */
import { arr, isObj, num, pick, ref, str, unwrap } from './normalize.js';
import { unwrapList } from './endpoints.js';

export interface ClaimView {
  id: string;
  /** 'claim' (a stance claim) or 'event' (a coded event); both are suggestions to review. */
  kind: string;
  /** For events: the event type and the parties. */
  eventType?: string;
  parties?: string[];
  actor?: string;
  issue?: string;
  direction?: string;
  position?: number;
  redLine: boolean;
  quote?: string;
  start?: number;
  end?: number;
  document?: string;
  date?: string;
  confidence?: number;
  status: 'pending' | 'accepted' | 'rejected';
}

export interface DocumentView {
  id: string;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  text?: string;
  cluster?: string;
  duplicates?: number;
}

export interface TimelineItem {
  date: string;
  kind: string;
  actors: string[];
  issue?: string;
  summary: string;
  quote?: string;
}

/** A suggestion's review status: the store says suggested / accepted / rejected. */
function status(v: unknown): ClaimView['status'] {
  const s = String(v ?? '').toLowerCase();
  return s.startsWith('accept') ? 'accepted' : s.startsWith('reject') ? 'rejected' : 'pending';
}

/** A stored suggestion `{id, docId, status, kind, claim | event}` or a flat claim record. */
export function readClaim(item: unknown): ClaimView | undefined {
  if (!isObj(item)) return undefined;
  const id = str(item.id);
  if (!id) return undefined;
  const inner = isObj(item.claim) ? item.claim : isObj(item.event) ? item.event : {};
  const o: Record<string, unknown> = { ...inner, ...item };
  if (isObj(inner.quote)) o.quote = inner.quote;
  const q = isObj(o.quote) ? o.quote : isObj(o.span) ? o.span : o;
  const parties = [...arr(inner.actors), ...arr(inner.targets)]
    .map((p) => (isObj(p) ? (ref(pick(p, 'actor', 'id')) ?? str(pick(p, 'text', 'name'))) : str(p)))
    .filter((x): x is string => !!x);
  return {
    id,
    kind: str(item.kind) ?? (isObj(item.event) ? 'event' : 'claim'),
    eventType: isObj(item.event) ? str(inner.type) : undefined,
    parties: parties.length ? parties : undefined,
    actor: ref(pick(o, 'actor', 'actorId')) ?? parties[0],
    issue: ref(pick(o, 'issue', 'issueId')),
    direction: str(pick(o, 'direction', 'kind', 'type')),
    position: num(o.position),
    redLine: Boolean(pick(o, 'redLine', 'isRedLine', 'nonNegotiable')),
    quote: str(pick(q, 'text', 'quote')) ?? str(o.quote),
    start: num(pick(q, 'start', 'offset')),
    end: num(pick(q, 'end')),
    document: ref(pick(o, 'docId', 'document', 'documentId', 'doc', 'source', 'sourceId')),
    date: str(pick(o, 'date', 'asOf')),
    confidence: num(o.confidence),
    status: status(pick(o, 'status', 'decision', 'review')),
  };
}

export function readClaims(body: unknown): ClaimView[] {
  return unwrapList<unknown>(body, 'suggestions')
    .map(readClaim)
    .filter((c): c is ClaimView => !!c);
}

export function readDocument(body: unknown): DocumentView | undefined {
  const o = unwrap(body);
  const d = isObj(o.document) ? o.document : o;
  const id = str(d.id);
  if (!id) return undefined;
  return {
    id,
    title: str(d.title),
    publisher: str(d.publisher),
    date: str(d.date),
    url: str(pick(d, 'url', 'address')),
    text: str(pick(d, 'cleanText', 'cleaned', 'text', 'body')),
    cluster: str(pick(d, 'cluster', 'clusterId')),
    duplicates: num(pick(d, 'duplicates', 'duplicateCount')) ?? arr(d.duplicates).length,
  };
}

export function readDocuments(body: unknown): DocumentView[] {
  return unwrapList<unknown>(body, 'documents')
    .map(readDocument)
    .filter((d): d is DocumentView => !!d);
}

export function readTimeline(body: unknown): TimelineItem[] {
  return unwrapList<unknown>(body, 'timeline')
    .filter(isObj)
    .map((o) => {
      const inner = isObj(o.claim) ? o.claim : isObj(o.event) ? o.event : {};
      const x: Record<string, unknown> = { ...inner, ...o };
      const parties = [...arr(x.actors), ...arr(x.targets)]
        .map((a) => (isObj(a) ? ref(pick(a, 'actor', 'id')) : str(a)))
        .filter((a): a is string => !!a);
      const kind = str(pick(x, 'kind')) ?? str(x.type) ?? 'event';
      const quote = isObj(x.quote) ? str(x.quote.text) : str(x.quote);
      const described = str(pick(x, 'summary', 'description', 'text'));
      const verb = [
        str(x.direction) ?? (kind !== str(x.type) ? str(x.type) : undefined),
        x.redLine ? '(red line)' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return {
        date: str(pick(x, 'date', 'day')) ?? '',
        kind,
        actors: [...new Set([...(ref(x.actor) ? [ref(x.actor)!] : []), ...parties])],
        issue: ref(pick(x, 'issue', 'issueId')),
        summary: described ?? verb,
        quote,
      };
    })
    .filter((x) => x.date)
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
