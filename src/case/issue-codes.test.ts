/** docs/case-format.md lists every issue code with its hint, and nothing else (#12 item 2, #11 item 4). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from './issues.js';

const doc = readFileSync(new URL('../../docs/case-format.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Problem codes'));
// Rows look like "| `code` | hint |", padded by the formatter; "\\|" is an escaped bar inside a hint.
const rows = new Map(
  [...section.matchAll(/^\| `([a-z_]+)` +\| (.+?) +\|$/gm)].map((m) => [m[1]!, m[2]!.replace(/\\\|/g, '|')]),
);

describe('issue codes are documented', () => {
  it('every code in ISSUE_CODES has a row in docs/case-format.md with its hint', () => {
    for (const [code, hint] of Object.entries(ISSUE_CODES)) {
      expect(rows.has(code), `${code} missing from docs/case-format.md`).toBe(true);
      expect(rows.get(code), code).toBe(hint);
    }
  });

  it('the docs list no code the union does not have', () => {
    for (const code of rows.keys()) expect(Object.hasOwn(ISSUE_CODES, code), code).toBe(true);
  });
});
