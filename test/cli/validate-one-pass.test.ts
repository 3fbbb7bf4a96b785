/**
 * `redline validate` reports schema, reference and GMCR statement problems of one file in one run (#11 item
 * 4): before, each kind hid the next (three rounds of fixing). Each expected issue below is a mistake planted
 * by hand in the file, so the assertions do not depend on what the validator happened to print.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';

const tmp = mkdtempSync(join(tmpdir(), 'redline-onepass-'));

const CASE = [
  'format: 1',
  'id: one-pass',
  'title: One pass',
  'actors:',
  '  - { id: us, name: United States, kind: state }',
  '  - { id: iran, name: Iran, kind: state, capability: 1e308 }', // 6: schema (capability bound)
  'issues:',
  '  - id: enrich',
  '    name: Enrichment',
  '    scale: { kind: continuous }',
  'stances:',
  '  - { actor: us, issue: enrich, date: 2015-01-01, position: 10, salience: 150 }', // 12: schema (salience) in an entry that also...
  '  - { actor: irann, issue: enrich, date: 2015-01-01, position: 90, salience: 80 }', // 13: reference
  '  - { actor: uss, issue: enrichment, date: 2015-02-01, position: 500, salience: 80 }', // 14: refs inside an invalid entry
  'conflicts:',
  '  - id: talks',
  '    name: Talks',
  '    decisionMakers:',
  '      - actor: us',
  '        options: [{ id: sanction, name: Sanction }]',
  '        preferences: { statements: ["sanction AND"] }', // 21: GMCR statement does not parse
  '      - actor: iran',
  '        options: [{ id: enrich, name: Enrich }]',
  '        preferences: { statements: ["NOT enrich"] }',
  '',
].join('\n');

describe('redline validate reports every kind of problem in one pass', () => {
  it('schema, reference and conflict-statement errors of one file come out together, each located', async () => {
    const path = join(tmp, 'one-pass.yaml');
    writeFileSync(path, CASE);
    const r = await runCli('validate', '--json', path);
    expect(r.code).toBe(1);
    const { issues } = JSON.parse(r.out) as {
      issues: { code: string; line?: number; path: (string | number)[] }[];
    };
    const at = (code: string, line: number) =>
      expect(
        issues.some((i) => i.code === code && i.line === line),
        `${code} at line ${line} in ${r.out}`,
      ).toBe(true);
    at('out_of_range', 6); // capability 1e308
    at('out_of_range', 12); // salience 150
    at('unknown_actor', 13); // irann
    at('unknown_actor', 14); // uss, inside an entry whose position is also off the scale
    at('unknown_issue', 14); // enrichment
    at('out_of_range', 14); // position 500
    expect(issues.some((i) => i.path.join('.').startsWith('conflicts.0.decisionMakers.0.preferences'))).toBe(
      true,
    );
    for (const i of issues) expect(i.line, JSON.stringify(i)).toBeTypeOf('number');
  });
});
