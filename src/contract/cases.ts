/** Case routes: list, read, save (a new version), delete, validate, versions, version diff, restore. */
import { z } from 'zod';
import { CaseSchema } from '../case/schema.js';
import { CaseIdParams, IssueRecord, PageQuery, pageOf } from './common.js';

// ---------------------------------------------------------------- requests

export const VersionParams = CaseIdParams.extend({
  v: z.coerce.number().int().min(1).describe('Version number (1 = first save).'),
});

export const YamlBody = z.strictObject({
  yaml: z.string().max(2_000_000).describe('The case file as YAML (or JSON) text.'),
  message: z.string().max(2000).optional().describe('What changed, kept with the version.'),
  baseVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Refuse the save (409) unless this is still the current version.'),
});
export type YamlBody = z.infer<typeof YamlBody>;

/** A case as YAML text, or as the case object itself (validated by the handler: 422 with located issues). */
export const CaseBody = z.union([YamlBody, CaseSchema]).describe('`{ yaml }` or a case object.');

export const ValidateBody = z.object({ yaml: z.string().max(2_000_000) });

export const CaseListQuery = PageQuery.extend({
  q: z.string().max(200).optional().describe('Filter by text in the id or title.'),
});
export const VersionListQuery = PageQuery;
export const VersionDiffQuery = z.object({
  from: z.coerce.number().int().min(1).describe('Older version number.'),
  to: z.coerce.number().int().min(1).describe('Newer version number.'),
});

// ---------------------------------------------------------------- responses

export const CaseDoc = z.strictObject({
  case: CaseSchema,
  version: z.number().int(),
  yaml: z.string(),
  title: z.string(),
  savedAt: z.string(),
  message: z.string().nullable(),
  author: z.string().nullable(),
  warnings: z.array(IssueRecord),
});
export type CaseDoc = z.infer<typeof CaseDoc>;

export const CaseSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseList = pageOf(CaseSummary);

export const VersionSummary = z.strictObject({
  version: z.number().int(),
  title: z.string(),
  message: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;
export const VersionList = pageOf(VersionSummary);

export const VersionDiff = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.strictObject({
      path: z.array(z.union([z.string(), z.number()])),
      op: z.enum(['added', 'removed', 'changed']),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  lines: z.array(z.strictObject({ op: z.enum(['=', '+', '-']), text: z.string() })),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

export const ValidateResult = z.strictObject({ ok: z.boolean(), issues: z.array(IssueRecord) });
export type ValidateResult = z.infer<typeof ValidateResult>;
