/** Types of the GMCR engine: the conflict spec (defined beside the case model) and the stability concepts. */
export type {
  GmcrCondition,
  GmcrConflictSpec,
  GmcrDecisionMakerSpec,
  GmcrDirection,
  GmcrIssue,
  GmcrLiteral,
  GmcrOptionSpec,
  GmcrPreferenceSpec,
  GmcrRankingEntry,
  GmcrTerm,
} from '../../case/schema-conflict.js';

export const STABILITY_CONCEPTS = ['Nash', 'GMR', 'SMR', 'SEQ', 'SIM', 'SEQ+SIM'] as const;
export type StabilityConcept = (typeof STABILITY_CONCEPTS)[number];
