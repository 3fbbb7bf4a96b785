/**
 * Problems found in a case, as data: a stable code, a path from the case root, a message saying what is
 * wrong and a hint saying how to fix it. Locations (line, column) are added by the parser when the case
 * came from text; the file name by the adapter that read it.
 */
export type Severity = 'error' | 'warning';

export type CasePath = (string | number)[];

export interface CaseIssue {
  code: string;
  severity: Severity;
  path: CasePath;
  message: string;
  hint?: string;
  line?: number;
  column?: number;
  file?: string;
}

/** Renders a path as `actors[2].redLine.min`. */
export function formatPath(path: CasePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per issue: `file:line:col: severity [code] path: message` followed by an indented hint. */
export function formatIssue(issue: CaseIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const head = `${where ? `${where}: ` : ''}${issue.severity} [${issue.code}] ${formatPath(issue.path)}: ${issue.message}`;
  return issue.hint ? `${head}\n    hint: ${issue.hint}` : head;
}

export function errorsOf(issues: readonly CaseIssue[]): CaseIssue[] {
  return issues.filter((i) => i.severity === 'error');
}
