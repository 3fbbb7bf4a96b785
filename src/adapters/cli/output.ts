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

/**
 * Text from outside (article titles, file names, quotes) made safe to print: terminal control sequences —
 * CSI (colours, cursor moves, screen clears), OSC (window titles, hyperlinks), other ESC sequences — and
 * remaining C0/C1 control characters and bidirectional overrides are removed; tabs and line breaks stay.
 */
export function safeForTerminal(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x5b /* [ */) {
        // CSI: parameters and intermediates, then one final byte in @–~.
        i += 2;
        while (i < n && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x3f) i++;
        if (i < n && text.charCodeAt(i) >= 0x40 && text.charCodeAt(i) <= 0x7e) i++;
      } else if (
        next === 0x5d /* ] */ ||
        next === 0x50 /* P */ ||
        next === 0x5f /* _ */ ||
        next === 0x5e /* ^ */
      ) {
        // OSC, DCS, APC, PM: up to BEL or ESC \.
        i += 2;
        while (i < n && text.charCodeAt(i) !== 0x07 && text.charCodeAt(i) !== 0x1b) i++;
        if (text.charCodeAt(i) === 0x07) i++;
        else if (text.charCodeAt(i) === 0x1b && text.charCodeAt(i + 1) === 0x5c) i += 2;
      } else i += next >= 0x20 && next <= 0x7e ? 2 : 1;
      continue;
    }
    const control =
      (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (!control) out += text[i];
    i++;
  }
  return out;
}
