/**
 * Checks every conflict of a case beyond its schema: unknown actors or options, statements that do not parse,
 * no feasible state, bad rankings. Used by case loading as an extra check, so `redline validate` and every
 * command report conflict problems with their paths (and, through the parser, line and column).
 */
import type { Case, CaseIssue } from '../../case/index.js';
import type { Conflict } from '../../case/schema-conflict.js';
import { compileConflict, toCaseIssues } from './from-case.js';
import { buildModel } from './model.js';

export function validateConflicts(c: Case): CaseIssue[] {
  const out: CaseIssue[] = [];
  ((c.conflicts ?? []) as Conflict[]).forEach((conflict, index) => {
    const compiled = compileConflict(c, conflict, index);
    if (!compiled.ok) {
      out.push(...compiled.issues);
      return;
    }
    out.push(...compiled.warnings);
    const built = buildModel(compiled.conflict.spec);
    const located = (issues: Parameters<typeof toCaseIssues>[0]) =>
      toCaseIssues(issues, compiled.conflict.casePath);
    out.push(...(built.ok ? located(built.warnings) : located(built.issues)));
  });
  return out;
}
