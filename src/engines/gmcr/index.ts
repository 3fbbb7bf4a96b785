/**
 * Graph Model for Conflict Resolution (Fang, Hipel & Kilgour 1993): the public list of the stability engine.
 *
 * Conventions: options are grouped by decision maker (first decision maker's options first) and bit k of a
 * state code is option k; states are numbered 1.. in ascending code order among the feasible ones (the
 * gmcr-py numbering of docs/models/GMCR.md §1.1); payoffs are integers, higher = more preferred, equal = indifferent.
 * Results index states from 0 internally (`stable[concept][player][s]`) and report ordered numbers (s + 1).
 */
export * from './types.js';
export {
  buildModel,
  estimateMemory,
  formatBytes,
  type GmcrModel,
  type BuildOptions,
  type BuildResult,
} from './model.js';
export { ynOf, codeOfYn, patternOf, MAX_OPTIONS } from './states.js';
export { rankingOf, MAX_STATEMENTS } from './preferences.js';
export { buildPlayers, movesFrom, improvementsFrom, type Player as GmcrPlayer } from './moves.js';
export { isStableDirect, reachableFrom, type SanctionSearch } from './direct.js';
export {
  analyzeStability,
  equilibriaOf,
  COALITION_SMR_MAX_STATES,
  type StabilityOptions,
  type StabilityResult,
} from './analyze.js';
export { parseExpression, MAX_TERMS, type ExpressionResult } from './expressions.js';
export {
  conflictFromCase,
  compileConflict,
  toCaseIssues,
  type CompiledConflict,
  type CompileResult,
} from './from-case.js';
export {
  analyzePartition,
  coalitionImprovements,
  coalitionNash,
  parsePartition,
  COALITION_NASH_MAX_STATES,
  type PartitionComparison,
  type CoalitionNashResult,
} from './coalitions.js';
export {
  statusQuoAnalysis,
  moveTree,
  type MoveTree,
  type MoveTreeNode,
  type StatusQuoResult,
  type StatusQuoOptions,
  type ReachedState,
  type Step as StatusQuoStep,
} from './status-quo.js';
export {
  inverseGmcr,
  inverseConditions,
  type InverseOptions,
  type InverseResult,
  type ConceptConditions,
  type MoveCondition,
} from './inverse.js';
export { validateConflicts } from './validate-conflicts.js';
export { presentStability } from './present.js';
export {
  stabilityOfCase,
  gmcrModelOfCase,
  parseConcepts,
  StabilityInputError,
  StabilityTooLargeError,
  type CaseStabilityOptions,
} from './of-case.js';
