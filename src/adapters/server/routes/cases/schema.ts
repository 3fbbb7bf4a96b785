/** Request schemas of the case routes. */
import { z } from 'zod';
import { CaseSchema } from '../../../../index.js';
import { documentedOnly } from '../../zod-compiler.js';
import { PageQuery } from '../../pagination.js';

export const CaseIdParams = z.object({ id: z.string().min(1).max(200).describe('Case id.') });
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

/** A case as YAML text, or as the case object itself. Validated by the handler (422 with located issues). */
export const CaseBody = documentedOnly(
  z.union([YamlBody, CaseSchema]).describe('`{ yaml }` or a case object.'),
);

export const ValidateBody = z.object({ yaml: z.string().max(2_000_000) });

export const CaseListQuery = PageQuery.extend({
  q: z.string().max(200).optional().describe('Filter by text in the id or title.'),
});
export const VersionListQuery = PageQuery;
export const VersionDiffQuery = z.object({
  from: z.coerce.number().int().min(1).describe('Older version number.'),
  to: z.coerce.number().int().min(1).describe('Newer version number.'),
});

export type YamlBodyT = z.infer<typeof YamlBody>;
