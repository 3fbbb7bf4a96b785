import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';

const CASE = 'fixtures/cases/two-issue-veto.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'redline-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('redline validate', () => {
  it('accepts a valid case with exit code 0 and a summary', async () => {
    const r = await runCli('validate', CASE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 actors, 2 issues, 5 stances, 2 proposals/);
  });

  it('reports located errors with exit code 1 and --json lists them', async () => {
    const bad = file(
      'bad.yaml',
      'format: 1\nid: t\ntitle: T\nactors:\n  - { id: a, name: A, kind: stat }\nissues: []\n',
    );
    const r = await runCli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}:5:`);
    expect(r.out).toMatch(/did you mean "state"/);
    const j = await runCli('validate', bad, '--json');
    const parsed = JSON.parse(j.out) as { ok: boolean; issues: { code: string; line: number }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues.map((i) => i.code)).toEqual(['invalid_value', 'too_small']);
  });

  it('refuses missing, binary and oversized files with exit code 3', async () => {
    expect((await runCli('validate', join(tmp, 'nope.yaml'))).code).toBe(3);
    const bin = file('junk.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]));
    const r = await runCli('validate', bin);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/not UTF-8 text/);
    const big = file('big.yaml', Buffer.alloc(6 * 1024 * 1024, 0x61));
    const rb = await runCli('validate', big);
    expect(rb.code).toBe(3);
    expect(rb.out).toMatch(/limited to 5 MB/);
  });

  it('--strict turns warnings into failure', async () => {
    const warn = file(
      'warn.yaml',
      'format: 1\nid: t\ntitle: T\nactors: [{ id: a, name: A, kind: state }]\nissues: [{ id: x, name: X, scale: { kind: continuous } }]\nstances: [{ actor: a, issue: x, date: 2025-01-01, position: 10, salience: 5, redLine: { min: 50 } }]\n',
    );
    expect((await runCli('validate', warn)).code).toBe(0);
    expect((await runCli('validate', warn, '--strict')).code).toBe(1);
  });
});

describe('redline check / diff / zopa', () => {
  it('check --json returns the engine result; --fail-on-veto exits 1', async () => {
    const r = await runCli('check', CASE, 'p1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { vetoedBy: string[]; passes: boolean };
    expect(j.vetoedBy).toEqual(['b']);
    expect((await runCli('check', CASE, 'p1', '--fail-on-veto')).code).toBe(1);
  });

  it('check prints the matrix and the verdicts for people', async () => {
    const r = await runCli('check', CASE, 'p1');
    expect(r.out).toMatch(/Would be vetoed by: Beta/);
    expect(r.out).toMatch(/point 1 sets Land to 70, outside its red line \(≤ 40\)/);
  });

  it('an unknown proposal is a usage error naming the known ones', async () => {
    const r = await runCli('check', CASE, 'p9');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/known: p1, p2/);
  });

  it('a malformed --as-of is a usage error', async () => {
    const r = await runCli('check', CASE, 'p1', '--as-of', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/YYYY-MM-DD/);
  });

  it('diff and zopa answer in JSON', async () => {
    const d = JSON.parse((await runCli('diff', CASE, 'p1', 'p2', '--json')).out) as {
      issues: { issue: string; change: string }[];
    };
    expect(d.issues.map((x) => x.change)).toEqual(['moved', 'dropped']);
    const z = JSON.parse((await runCli('zopa', CASE, '--json')).out) as {
      feasible: boolean;
      relaxation: { totalCost: number };
    };
    expect(z.feasible).toBe(false);
    expect(z.relaxation.totalCost).toBe(33);
  });

  it('an unknown command is a usage error (exit 2)', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
  });

  it('schema prints a JSON Schema that describes the case fields', async () => {
    const s = JSON.parse((await runCli('schema')).out) as {
      properties: Record<string, { description?: string }>;
      required: string[];
    };
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['actors', 'issues', 'stances', 'proposals', 'events', 'scenarios']),
    );
    expect(s.required).toEqual(expect.arrayContaining(['format', 'id', 'title', 'actors', 'issues']));
  });
});

describe('colour', () => {
  it('respects NO_COLOR even when colour is forced, in a real process', async () => {
    const { execFileSync } = await import('node:child_process');
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['bin/redline.js', 'check', CASE, 'p1'], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[/;
    expect(run({ FORCE_COLOR: '1' })).toMatch(ansi);
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toMatch(ansi);
  });
});

describe('conflicts are validated with the case', () => {
  it('an unknown decision maker is reported at its line by validate', async () => {
    const r = await runCli('validate', 'fixtures/cases/conflict-unknown-actor.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /conflict-unknown-actor\.yaml:17:\d+: error \[unknown_actor\] conflicts\[0\]\.decisionMakers\[1\]\.actor/,
    );
  });
});
