/**
 * The evidence engine: from article text to cleaned text, duplicate fingerprints, sentences, actor and
 * issue mentions, PLOVER/CAMEO-coded events and stance claims, and proposed case updates.
 *
 * Conventions: offsets are string indices into the cleaned text (`originalSpan` maps them back to the
 * input); dates are YYYY-MM-DD and arrive as arguments (the article date), never from a clock; every
 * extraction is a suggestion with a confidence in [0, 1] and a quoted sentence, for review.
 */
export type * from './types.js';
export {
  cleanText,
  note,
  type CleanResult,
  type CleanOptions,
  type RemovalKind,
  type RemovalNote,
} from './clean.js';
export { INLINE_LINK_CUE, RELATED_CUES } from './clean-rules.js';
export { toOriginalOffset, type OffsetSegments } from './offset-map.js';
export { resolveDate, findArticleDate } from './dates.js';
export { analyseText, type TextAnalysis } from './nlp.js';
export { detectLanguage, type LanguageGuess } from './language.js';
export {
  contentHash,
  minhashSignature,
  similarity as signatureSimilarity,
  bandKeys,
  clusterDocuments,
  NearDuplicateIndex,
  SIGNATURE_SIZE,
  BANDS,
  type ClusterAssignment,
  type NearMatch,
} from './dedupe.js';
export { createActorMatcher, resolveCarryOver, type ActorLike, type ActorMatcher } from './actors.js';
export {
  ENTITIES as GAZETTEER_ENTITIES,
  PERSONS as GAZETTEER_PERSONS,
  ROLES as GAZETTEER_ROLES,
} from './gazetteer.js';
export {
  createIssueMatcher,
  defaultIssueKeywords,
  ISSUE_THEMES,
  type IssueLike,
  type IssueMatcher,
} from './issues.js';
export {
  EVIDENCE_EVENT_TYPES,
  EVENT_TYPES,
  goldstein,
  quadClass,
  type EvidenceEventType,
  type PloverEvent,
  type EventCoding,
  type EventTypeInfo,
} from './ontology.js';
export type { EvidenceEvent, EventParty } from './events.js';
export { RED_LINE, type StanceClaim } from './claims.js';
export {
  analyseArticle,
  createEvidenceModel,
  originalSpan,
  type ArticleAnalysis,
  type EvidenceCaseLike,
  type EvidenceModel,
} from './pipeline.js';
export {
  suggestFromClaim,
  suggestEvent,
  sourceFor,
  sourceIdFor,
  type ArticleRef,
  type SuggestedUpdate,
  type SuggestResult,
} from './suggest.js';
export {
  evaluateExtraction,
  reliability,
  type ReliabilityBin,
  type EventKeying,
  eventKey,
  claimKey,
  type GoldItem,
  type GoldEvent,
  type GoldClaim,
  type Prf,
  type EvaluationReport,
} from './evaluate.js';
