/**
 * Accepting a suggestion: the claim (or event) becomes a sourced update of the case file — the evidence
 * engine proposes it (`suggestFromClaim` / `suggestEvent`), the ingest adapter writes it into the YAML keeping
 * comments (`applyUpdate` / `applyEvent`) — saved as a new case version, then the decision is recorded.
 */
import {
  parseCase,
  sourceFor,
  suggestEvent,
  suggestFromClaim,
  type ArticleRef,
  type Case,
} from '../../../../index.js';
import { applyEvent, applyUpdate } from '../../../ingest/case-update.js';
import type { Store } from '../../../store/index.js';
import type { EvidenceRepository, StoredClaim, StoredEvent } from '../../../store/evidence-repo.js';
import { Problem } from '../../errors.js';

const cannot = (message: string) => new Problem(422, 'cannot_apply', 'Cannot apply the suggestion', message);

/** Applies an accepted item to the case; returns the new version and a summary of the change. */
export async function applyToCase(
  store: Store,
  repo: EvidenceRepository,
  caseId: string,
  item: StoredClaim | StoredEvent,
  author: string,
): Promise<{ version: number; summary: string }> {
  const current = await store.cases.get(caseId);
  if (!current) throw new Problem(404, 'not_found', 'Not found', `case "${caseId}" does not exist`);
  const doc = await repo.getDocument(caseId, item.docId);
  if (!doc) throw cannot(`the document "${item.docId}" this suggestion came from is gone`);
  const article: ArticleRef = {
    contentHash: doc.contentHash,
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    lead: doc.text.split('\n', 1)[0]?.slice(0, 200),
  };
  const c = current.case as Case;
  let result;
  if (item.kind === 'claim') {
    const s = suggestFromClaim(c, item.claim, article);
    if (!s.ok) throw cannot(s.message);
    result = applyUpdate(current.yaml, s.update);
  } else {
    const eventId = `evidence-${item.id}`
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')
      .slice(0, 80);
    const ev = suggestEvent(c, item.event, article, eventId);
    const source = sourceFor(article);
    if (!ev || !source) throw cannot('the event names no actor of this case, or its article has no date');
    result = applyEvent(current.yaml, ev, source);
  }
  if (!result.ok) throw cannot(result.message);
  const parsed = parseCase(result.text);
  if (!parsed.ok) throw cannot('the updated case would be invalid');
  const saved = await store.cases.save(caseId, {
    title: parsed.case.title,
    yaml: result.text,
    case: parsed.case,
    message: `evidence: ${result.summary}`,
    author,
    baseVersion: current.version,
  });
  return { version: saved.version, summary: result.summary };
}
