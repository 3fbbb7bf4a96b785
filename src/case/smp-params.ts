/**
 * KTAB SMP model parameters (KTAB SMP specification §3): the nine enumerations, the accommodation matrix and the stop-rule
 * constants, as data. Names follow KTAB's own enumeration names so KTAB users recognise them.
 */
import { z } from 'zod';

/** How coalition strengths become a victory probability (docs/models/SMP.md §4.5). */
export const SMP_VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export type SmpVictoryProbModel = (typeof SMP_VICTORY_PROB_MODELS)[number];
/** One-line notes on each value, for help texts. */
export const SMP_VICTORY_PROB_MODEL_NOTES: Record<SmpVictoryProbModel, string> = {
  Linear: 'P(a>b) = s1/(s1+s2): odds proportional to coalition strength (default)',
  Square: 'odds proportional to squared strength',
  Quartic: 'odds proportional to strength to the 4th power',
  Octic: 'odds proportional to strength to the 8th power',
  Binary: 'a 10 % edge in strength wins almost surely; linear ramp in between',
};

/** Probabilistic Condorcet election: pairwise probabilities → one distribution (docs/models/SMP.md §4.6). */
export const SMP_PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
export type SmpPceModel = (typeof SMP_PCE_MODELS)[number];
export const SMP_PCE_MODEL_NOTES: Record<SmpPceModel, string> = {
  Conditional: 'p_a proportional to the product of a beating every option (default)',
  MarkovIncentive: 'Markov chain where losers defect to options in proportion to incentive',
  MarkovUniform: 'Markov chain where losers defect uniformly',
};

/** How an actor picks one option from its queue of bargains (docs/models/SMP.md §7.4). */
export const SMP_STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
export type SmpStateTransitions = (typeof SMP_STATE_TRANSITIONS)[number];
export const SMP_STATE_TRANSITION_NOTES: Record<SmpStateTransitions, string> = {
  Deterministic: 'take the most probable option, first on ties (default)',
  Stochastic: 'draw an option from the PCE distribution with the seeded generator',
};

/** How a weighted actor votes between two options of given utilities (docs/models/SMP.md §4.3). */
export const SMP_VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export type SmpVotingRule = (typeof SMP_VOTING_RULES)[number];
export const SMP_VOTING_RULE_NOTES: Record<SmpVotingRule, string> = {
  Binary: 'full weight for the preferred option, whatever the utility gap',
  PropBin: '80 % proportional to the utility gap, 20 % binary',
  Prop: 'weight times the utility gap (default)',
  PropCbc: 'half proportional, half cubic in the utility gap',
  Cubic: 'weight times the cube of the utility gap',
  ASymProsp: 'prospect theory: gains count two thirds as much as losses',
};

/** How much of the target's own risk attitude an estimator attributes to it (docs/models/SMP.md §5 step 6). */
export const SMP_BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export type SmpBigRAdjust = (typeof SMP_BIG_R_ADJUSTS)[number];
export const SMP_BIG_R_ADJUST_NOTES: Record<SmpBigRAdjust, string> = {
  None: 'each estimator projects its own risk attitude on everyone',
  OneThird: 'one third the target’s attitude, two thirds the estimator’s (default)',
  Half: 'half and half',
  TwoThirds: 'two thirds the target’s attitude',
  Full: 'estimators know every actor’s true risk attitude',
};

/** The range risk attitudes are scaled to (docs/models/SMP.md §5 step 5). */
export const SMP_BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
export type SmpBigRRange = (typeof SMP_BIG_R_RANGES)[number];
export const SMP_BIG_R_RANGE_NOTES: Record<SmpBigRRange, string> = {
  Min: 'risk attitudes in [0, 1]',
  Mid: 'risk attitudes in [-1/2, 1] (default)',
  Max: 'risk attitudes in [-1, 1]',
};

/** What a third party expects to gain or lose by joining a contest (docs/models/SMP.md §6 step 2). */
export const SMP_THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export type SmpThirdPartyCommit = (typeof SMP_THIRD_PARTY_COMMITS)[number];
export const SMP_THIRD_PARTY_COMMIT_NOTES: Record<SmpThirdPartyCommit, string> = {
  NoCommit: 'a third party keeps its own position whoever wins',
  SemiCommit: 'a third party that backed the loser is dragged to the winner (default)',
  FullCommit: 'a third party always ends at the winner’s position',
};

/** Interpolation between two positions when forming a bargain (docs/models/SMP.md §7.2). */
export const SMP_INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export type SmpInterVecBrgn = (typeof SMP_INTER_VEC_BRGNS)[number];
export const SMP_INTER_VEC_BRGN_NOTES: Record<SmpInterVecBrgn, string> = {
  S1P1: 'weights salience × probability',
  S2P2: 'weights salience² × probability², rounded to 1e-4 (default)',
  S2PMax: 'the likely loser concedes in proportion to its disadvantage; not rounded',
};

/** Which bargains are put in the two parties' queues (docs/models/SMP.md §7.3). */
export const SMP_BARGN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export type SmpBargnModel = (typeof SMP_BARGN_MODELS)[number];
export const SMP_BARGN_MODEL_NOTES: Record<SmpBargnModel, string> = {
  InitOnlyInterp: 'only the initiator’s view of the bargain (default)',
  InitRcvrInterp: 'both the initiator’s and the receiver’s view, as two options',
  PWCompInterp: 'one bargain, the power-weighted mix of both views',
};

/**
 * What the receiver-perspective bargain (InitRcvrInterp, PWCompInterp) interpolates with (docs/models/SMP.md §12.1).
 * KTAB passes the receiver's estimate of the initiator's *utility gain* where a probability belongs.
 */
export const SMP_RECEIVER_BARGAIN_WEIGHTS = ['probability', 'ktabUtilityGain'] as const;
export type SmpReceiverBargainWeight = (typeof SMP_RECEIVER_BARGAIN_WEIGHTS)[number];
export const SMP_RECEIVER_BARGAIN_WEIGHT_NOTES: Record<SmpReceiverBargainWeight, string> = {
  probability: 'the receiver’s estimate that the initiator wins, as the model intends (default)',
  ktabUtilityGain: 'the receiver’s estimate of the initiator’s utility gain, as KTAB does (compatibility)',
};

/**
 * Whose capability weights the receiver's view in PWCompInterp (docs/models/SMP.md §12.2). KTAB uses the initiator's;
 * docs/models/SMP.md records this without calling it a bug, so KTAB's choice is the default.
 */
export const SMP_PW_COMP_RECEIVER_CAPABILITIES = ['ktabInitiator', 'receiver'] as const;
export type SmpPwCompReceiverCapability = (typeof SMP_PW_COMP_RECEIVER_CAPABILITIES)[number];
export const SMP_PW_COMP_RECEIVER_CAPABILITY_NOTES: Record<SmpPwCompReceiverCapability, string> = {
  ktabInitiator: 'the receiver’s view weighs c_i·S_j, the initiator’s capability, as KTAB does (default)',
  receiver: 'the receiver’s view weighs c_j·S_j, its own capability',
};

const probability01 = z.number().min(0).max(1);

/** One entry of the accommodation matrix by actor id: how far `actor`'s ideal follows `toward`'s position. */
export const SmpAccommodationPairSchema = z
  .strictObject({
    actor: z.string().min(1).describe('Id of the actor whose ideal moves'),
    toward: z.string().min(1).describe('Id of the actor whose new position it moves toward (itself: A_ii)'),
    weight: probability01.describe('A[actor][toward], 0–1; the weights of one actor sum to at most 1'),
  })
  .describe(
    'Ideal-accommodation entry (docs/models/SMP.md §7.6); unlisted entries keep the identity (1 on the diagonal)',
  );

export type SmpAccommodationPair = z.infer<typeof SmpAccommodationPairSchema>;

export const SmpParamsSchema = z
  .object({
    victoryProbModel: z
      .enum(SMP_VICTORY_PROB_MODELS)
      .default('Linear')
      .describe('VictoryProbModel (docs/models/SMP.md §4.5)'),
    pceModel: z.enum(SMP_PCE_MODELS).default('Conditional').describe('PCEModel (docs/models/SMP.md §4.6)'),
    stateTransitions: z
      .enum(SMP_STATE_TRANSITIONS)
      .default('Deterministic')
      .describe('StateTransitions (docs/models/SMP.md §7.4); Stochastic is seeded and reproducible'),
    votingRule: z.enum(SMP_VOTING_RULES).default('Prop').describe('VotingRule (docs/models/SMP.md §4.3)'),
    bigRAdjust: z.enum(SMP_BIG_R_ADJUSTS).default('OneThird').describe('BigRAdjust (docs/models/SMP.md §5)'),
    bigRRange: z.enum(SMP_BIG_R_RANGES).default('Mid').describe('BigRRange (docs/models/SMP.md §5)'),
    thirdPartyCommit: z
      .enum(SMP_THIRD_PARTY_COMMITS)
      .default('SemiCommit')
      .describe('ThirdPartyCommit (docs/models/SMP.md §6)'),
    interVecBrgn: z.enum(SMP_INTER_VEC_BRGNS).default('S2P2').describe('InterVecBrgn (docs/models/SMP.md §7.2)'),
    bargnModel: z.enum(SMP_BARGN_MODELS).default('InitOnlyInterp').describe('BargnModel (docs/models/SMP.md §7.3)'),
    receiverBargainWeight: z
      .enum(SMP_RECEIVER_BARGAIN_WEIGHTS)
      .default('probability')
      .describe(
        'Receiver-view bargain weight: the probability (default; docs/models/SMP.md §12.1 calls KTAB’s choice a defect) or KTAB’s utility gain',
      ),
    pwCompReceiverCapability: z
      .enum(SMP_PW_COMP_RECEIVER_CAPABILITIES)
      .default('ktabInitiator')
      .describe(
        'PWCompInterp receiver weight: KTAB’s c_i·S_j (default) or the receiver’s own c_j·S_j (docs/models/SMP.md §12.2)',
      ),
    accommodation: z
      .union([z.array(z.array(probability01)), z.array(SmpAccommodationPairSchema)])
      .optional()
      .describe(
        'Ideal accommodation (§7.6): an N×N matrix A[i][j] in actor order, or entries by actor id; rows sum to ≤ 1; identity when absent',
      ),
    minTurns: z.number().int().min(1).default(2).describe('Stop rule: never stop before this many steps'),
    maxTurns: z.number().int().min(1).max(1000).default(100).describe('Stop rule: at most this many steps'),
    stopRatio: z
      .number()
      .positive()
      .default(0.02)
      .describe('Stop when the last step moved less than this fraction of the first (docs/models/SMP.md §8)'),
  })
  .strict();

export type SmpParams = z.infer<typeof SmpParamsSchema>;

export const DEFAULT_SMP_PARAMS: SmpParams = Object.freeze(SmpParamsSchema.parse({})) as SmpParams;

/** KTAB's 9-integer parameter vector order (docs/models/SMP.md §3), used by its database and XML files. */
export const SMP_KTAB_PARAMETER_ORDER = [
  'victoryProbModel',
  'pceModel',
  'stateTransitions',
  'votingRule',
  'bigRAdjust',
  'bigRRange',
  'thirdPartyCommit',
  'interVecBrgn',
  'bargnModel',
] as const;

/** KTAB's XML element name of each parameter (docs/models/SMP.md §2.2). */
export const SMP_KTAB_XML_PARAMETER_NAMES: Record<(typeof SMP_KTAB_PARAMETER_ORDER)[number], string> = {
  victoryProbModel: 'VictoryProbModel',
  pceModel: 'PCEModel',
  stateTransitions: 'StateTransitions',
  votingRule: 'VotingRule',
  bigRAdjust: 'BigRAdjust',
  bigRRange: 'BigRRange',
  thirdPartyCommit: 'ThirdPartyCommit',
  interVecBrgn: 'InterVecBrgn',
  bargnModel: 'BargnModel',
};

/** The allowed values of each of the nine parameters, in KTAB's code order. */
export const SMP_KTAB_PARAMETER_VALUES = {
  victoryProbModel: SMP_VICTORY_PROB_MODELS,
  pceModel: SMP_PCE_MODELS,
  stateTransitions: SMP_STATE_TRANSITIONS,
  votingRule: SMP_VOTING_RULES,
  bigRAdjust: SMP_BIG_R_ADJUSTS,
  bigRRange: SMP_BIG_R_RANGES,
  thirdPartyCommit: SMP_THIRD_PARTY_COMMITS,
  interVecBrgn: SMP_INTER_VEC_BRGNS,
  bargnModel: SMP_BARGN_MODELS,
} as const;

/**
 * SMP settings as written in a case file (`forecast.models.smp`): the same keys as SmpParamsSchema, none
 * filled in by default, so a file states only what it changes.
 */
export const SmpCaseSettingsSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(SmpParamsSchema.shape).map(([key, schema]) => [
        key,
        (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
      ]),
    ),
  )
  .describe(
    'KTAB SMP settings of a case: parameters by name, accommodation by actor id',
  ) as unknown as z.ZodType<Partial<SmpParams>>;

/**
 * The N×N accommodation matrix from entries by actor id (identity elsewhere). Entries naming an id that is
 * not among `actorIds` are skipped and reported.
 */
export function accommodationMatrix(
  actorIds: readonly string[],
  pairs: readonly SmpAccommodationPair[],
): { matrix: number[][]; unknownIds: string[] } {
  const index = new Map(actorIds.map((id, i) => [id, i]));
  const matrix: number[][] = actorIds.map((_, i) => actorIds.map((__, j) => (i === j ? 1 : 0)));
  const unknownIds: string[] = [];
  for (const p of pairs) {
    const i = index.get(p.actor);
    const j = index.get(p.toward);
    if (i === undefined) unknownIds.push(p.actor);
    if (j === undefined) unknownIds.push(p.toward);
    if (i !== undefined && j !== undefined) matrix[i]![j] = p.weight;
  }
  return { matrix, unknownIds };
}
