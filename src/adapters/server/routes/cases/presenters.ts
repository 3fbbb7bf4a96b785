/** Wire shapes of the case routes, built from store records (never the raw rows). */
import { parseCase, type CaseIssue } from '../../../../index.js';
import type { CaseVersion } from '../../../store/index.js';

export interface CaseDoc {
  case: unknown;
  version: number;
  yaml: string;
  title: string;
  savedAt: string;
  message: string | null;
  author: string | null;
  warnings: CaseIssue[];
}

export function presentCase(v: CaseVersion, warnings?: CaseIssue[]): CaseDoc {
  let w = warnings;
  if (!w) {
    const r = parseCase(v.yaml);
    w = r.ok ? r.warnings : [];
  }
  return {
    case: v.case,
    version: v.version,
    yaml: v.yaml,
    title: v.title,
    savedAt: v.createdAt,
    message: v.message,
    author: v.author,
    warnings: w,
  };
}
