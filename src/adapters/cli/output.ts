/**
 * Output helpers shared by commands: JSON for machines, tables and colour for people. Colour follows
 * picocolors, which turns itself off for NO_COLOR, dumb terminals and pipes.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import { formatIssue, type CaseIssue } from '../../case/index.js';
import { CliError, EXIT } from './exit-codes.js';

export const color = pc;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * 1000000 → "1,000,000" without Intl: help texts are built at start-up, and the first toLocaleString call
 * costs ~15 ms loading locale data.
 */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** A table with plain borders (no colour in the frame, so it reads well in logs and pipes). */
export function table(head: string[], rows: (string | number)[][], colWidths?: number[]): string {
  const t = new Table({
    head: head.map((h) => pc.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
  for (const r of rows) t.push(r.map(String));
  return t.toString();
}

export function printWarnings(warnings: readonly (CaseIssue | string)[]): void {
  for (const w of warnings)
    process.stderr.write(`${pc.yellow(typeof w === 'string' ? `warning: ${w}` : formatIssue(w))}\n`);
}

/** Validates an `--as-of` value early, with a usage error that says the format. */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new CliError(`--as-of "${value}" is not a date; write YYYY-MM-DD`, EXIT.usage);
  return value;
}

export const signed = (x: number | null, digits = 3): string =>
  x === null ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** Runs an engine call, turning its "unknown id" errors into usage errors that list the known ids. */
export function withKnownIds<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'known' in e && Array.isArray((e as { known: unknown }).known))
      throw new CliError(e.message.replace(/^[\w/]+: /, ''), EXIT.usage);
    throw e;
  }
}
