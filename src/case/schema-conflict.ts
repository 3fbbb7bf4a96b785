/**
 * Graph-model (GMCR) conflicts: the plain conflict spec every front end compiles into (the case file's
 * `conflicts`, gmcr-py `.gmcr` files) and the zod schema of a conflict inside a case file.
 *
 * Conventions: options are referred to by their index in `options`; a condition is an OR of terms, a term an
 * AND of literals (docs/models/GMCR.md §1.2). Ranking entries name states by ordered number (1-based, after the options
 * have been grouped by decision maker, docs/models/GMCR.md §1.1) or by a full Y/N string in that grouped order.
 */
import { z } from 'zod';
import type { CaseIssueCode } from './issues.js';
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
  /** States this decision maker does not perceive (docs/models/GMCR.md §1.3). */
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
  code: CaseIssueCode;
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  hint?: string;
}

// Local copies of the id and source-reference shapes: schema.ts imports this module, so importing from it
// here would be circular.
const ConflictIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'ids use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit',
  )
  .max(80);

const ConflictSourceRefSchema = z.strictObject({
  source: ConflictIdSchema.describe('Id of an entry in the case’s `sources`.'),
  quote: z
    .string()
    .max(600)
    .optional()
    .describe('Short quoted span from the source that supports the claim.'),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

export const ConflictExpressionSchema = z
  .string()
  .min(1)
  .max(2000)
  .describe(
    'A condition over this conflict’s option ids: AND, OR, NOT, IF, IFF and parentheses (also &, |, !, a leading -). ' +
      '`q IF p` holds unless p is taken and q is not; `q IFF p` when both or neither are taken.',
  );

export const StateRefSchema = z
  .union([
    z.number().int().min(1),
    z.string().regex(/^[YN]+$/, 'a state is written as Y/N letters, one per option in decision-maker order'),
  ])
  .describe(
    'A state: its ordered number (1 = lowest code among feasible states) or its Y/N string, one letter per option in decision-maker order.',
  );

export const ConflictOptionSchema = z.strictObject({
  id: ConflictIdSchema.describe('Option id, unique within the conflict; used in statements and conditions.'),
  name: z.string().min(1).max(200).describe('What taking the option means.'),
  direction: z
    .enum(['both', 'fwd', 'back'])
    .default('both')
    .describe(
      'Reversibility: both (can be taken and withdrawn), fwd (once taken, it stays), back (can only be withdrawn).',
    ),
  description: z.string().max(2000).optional(),
});

export const ConflictPreferencesSchema = z
  .union([
    z.strictObject({
      statements: z
        .array(ConflictExpressionSchema)
        .min(1)
        .describe(
          'Option prioritization: statements, most important first; a state satisfying a more important statement beats any that does not.',
        ),
    }),
    z.strictObject({
      ranking: z
        .array(z.union([StateRefSchema, z.array(StateRefSchema).min(1)]))
        .min(1)
        .describe(
          'Explicit ranking of every feasible state, most preferred first; a list is a group of equally preferred states.',
        ),
    }),
  ])
  .describe(
    'How the decision maker ranks the states: prioritized statements or an explicit ranking with ties.',
  );

export const ConflictDecisionMakerSchema = z.strictObject({
  actor: ConflictIdSchema.describe('Id of the case actor who decides.'),
  options: z.array(ConflictOptionSchema).default([]).describe('The options this decision maker controls.'),
  preferences: ConflictPreferencesSchema,
  misperceptions: z
    .array(ConflictExpressionSchema)
    .default([])
    .describe(
      'Conditions describing states this decision maker does not perceive (it can neither move into nor out of them).',
    ),
  note: z.string().max(4000).optional().describe('Why the preferences are what they are.'),
  sources: z.array(ConflictSourceRefSchema).default([]),
});

export const ConflictSchema = z
  .strictObject({
    id: ConflictIdSchema,
    name: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    decisionMakers: z
      .array(ConflictDecisionMakerSchema)
      .min(2, 'a graph model needs at least two decision makers'),
    infeasible: z
      .array(ConflictExpressionSchema)
      .default([])
      .describe('States matching any of these conditions cannot occur.'),
    mutuallyExclusive: z
      .array(z.array(ConflictIdSchema).min(2))
      .default([])
      .describe('Groups of options of which at most one can be taken.'),
    atLeastOne: z
      .array(z.array(ConflictIdSchema).min(1))
      .default([])
      .describe('Groups of options of which at least one must be taken.'),
    requires: z
      .array(z.strictObject({ option: ConflictIdSchema, requires: ConflictIdSchema }))
      .default([])
      .describe('Dependencies: `option` can only be taken together with `requires`.'),
    statusQuo: z
      .array(ConflictIdSchema)
      .optional()
      .describe('Ids of the options taken in the status quo state (the rest are not).'),
    coalitions: z
      .array(z.array(ConflictIdSchema).min(1))
      .default([])
      .describe(
        'Coalitions for coalition analysis, as groups of actor ids; decision makers not listed act alone.',
      ),
    note: z.string().max(4000).optional(),
    sources: z.array(ConflictSourceRefSchema).default([]),
  })
  .describe(
    'A Graph Model for Conflict Resolution conflict over the case’s actors: decision makers, their options, feasibility, preferences.',
  );

export type ConflictInput = z.input<typeof ConflictSchema>;
export type Conflict = z.output<typeof ConflictSchema>;
