/**
 * Alert rules: which developments of a case are worth telling someone about, and how (a signed webhook, a
 * digest file, the dashboard). The zod schema is the one definition for the store, the CLI and the API.
 */
import { z } from 'zod';
import { DEVELOPMENT_KINDS, type Development } from './developments.js';

export const AlertChannelSchema = z.enum(['webhook', 'digest', 'dashboard']);

export const AlertRuleInputSchema = z
  .strictObject({
    name: z.string().min(1).max(200).describe('A label for the rule.'),
    kinds: z
      .array(z.enum(DEVELOPMENT_KINDS))
      .max(DEVELOPMENT_KINDS.length)
      .default([])
      .describe('Development kinds that match; empty means every kind.'),
    actors: z.array(z.string().min(1).max(100)).max(200).default([]).describe('Actor ids; empty means any.'),
    issues: z.array(z.string().min(1).max(100)).max(200).default([]).describe('Issue ids; empty means any.'),
    minConfidence: z.number().min(0).max(1).default(0).describe('Lowest combined confidence that matches.'),
    minScore: z.number().min(0).max(1).default(0).describe('Lowest salience × confidence that matches.'),
    channel: AlertChannelSchema.describe('How matching developments are delivered.'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('Webhook: the URL that receives a JSON POST per development.'),
    secret: z
      .string()
      .min(16, 'a webhook secret needs at least 16 characters')
      .max(200)
      .optional()
      .describe('Webhook: HMAC-SHA256 key for the X-Redline-Signature header (write-only).'),
    schedule: z.enum(['hourly', 'daily']).default('daily').describe('Digest: how often a file is written.'),
    directory: z.string().min(1).max(1000).optional().describe('Digest: the folder digest files go to.'),
    enabled: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    if (r.channel === 'webhook' && (!r.url || !r.secret))
      ctx.addIssue({ code: 'custom', message: 'a webhook rule needs a url and a secret', path: ['url'] });
  });

export type AlertRuleInput = z.input<typeof AlertRuleInputSchema>;
export type AlertRuleSpec = z.output<typeof AlertRuleInputSchema>;
export interface AlertRule extends AlertRuleSpec {
  id: string;
  caseId: string;
  createdAt: string;
}

/** True when the development passes every filter of the rule. */
export function ruleMatches(rule: AlertRuleSpec, d: Development): boolean {
  if (!rule.enabled) return false;
  if (rule.kinds.length && !rule.kinds.includes(d.kind)) return false;
  if (rule.actors.length && !(d.actor && rule.actors.includes(d.actor))) return false;
  if (rule.issues.length && !(d.issue && rule.issues.includes(d.issue))) return false;
  return d.confidence >= rule.minConfidence && d.score >= rule.minScore;
}

/** Retry delays of a failed delivery: base × 2^(attempt−1), capped; attempt counts from 1. */
export function retryDelayMs(attempt: number, baseMs = 30_000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
