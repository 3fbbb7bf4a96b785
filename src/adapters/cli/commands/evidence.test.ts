/**
 * `redline ingest` and `redline evidence`: a batch with good and bad documents, the review commands, and an
 * accepted claim written into the case file as a dated, sourced stance with the rest of the file untouched.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCase } from '../../../index.js';
import { runCli } from '../testing.js';

const run = runCli;

afterEach(() => {
  process.exitCode = undefined;
});

const CASE = `# Review test case — this comment stays.
format: 1
id: review
title: Review test
actors:
  - { id: russia, name: Russia, kind: state }
  - { id: ukraine, name: Ukraine, kind: state }
issues:
  - id: sanctions
    name: Sanctions relief
    keywords: [sanctions relief, sanctions]
    scale:
      kind: options
      options:
        - { id: keep, label: Sanctions kept, value: 0 }
        - { id: lifted, label: Sanctions lifted in full, value: 100 }
`;

describe('redline ingest + evidence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-cli-evidence-'));
  const data = join(dir, 'data');
  const caseFile = join(dir, 'case.yaml');
  writeFileSync(caseFile, CASE);
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(
    join(articles, 'a.md'),
    '---\ntitle: Talks in Geneva\ndate: 2025-08-18\n---\nRussia demanded sanctions lifted in full before any deal. Ukraine and Russia met in Geneva on Monday.',
  );
  writeFileSync(join(articles, 'b.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
  writeFileSync(join(articles, 'notes.csv'), 'a,b\n1,2\n');

  it('ingests a folder with per-document outcomes and a summary', async () => {
    const r = await run('ingest', caseFile, articles, '--data', data, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      summary: Record<string, number>;
      documents: Array<{ status: string; code?: string; events: number }>;
    };
    expect(j.summary).toMatchObject({ documents: 3, new: 1, failed: 1, skipped: 1, claims: 1 });
    // At least the demand and the meeting the text reports; the summary adds up the documents.
    expect(j.summary.events).toBeGreaterThanOrEqual(2);
    expect(j.summary.events).toBe(j.documents.reduce((n, d) => n + d.events, 0));
    // A file of another type is skipped with its own outcome, not silently.
    expect(j.documents.map((d) => d.code ?? d.status)).toEqual(['new', 'binary', 'unknown_type']);
  });

  it('lists the claim and accepts it into the case file as a dated, sourced stance', async () => {
    const list = await run('evidence', 'list', caseFile, '--data', data, '--json');
    const claims = JSON.parse(list.out) as Array<{
      id: string;
      claim: { actor: string; direction: string; position?: string };
    }>;
    expect(claims.map((c) => [c.claim.actor, c.claim.direction, c.claim.position])).toEqual([
      ['russia', 'demands', 'lifted'],
    ]);
    const acc = await run('evidence', 'accept', caseFile, claims[0]!.id, '--data', data);
    expect(acc.code).toBe(0);
    const text = readFileSync(caseFile, 'utf8');
    expect(text.startsWith(CASE.trimEnd())).toBe(true); // only additions after the original text
    const parsed = parseCase(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.case.stances).toMatchObject([
      { actor: 'russia', issue: 'sanctions', date: '2025-08-18', position: 'lifted' },
    ]);
    expect(parsed.case.sources[0]).toMatchObject({
      title: 'Talks in Geneva',
      date: '2025-08-18',
      kind: 'article',
    });
    const after = await run('evidence', 'list', caseFile, '--data', data, '--status', 'accepted', '--json');
    expect((JSON.parse(after.out) as unknown[]).length).toBe(1);
  });

  it('reports an unknown id as invalid input', async () => {
    const r = await run('evidence', 'show', caseFile, 'c-nothing', '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no claim or event "c-nothing"/);
  });

  it('refuses to accept a claim that was already decided (rejected or accepted)', async () => {
    const claims = JSON.parse(
      (await run('evidence', 'list', caseFile, '--data', data, '--status', 'all', '--json')).out,
    ) as Array<{ id: string }>;
    const before = readFileSync(caseFile, 'utf8');
    const again = await run('evidence', 'accept', caseFile, claims[0]!.id, '--data', data);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already accepted/);
    expect(readFileSync(caseFile, 'utf8')).toBe(before);
  });
});

describe('redline evidence accept on a CRLF case file, after a rejection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-cli-crlf-'));
  const data = join(dir, 'data');
  const caseFile = join(dir, 'case.yaml');
  const crlf = CASE.replace(/\n/g, '\r\n');
  writeFileSync(caseFile, crlf);
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(
    join(articles, 'a.md'),
    '---\ntitle: Talks in Geneva\ndate: 2025-08-18\n---\nRussia demanded sanctions lifted in full before any deal.',
  );
  writeFileSync(
    join(articles, 'b.md'),
    '---\ntitle: Second round\ndate: 2025-09-02\n---\nOn Tuesday in Vienna the Russian delegation again demanded sanctions lifted in full.',
  );

  it('keeps a rejection, and writes CRLF into a CRLF file', async () => {
    expect((await run('ingest', caseFile, articles, '--data', data, '--json')).code).toBe(0);
    const claims = JSON.parse(
      (await run('evidence', 'list', caseFile, '--data', data, '--json')).out,
    ) as Array<{ id: string }>;
    expect(claims).toHaveLength(2);
    const [id, other] = [claims[0]!.id, claims[1]!.id];
    expect((await run('evidence', 'reject', caseFile, id, '--data', data)).code).toBe(0);
    const refused = await run('evidence', 'accept', caseFile, id, '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already rejected/);
    expect(readFileSync(caseFile, 'utf8')).toBe(crlf);
    // Accepting the other claim adds a stance and keeps every line break CRLF.
    expect((await run('evidence', 'accept', caseFile, other, '--data', data)).code).toBe(0);
    const written = readFileSync(caseFile, 'utf8');
    expect(written.startsWith(crlf.trimEnd())).toBe(true);
    expect(written.length).toBeGreaterThan(crlf.length);
    expect(written.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const { withLineEndingsOf } = await import('./evidence/accept.js');
    const updated = withLineEndingsOf(crlf, `${crlf}stances:\n  - { actor: russia }\n`);
    expect(updated.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    expect(withLineEndingsOf(CASE, `${CASE}x\n`)).toBe(`${CASE}x\n`);
  });
});
