/** Wire shapes of evidence items: claims and events flattened, with their document and dates. */
import type { DocumentSummary, StoredClaim, StoredEvent } from '../../../store/evidence-repo.js';

export function presentClaim(c: StoredClaim, doc?: DocumentSummary) {
  return {
    ...c.claim,
    id: c.id,
    kind: 'claim' as const,
    status: c.status,
    documentId: c.docId,
    documentTitle: doc?.title ?? null,
    date: doc?.date ?? null,
    start: c.origStart,
    end: c.origEnd,
    createdAt: c.createdAt,
  };
}

export function presentEvent(e: StoredEvent, doc?: DocumentSummary) {
  return {
    ...e.event,
    id: e.id,
    kind: 'event' as const,
    status: e.status,
    documentId: e.docId,
    documentTitle: doc?.title ?? null,
    date: e.event.date ?? doc?.date ?? null,
    start: e.origStart,
    end: e.origEnd,
    createdAt: e.createdAt,
  };
}
