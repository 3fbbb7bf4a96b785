/**
 * Evidence routes: documents (full-text search), suggested claims and events for review, review decisions,
 * the timeline and ingest. Items are the evidence engine's records flattened with their review state and
 * document. The engine's own fields are open objects (the evidence engine may add fields); the review
 * fields the routes add are closed.
 */
import { z } from 'zod';
import { CaseIdParams, PageQuery, pageOf } from './common.js';
import { JobEnvelope } from './jobs.js';

// ---------------------------------------------------------------- requests

export const DocumentsQuery = PageQuery.extend({
  q: z.string().max(500).optional().describe('Full-text search.'),
});
export const REVIEW_STATUSES = ['suggested', 'accepted', 'rejected'] as const;
export const SuggestionsQuery = PageQuery.extend({
  status: z.string().max(40).optional().describe('suggested (alias pending), accepted, rejected or all.'),
  kind: z.string().max(40).optional().describe('claim or event (default both).'),
  actor: z.string().max(200).optional(),
  issue: z.string().max(200).optional(),
});
export const TimelineQuery = PageQuery.extend({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const DocParams = CaseIdParams.extend({ docId: z.string().min(1).max(200) });
export const SuggestionParams = CaseIdParams.extend({ sid: z.string().min(1).max(200) });
export const DecisionBody = z.object({ note: z.string().max(2000).optional() }).nullish();
export const IngestBody = z.record(z.string(), z.unknown()).default({});

// ---------------------------------------------------------------- responses

const TextSpan = z.object({ start: z.number(), end: z.number(), text: z.string() });
const ReviewFields = {
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  documentId: z.string(),
  documentTitle: z.string().nullable(),
  date: z.string().nullable(),
  /** Offsets in the document's original text. */
  start: z.number(),
  end: z.number(),
  createdAt: z.string(),
};
export const ClaimItem = z.object({
  ...ReviewFields,
  kind: z.literal('claim'),
  actor: z.string(),
  actorText: z.string(),
  issue: z.string(),
  direction: z.enum(['demands', 'accepts', 'rejects', 'proposes']),
  position: z.union([z.string(), z.number()]).optional(),
  value: z.number().optional(),
  positionLabel: z.string().optional(),
  redLine: z.boolean(),
  sentence: z.number(),
  trigger: TextSpan,
  quote: TextSpan,
  confidence: z.number(),
});
export type ClaimItem = z.infer<typeof ClaimItem>;
export const EventParty = z.object({
  actor: z.string().optional(),
  code: z.string().optional(),
  sector: z.string().optional(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
});
export const EventItem = z.object({
  ...ReviewFields,
  kind: z.literal('event'),
  type: z.string(),
  plover: z.string(),
  mode: z.string().optional(),
  cameo: z.string(),
  goldstein: z.number(),
  quadClass: z.number().int(),
  tense: z.enum(['past', 'future']),
  actors: z.array(EventParty),
  targets: z.array(EventParty),
  datePrecision: z.string(),
  place: z.string().optional(),
  sentence: z.number(),
  trigger: TextSpan,
  quote: TextSpan,
  confidence: z.number(),
});
export type EventItem = z.infer<typeof EventItem>;
export const EvidenceItem = z.discriminatedUnion('kind', [ClaimItem, EventItem]);
export type EvidenceItem = z.infer<typeof EvidenceItem>;
export const SuggestionList = pageOf(EvidenceItem);
export const TimelinePage = pageOf(EvidenceItem);

export const DocumentSummary = z.strictObject({
  id: z.string(),
  contentHash: z.string(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  origin: z.string(),
  clusterId: z.string(),
  duplicateKind: z.enum(['unique', 'exact', 'near']),
  similarity: z.number(),
  createdAt: z.string(),
  snippet: z.string().optional().describe('With ?q=: the matching passage.'),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentList = pageOf(DocumentSummary);
export const DocumentDetail = DocumentSummary.omit({ snippet: true }).extend({
  text: z.string(),
  cleanText: z.string(),
  segments: z.array(z.number()),
  removed: z.record(z.string(), z.number()),
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  claims: z.array(ClaimItem),
  events: z.array(EventItem),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DecisionResult = z.strictObject({
  item: EvidenceItem,
  caseVersion: z.number().int().nullable().describe('The case version the accepted item was written to.'),
  summary: z.string().nullable(),
});
export type DecisionResult = z.infer<typeof DecisionResult>;
export const IngestStarted = JobEnvelope;
