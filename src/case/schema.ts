/**
 * The Redline case model, defined once. Static types (z.infer), runtime validation and the JSON Schema
 * (json-schema.ts) all derive from the schemas in this file; field meanings live in `.describe()` so they
 * reach the JSON Schema, the OpenAPI document and the dashboard's tooltips.
 *
 * Conventions fixed here for every engine:
 * - every issue is placed on a 0–100 scale; positions, red lines and status quo are numbers on it
 *   (an option id in a file is resolved to its value by `resolve.ts`);
 * - salience is 0–100 (share of attention an actor gives the issue); capability is ≥ 0, relative units;
 * - dates are ISO calendar dates (YYYY-MM-DD); analyses take an `asOf` date and use the latest stance on or
 *   before it.
 */
import { z } from 'zod';
import { ConflictSchema } from './schema-conflict.js';
import { ForecastSettingsSchema } from './schema-forecast.js';

export const FORMAT_VERSION = 1;

/**
 * Bounds on numbers the models compute with. Capabilities are relative, so any range can be rescaled into
 * this one; beyond it products of capability, salience and utility in the models lose precision or overflow
 * (1e308 gave null forecasts).
 */
export const MAX_CAPABILITY = 1_000_000;
/** Largest multiplier a scenario may apply to a capability. */
export const MAX_CAPABILITY_FACTOR = 1000;
/** Largest point number and quote offset accepted (far beyond any real plan or article). */
export const MAX_POINT_NUMBER = 100_000;
export const MAX_OFFSET = 100_000_000;

export const IdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'ids use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit',
  )
  .max(80)
  .describe('Identifier, unique within its list: lowercase letters, digits, ".", "_" and "-".');

export const DateSchema = z.iso
  .date('dates are calendar dates written YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD.');

export const ScaleValueSchema = z
  .number()
  .min(0, 'scale values run from 0 to 100')
  .max(100, 'scale values run from 0 to 100')
  .describe('A point on the issue scale, 0–100.');

/** A position in a file: a number on the 0–100 scale or the id of one of the issue's options. */
export const PositionSchema = z
  .union([ScaleValueSchema, IdSchema])
  .describe('A point on the issue scale: a number 0–100, or the id of one of the issue’s named options.');

export const SourceRefSchema = z
  .strictObject({
    source: IdSchema.describe('Id of an entry in `sources`.'),
    quote: z
      .string()
      .max(600)
      .optional()
      .describe('Short quoted span from the source that supports the claim.'),
    start: z
      .number()
      .int()
      .min(0)
      .max(MAX_OFFSET)
      .optional()
      .describe('Character offset of the quote in the cleaned source text.'),
    end: z.number().int().min(0).max(MAX_OFFSET).optional().describe('Character offset just past the quote.'),
  })
  .describe('Evidence for a claim: a source and, ideally, the quoted span.');

export const ActorKindSchema = z.enum(['state', 'alliance', 'organisation', 'person', 'group']);

export const ActorSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Display name.'),
    kind: ActorKindSchema.describe('What sort of actor this is.'),
    aliases: z
      .array(z.string().min(1).max(200))
      .default([])
      .describe(
        'Other names used in text (capitals, metonyms, leaders’ titles) for matching articles to actors.',
      ),
    capability: z
      .number()
      .min(0, 'capability cannot be negative')
      .max(
        MAX_CAPABILITY,
        `capabilities are relative: keep them at most ${MAX_CAPABILITY.toLocaleString('en')} (divide every actor’s capability by the same factor)`,
      )
      .default(1)
      .describe(
        `Relative power to affect the outcome (0 to ${MAX_CAPABILITY.toLocaleString('en')}, any unit consistent within the case).`,
      ),
    veto: z.boolean().default(false).describe('Whether the actor’s consent is required for a settlement.'),
    parent: IdSchema.optional().describe(
      'Actor this one belongs to (a leader to a state, a member to an alliance).',
    ),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'colours are written #rrggbb')
      .optional()
      .describe('Colour used for the actor in charts (#rrggbb).'),
    sources: z.array(SourceRefSchema).default([]),
  })
  .describe('A party to the negotiation or an actor with a stake in it.');

export const ScaleOptionSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1).max(200),
  value: ScaleValueSchema.describe('Where the option sits on the 0–100 scale.'),
  description: z.string().max(2000).optional(),
});

export const AnchorSchema = z.strictObject({
  value: ScaleValueSchema,
  label: z.string().min(1).max(200),
});

export const ScaleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('options'),
      options: z.array(ScaleOptionSchema).min(2, 'an options scale needs at least two options'),
    }),
    z.strictObject({
      kind: z.literal('continuous'),
      anchors: z.array(AnchorSchema).default([]).describe('Labelled points that say what the numbers mean.'),
      unit: z.string().max(60).optional(),
    }),
  ])
  .describe('How outcomes of the issue are placed on 0–100: named ordered options, or a continuous range.');

export const StatusQuoSchema = z.strictObject({
  position: PositionSchema,
  date: DateSchema.describe('Date the status quo describes.'),
  note: z.string().max(2000).optional(),
  sources: z.array(SourceRefSchema).default([]),
});

export const IssueSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    scale: ScaleSchema,
    statusQuo: StatusQuoSchema.optional().describe('Where things stand without an agreement.'),
    paxCategory: z.string().max(120).optional().describe('Nearest PA-X peace-agreement category.'),
    keywords: z
      .array(z.string().min(1).max(120))
      .default([])
      .describe('Words and phrases that signal the issue in text, for the evidence pipeline.'),
  })
  .describe('A question on the table, with its scale of possible outcomes.');

export const RedLineSchema = z
  .strictObject({
    min: ScaleValueSchema.optional().describe('Lowest acceptable point.'),
    max: ScaleValueSchema.optional().describe('Highest acceptable point.'),
    options: z.array(IdSchema).min(1).optional().describe('Acceptable options (options scales only).'),
    note: z.string().max(2000).optional(),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined || r.options !== undefined, {
    message: 'a red line needs min, max or options',
    params: {
      code: 'redline_empty_spec',
      hint: 'give min and/or max (0–100), or list the acceptable options',
    },
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'red line min is above its max',
    path: ['min'],
    params: { code: 'redline_min_above_max', hint: 'swap min and max: min is the lowest acceptable point' },
  })
  .describe('The set of outcomes an actor can accept on an issue; anything outside crosses its red line.');

export const StanceSchema = z
  .strictObject({
    id: IdSchema.optional(),
    actor: IdSchema,
    issue: IdSchema,
    date: DateSchema.describe('Date from which the stance holds.'),
    position: PositionSchema.describe('The outcome the actor advocates.'),
    salience: z.number().min(0).max(100).describe('How much the issue matters to the actor, 0–100.'),
    redLine: RedLineSchema.optional(),
    note: z.string().max(4000).optional(),
    sources: z.array(SourceRefSchema).default([]),
  })
  .describe('Where an actor stands on an issue from a date on.');

export const SourceKindSchema = z.enum(['article', 'statement', 'document', 'dataset', 'analysis']);

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(500),
  publisher: z.string().max(200).optional(),
  date: DateSchema,
  url: z.url().optional().describe('Address of the source.'),
  kind: SourceKindSchema.default('article'),
});

export const SettlementSchema = z.strictObject({
  issue: IdSchema,
  position: PositionSchema.describe('The outcome this point sets on the issue.'),
});

export const PointSchema = z.strictObject({
  number: z.number().int().min(0).max(MAX_POINT_NUMBER),
  summary: z.string().min(1).max(2000).describe('What the point says, in the case author’s words.'),
  settles: z
    .array(SettlementSchema)
    .default([])
    .describe('Issue outcomes the point sets; empty if it settles none.'),
  sources: z.array(SourceRefSchema).default([]),
});

export const ProposalKindSchema = z.enum(['framework', 'plan', 'counter-proposal', 'agreement']);

export const ProposalSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(500),
  kind: ProposalKindSchema,
  authors: z.array(IdSchema).default([]).describe('Actor ids of the proposal’s authors.'),
  date: DateSchema,
  supersedes: IdSchema.optional().describe('Id of the proposal this one revises.'),
  description: z.string().max(4000).optional(),
  points: z.array(PointSchema).default([]),
  sources: z.array(SourceRefSchema).default([]),
});

export const EventTypeSchema = z
  .enum([
    'meet',
    'consult',
    'propose',
    'demand',
    'agree',
    'reject',
    'accuse',
    'threaten',
    'support',
    'concede',
    'sanction',
    'aid',
    'attack',
    'ceasefire',
    'cooperate',
    'retreat',
    'protest',
    'mobilize',
    'coerce',
    'statement',
    'other',
  ])
  .describe('Event type (see ARCHITECTURE.md for the PLOVER / CAMEO mapping).');

export const EventSchema = z.strictObject({
  id: IdSchema,
  date: DateSchema,
  endDate: DateSchema.optional(),
  type: EventTypeSchema,
  actors: z.array(IdSchema).default([]).describe('Actors that took part (source side first).'),
  targets: z.array(IdSchema).default([]).describe('Actors the event was directed at, if any.'),
  place: z.string().max(200).optional(),
  summary: z.string().min(1).max(4000),
  sources: z.array(SourceRefSchema).default([]),
});

const CapabilityChange = z.strictObject({
  op: z.literal('capability'),
  actor: IdSchema,
  factor: z
    .number()
    .min(0)
    .max(MAX_CAPABILITY_FACTOR)
    .optional()
    .describe(`Multiply the capability by this factor (0.8 = −20 %; at most ${MAX_CAPABILITY_FACTOR}).`),
  set: z
    .number()
    .min(0)
    .max(MAX_CAPABILITY)
    .optional()
    .describe(`Set the capability to this value (0 to ${MAX_CAPABILITY.toLocaleString('en')}).`),
});
const VetoChange = z.strictObject({ op: z.literal('veto'), actor: IdSchema, veto: z.boolean() });
const StanceChange = z.strictObject({
  op: z.literal('stance'),
  actor: IdSchema,
  issue: IdSchema,
  position: PositionSchema.optional(),
  salience: z.number().min(0).max(100).optional(),
  redLine: RedLineSchema.nullable().optional().describe('New red line; null removes it.'),
});
const StatusQuoChange = z.strictObject({
  op: z.literal('statusQuo'),
  issue: IdSchema,
  position: PositionSchema,
});

export const ScenarioChangeSchema = z.discriminatedUnion('op', [
  CapabilityChange,
  VetoChange,
  StanceChange,
  StatusQuoChange,
]);

export const ScenarioSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    changes: z.array(ScenarioChangeSchema).min(1),
  })
  .describe('A named what-if overlay: changes applied on top of the case before an analysis.');

export const CaseSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Address of the JSON Schema, for editor completion.'),
    format: z
      .literal(FORMAT_VERSION, { message: `this Redline reads case-file format ${FORMAT_VERSION}` })
      .describe('Case-file format version.'),
    id: IdSchema,
    title: z.string().min(1).max(500),
    description: z.string().max(10000).optional(),
    asOf: DateSchema.optional().describe('Default analysis date.'),
    actors: z.array(ActorSchema).min(1, 'a case needs at least one actor'),
    issues: z.array(IssueSchema).min(1, 'a case needs at least one issue'),
    stances: z.array(StanceSchema).default([]),
    sources: z.array(SourceSchema).default([]),
    proposals: z.array(ProposalSchema).default([]),
    events: z.array(EventSchema).default([]),
    scenarios: z.array(ScenarioSchema).default([]),
    conflicts: z
      .array(ConflictSchema)
      .default([])
      .describe('Graph-model (GMCR) conflicts over the case’s actors.'),
    forecast: ForecastSettingsSchema.optional(),
  })
  .describe('A Redline negotiation case file.');

export type Actor = z.infer<typeof ActorSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type Stance = z.infer<typeof StanceSchema>;
export type RedLine = z.infer<typeof RedLineSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
export type Proposal = z.infer<typeof ProposalSchema>;
export type Point = z.infer<typeof PointSchema>;
export type Event = z.infer<typeof EventSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Case = z.infer<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
