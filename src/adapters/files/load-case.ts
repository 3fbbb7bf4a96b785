/**
 * Reads a case file from disk with guards (existence, size, encoding) and parses it with located issues.
 * `readCaseFile` reports problems as data; `loadCaseFile` throws a CliError listing them, for commands.
 */
import { open, stat } from 'node:fs/promises';
import { formatIssue, parseCase, type Case, type CaseIssue, type CaseIssueCode } from '../../case/index.js';
import { validateConflicts } from '../../engines/gmcr/index.js';
import { CliError, EXIT } from '../cli/exit-codes.js';

/** Case files beyond this size are refused before reading (the parser's own limit is 5 million characters). */
export const MAX_CASE_BYTES = 5 * 1024 * 1024;

export type ReadCaseResult =
  | { ok: true; path: string; text: string; case: Case; warnings: CaseIssue[] }
  | { ok: false; path: string; issues: CaseIssue[]; unreadable: boolean };

const problem = (path: string, code: CaseIssueCode, message: string, hint?: string): ReadCaseResult => ({
  ok: false,
  path,
  unreadable: true,
  issues: [{ code, severity: 'error', path: [], message, hint, file: path }],
});

export async function readCaseFile(path: string): Promise<ReadCaseResult> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile())
      return problem(path, 'not_a_file', 'not a regular file', 'give the path of a .yaml or .json case file');
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem(
      path,
      'not_found',
      code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? String(e)}`,
      'check the path',
    );
  }
  if (size > MAX_CASE_BYTES)
    return problem(
      path,
      'too_large',
      `the file is ${(size / 1048576).toFixed(1)} MB; case files are limited to ${MAX_CASE_BYTES / 1048576} MB`,
      'case files hold the model, not the articles behind it',
    );
  let bytes: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      bytes = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    return problem(path, 'unreadable', `cannot read: ${(e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem(
      path,
      'binary',
      'this is not UTF-8 text (binary or another encoding)',
      'save the case file as UTF-8 YAML or JSON',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const result = parseCase(text, { checks: [validateConflicts] });
  if (!result.ok) {
    const unreadable = result.issues.some((i) => i.code === 'binary' || i.code === 'too_large');
    return { ok: false, path, unreadable, issues: result.issues.map((i) => ({ ...i, file: path })) };
  }
  return {
    ok: true,
    path,
    text,
    case: result.case,
    warnings: result.warnings.map((w) => ({ ...w, file: path })),
  };
}

export interface LoadedCase {
  path: string;
  text: string;
  case: Case;
  warnings: CaseIssue[];
}

/** Reads and parses a case file, or throws a CliError that lists every problem with its location. */
export async function loadCaseFile(path: string): Promise<LoadedCase> {
  const r = await readCaseFile(path);
  if (!r.ok) {
    const n = r.issues.filter((i) => i.severity === 'error').length;
    throw new CliError(
      `${path}: ${n} problem${n === 1 ? '' : 's'}\n${r.issues.map(formatIssue).join('\n')}`,
      r.unreadable ? EXIT.unreadable : EXIT.invalid,
    );
  }
  return { path: r.path, text: r.text, case: r.case, warnings: r.warnings };
}
