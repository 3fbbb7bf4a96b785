/**
 * Graph-model (GMCR) conflicts: the plain conflict spec every front end compiles into (the case file's
 * `conflicts`, gmcr-py `.gmcr` files) and the zod schema of a conflict inside a case file.
 *
 * Conventions: options are referred to by their index in `options`; a condition is an OR of terms, a term an
 * AND of literals (GMCR.md §1.2). Ranking entries name states by ordered number (1-based, after the options
 * have been grouped by decision maker, GMCR.md §1.1) or by a full Y/N string in that grouped order.
 */
import { z } from 'zod';
export type GmcrDirection = 'both' | 'fwd' | 'back';

/** Option `option` taken (Y) or not taken (N). */
export interface GmcrLiteral {
  option: number;
  taken: boolean;
}
/** AND of literals. */
export type GmcrTerm = readonly GmcrLiteral[];
/** OR of terms; a plain condition has exactly one term. */
export type GmcrCondition = readonly GmcrTerm[];

export interface GmcrOptionSpec {
  id: string;
  name: string;
  /** `both` = reversible; `fwd` = once taken it stays taken; `back` = can only be withdrawn. */
  direction: GmcrDirection;
}

export type GmcrRankingEntry = number | string | readonly (number | string)[];

export type GmcrPreferenceSpec =
  | { kind: 'statements'; statements: readonly GmcrCondition[] }
  | { kind: 'ranking'; ranking: readonly GmcrRankingEntry[]; statements?: readonly GmcrCondition[] };

export interface GmcrDecisionMakerSpec {
  id: string;
  name: string;
  /** Indices into `GmcrConflictSpec.options`, in the decision maker's own order. */
  options: readonly number[];
  preferences: GmcrPreferenceSpec;
  /** States this decision maker does not perceive (GMCR.md §1.3). */
  misperceptions?: readonly GmcrCondition[];
}

export interface GmcrConflictSpec {
  id?: string;
  name?: string;
  options: readonly GmcrOptionSpec[];
  decisionMakers: readonly GmcrDecisionMakerSpec[];
  /** A state matching any of these is infeasible. */
  infeasible: readonly GmcrCondition[];
  /** A partition of the decision makers (indices) for coalition analysis; absent = everyone alone. */
  coalitions?: readonly (readonly number[])[];
}

/** A problem with a conflict, located by a path inside the `GmcrConflictSpec` (front ends translate it). */
export interface GmcrIssue {
  code: string;
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  hint?: string;
}

export const ConflictSchema = z
  .looseObject({ id: z.string() })
  .describe(
    'A Graph Model for Conflict Resolution conflict: decision makers, options, feasibility, preferences.',
  );

export type ConflictInput = z.input<typeof ConflictSchema>;
