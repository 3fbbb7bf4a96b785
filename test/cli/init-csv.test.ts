import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/index.js';
import { runCli } from '../../src/adapters/cli/testing.js';
import { stancesFromCsv } from '../../src/adapters/csv/stance-table.js';

const tmp = mkdtempSync(join(tmpdir(), 'redline-init-'));

async function starter(name: string): Promise<string> {
  const file = join(tmp, name);
  const r = await runCli('init', file, '--date', '2026-01-10', '--title', 'Border talks: "round one"');
  expect(r.code, r.err).toBe(0);
  return file;
}

describe('redline init', () => {
  it('writes a starter case that the schema accepts, with the JSON Schema beside it', async () => {
    const file = await starter('Border Talks.yaml');
    const parsed = parseCase(readFileSync(file, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.case.id).toBe('border-talks');
    expect(parsed.case.title).toBe('Border talks: "round one"');
    expect(parsed.case.asOf).toBe('2026-01-10');
    expect(existsSync(join(tmp, 'redline.schema.json'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^# /m); // commented for a new user
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const file = await starter('once.yaml');
    const again = await runCli('init', file);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists already.*--force/);
    expect((await runCli('init', file, '--force', '--no-schema')).code).toBe(0);
  });

  it('gives a case whose draft accord every veto player accepts, with hand-computed utilities', async () => {
    const file = await starter('accord.yaml');
    const r = await runCli('check', file, 'draft-accord', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { vetoedBy: string[]; verdicts: { actor: string; utility: number }[] };
    expect(out.vetoedBy).toEqual([]);
    // north: border 0 vs plan 50 = status quo 50 → 0; troops at 20: plan 50 gives 0.7, status quo 0 gives 0.8.
    // (80·0 + 40·(−0.1)) / 120 = −0.0333. south: troops at 90: 0.6 − 0.1 = +0.5 → (70·0 + 60·0.5) / 130.
    const u = Object.fromEntries(out.verdicts.map((v) => [v.actor, v.utility]));
    expect(u.north).toBeCloseTo(-4 / 120, 6);
    expect(u.south).toBeCloseTo(30 / 130, 6);
    // The scenario narrows Southland's border red line to its own claim: the shared strip now crosses it.
    const s = await runCli('check', file, 'draft-accord', '--scenario', 'south-hardens', '--json');
    expect((JSON.parse(s.out) as { vetoedBy: string[] }).vetoedBy).toEqual(['south']);
  });
});

describe('redline csv', () => {
  it('exports every stance with red lines written as ranges or option lists', async () => {
    const file = await starter('export.yaml');
    const r = await runCli('csv', 'export', 'stances', file);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('actor,issue,date,position,salience,redLine,source,quote,note');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(
      'north,border,2026-01-10,north-claim,80,north-claim|split,memo-1,the strip stays ours or is shared,',
    );
    expect(lines[3]).toContain(',..60,');
    expect(lines[4]).toContain(',40..,');
  });

  it('exports the check matrix of a proposal: one row per point and actor', async () => {
    const file = await starter('matrix.yaml');
    const r = await runCli('csv', 'export', 'check', file, 'draft-accord');
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe('point,actor,status,reason');
    const north1 = rows.find((l) => l.startsWith('1,north,'));
    expect(north1).toMatch(/^1,north,inside,/);
  });

  it('round-trips a stance table: export, import into another case, same stances', () => {
    const t =
      'actor,issue,date,position,salience,redLine,source,quote,note\nnorth,troops,2026-02-01,35,45,10..70,,,"moved, after talks"\n';
    const r = stancesFromCsv(t);
    expect(r.problems).toEqual([]);
    expect(r.stances).toEqual([
      {
        actor: 'north',
        issue: 'troops',
        date: '2026-02-01',
        position: 35,
        salience: 45,
        redLine: { min: 10, max: 70 },
        note: 'moved, after talks',
      },
    ]);
  });

  it('imports stances into the case file, keeping its comments, and the check sees them', async () => {
    const file = await starter('import.yaml');
    const table = join(tmp, 'more.csv');
    // Southland later accepts only its own claim: the draft accord then crosses its red line.
    writeFileSync(
      table,
      'actor,issue,date,position,salience,redLine\nsouth,border,2026-02-01,south-claim,75,south-claim\n',
    );
    const r = await runCli('csv', 'import', file, table, '--in-place');
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Actors: capability is relative leverage');
    // The new stance is dated after the case's asOf, so it counts from that date on.
    const c = await runCli('check', file, 'draft-accord', '--as-of', '2026-02-01', '--json');
    expect((JSON.parse(c.out) as { vetoedBy: string[] }).vetoedBy).toEqual(['south']);
  });

  it('reports every bad row with its line and writes nothing when the rows do not fit the case', async () => {
    const file = await starter('bad-import.yaml');
    const before = readFileSync(file, 'utf8');
    const table = join(tmp, 'bad.csv');
    writeFileSync(
      table,
      'actor,issue,date,position,salience,redLine\nnorth,border,2026-02-01,split,lots,\nsouth,border,,split,20,5..\n',
    );
    const r = await runCli('csv', 'import', file, table, '--in-place');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv:2: salience: "lots" is not a number/);
    expect(r.err).toMatch(/bad\.csv:3: date: the date column is empty/);
    const unknown = join(tmp, 'unknown.csv');
    writeFileSync(unknown, 'actor,issue,date,position,salience\nnobody,border,2026-02-01,split,20\n');
    const u = await runCli('csv', 'import', file, unknown, '--in-place');
    expect(u.code).toBe(1);
    expect(u.err).toMatch(/nothing was written/);
    expect(u.err).toMatch(/nobody/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
