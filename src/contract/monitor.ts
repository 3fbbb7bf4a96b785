/** Request and response schemas of the monitoring routes (sources, runs, developments, alert rules). */
import { z } from 'zod';
import { DEVELOPMENT_KINDS } from '../engines/monitor/developments.js';
import { AlertRuleInputSchema } from '../engines/monitor/rules.js';

export const SourceIdParams = z.object({
  id: z.string().min(1).max(200),
  sourceId: z.string().min(1).max(100),
});
export const DevelopmentIdParams = z.object({
  id: z.string().min(1).max(200),
  devId: z.string().min(1).max(100),
});
export const RuleIdParams = z.object({ id: z.string().min(1).max(200), ruleId: z.string().min(1).max(100) });

export const SourceBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('A feed (RSS 2.0, Atom, JSON Feed) or page URL. Inbox folders are added with the CLI only.'),
  every: z
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .default(900)
    .describe('Seconds between fetches.'),
});

export const Source = z.object({
  id: z.string(),
  kind: z.enum(['url', 'folder']),
  location: z.string(),
  everySeconds: z.number(),
  addedAt: z.string(),
  lastFetchAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastStatus: z
    .string()
    .nullable()
    .describe('ok, not_modified, error or blocked (robots.txt); null before the first fetch.'),
  itemsSeen: z.number(),
  nextDueAt: z.string(),
  volume: z.array(z.number()).describe('Items recorded per day over the last 14 days, oldest first.'),
});
export const SourceList = z.object({ items: z.array(Source) });

export const Run = z.object({
  id: z.string(),
  sourceId: z.string(),
  jobId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  httpStatus: z.number().nullable(),
  itemsFound: z.number(),
  itemsNew: z.number(),
  developments: z.number(),
  error: z.string().nullable(),
});
export const RunsQuery = z.object({
  source: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const RunList = z.object({ items: z.array(Run) });

const EvidenceLink = z.object({
  itemId: z.string().describe('The claim or event id in the evidence review.'),
  docId: z.string(),
  clusterId: z.string(),
  quote: z.string(),
  confidence: z.number(),
  title: z.string().optional(),
  url: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
});
export const Development = z.object({
  id: z.string(),
  kind: z.enum(DEVELOPMENT_KINDS),
  actor: z.string().optional(),
  issue: z.string().optional(),
  eventType: z.string().optional(),
  date: z.string(),
  summary: z.string(),
  salience: z.number(),
  confidence: z.number(),
  score: z.number().describe('salience × confidence'),
  evidence: z.array(EvidenceLink),
  createdAt: z.string(),
  updatedAt: z.string(),
  read: z.boolean(),
});
export const DevelopmentsQuery = z.object({
  since: z.string().max(40).optional().describe('YYYY-MM-DD or ISO timestamp: dated or updated since then.'),
  kind: z.enum(DEVELOPMENT_KINDS).optional(),
  actor: z.string().max(200).optional(),
  issue: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const DevelopmentList = z.object({ items: z.array(Development), unread: z.number() });
export const ReadBody = z
  .strictObject({
    ids: z.array(z.string().min(1).max(100)).max(1000).optional().describe('Omit to mark all read.'),
  })
  .default({});
export const UnreadCount = z.object({ unread: z.number() });

export const RuleBody = AlertRuleInputSchema;
export const Rule = z.object({
  id: z.string(),
  name: z.string(),
  kinds: z.array(z.enum(DEVELOPMENT_KINDS)),
  actors: z.array(z.string()),
  issues: z.array(z.string()),
  minConfidence: z.number(),
  minScore: z.number(),
  channel: z.enum(['webhook', 'digest', 'dashboard']),
  url: z.string().optional(),
  hasSecret: z.boolean().describe('The secret itself is write-only.'),
  schedule: z.enum(['hourly', 'daily']),
  directory: z.string().optional(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const RuleList = z.object({ items: z.array(Rule) });
export const Delivery = z.object({
  id: z.string(),
  developmentId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAt: z.string(),
  lastCode: z.number().nullable(),
  lastError: z.string().nullable(),
  log: z.array(z.object({ at: z.string(), code: z.number().nullable(), error: z.string().optional() })),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const DeliveryList = z.object({ items: z.array(Delivery) });
