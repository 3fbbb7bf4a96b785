/**
 * `redline watch --once` against a loopback site whose feeds change between runs: new items are ingested
 * once, unchanged ones are skipped through ETags, a slow, failing or malformed source gets its own error
 * without stopping the others, robots.txt is respected, and an inbox folder is read file by file.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';
import { openStore } from '../../src/adapters/store/index.js';
import type { EvidenceRepository } from '../../src/adapters/store/evidence-repo.js';
import { monitorRepository, sourceIdFor } from '../../src/adapters/monitor/repo.js';
import { CASE_YAML, NEWS, startSite, story, type TestSite } from './fixtures.js';

let dir: string;
let site: TestSite;
let caseFile: string;
let inbox: string;
const data = () => join(dir, 'data');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-watch-'));
  caseFile = join(dir, 'case.yaml');
  writeFileSync(caseFile, CASE_YAML);
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  writeFileSync(
    join(inbox, 'memo.html'),
    `<html><head><title>Memo</title></head><body>${story(NEWS.usaDemands)}</body></html>`,
  );
  site = await startSite({ slowMs: 3000 });
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const watchOnce = (...extra: string[]) =>
  runCli(
    'watch',
    caseFile,
    '--once',
    '--json',
    '--data',
    data(),
    '--politeness',
    '0s',
    '--timeout',
    '1s',
    ...extra,
  );

async function inspect() {
  const store = await openStore({ dataDir: data() });
  const repo = monitorRepository(store);
  const evidence = store.evidence as EvidenceRepository;
  const out = {
    sources: await repo.sources.list('watch-test'),
    items: await repo.items.list('watch-test'),
    docs: await evidence.listDocuments('watch-test', 10_000),
    devs: await repo.developments.list('watch-test'),
  };
  await store.close();
  return out;
}

describe('redline watch --once', () => {
  const urls = () => ({
    feed: `${site.url}/feed.xml`,
    page: `${site.url}/page.html`,
    moved: `${site.url}/moved`,
    atom: `${site.url}/atom.xml`,
    slow: `${site.url}/slow.xml`,
    broken: `${site.url}/broken.xml`,
    fails: `${site.url}/fails.xml`,
    private: `${site.url}/private/feed.xml`,
  });

  it('first cycle: every good source is ingested; each bad one has its own error', async () => {
    const u = urls();
    const args = Object.values(u).flatMap((x) => ['--source', x]);
    const r = await watchOnce(...args, '--source', inbox);
    expect(r.code, r.err).toBe(1); // some sources failed: exit 1, the others still ran
    const report = JSON.parse(r.out) as {
      runs: Array<{ sourceId: string; status: string; itemsNew: number; error?: string }>;
    };
    const by = (url: string) => report.runs.find((x) => x.sourceId === sourceIdFor(url))!;
    expect(by(u.feed)).toMatchObject({ status: 'ok', itemsNew: 2 });
    expect(by(u.page)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect(by(u.moved)).toMatchObject({ status: 'ok', itemsNew: 1 }); // 301 → JSON Feed
    expect(by(u.atom)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect(by(inbox)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect(by(u.slow).status).toBe('error');
    expect(by(u.slow).error).toMatch(/^timeout/);
    expect(by(u.broken).error).toMatch(/^bad_feed/);
    expect(by(u.fails).error).toMatch(/HTTP 500/);
    expect(by(u.private).status).toBe('blocked');
    expect(site.hits.get('/private/feed.xml') ?? 0).toBe(0); // robots.txt said no: never requested

    const s = await inspect();
    const status = Object.fromEntries(s.sources.map((x) => [x.location, x]));
    expect(status[u.feed]!.itemsSeen).toBe(2);
    expect(status[u.feed]!.lastSuccessAt).not.toBeNull();
    expect(status[u.broken]!.lastError).toMatch(/bad_feed/);
    expect(status[u.broken]!.lastSuccessAt).toBeNull();
    expect(s.items).toHaveLength(6);
    // Two syndicated copies: the JSON Feed item repeats feed item a1, the inbox memo the Atom entry.
    // Both are stored, each in its original's cluster: 6 documents, 4 stories.
    const clusters = new Set(s.docs.map((d) => d.clusterId));
    expect(s.docs).toHaveLength(6);
    expect(clusters.size).toBe(4);
  });

  it('second cycle: only the new feed item and the new inbox file are ingested; the page answers 304', async () => {
    site.version = 2;
    writeFileSync(
      join(inbox, 'later.md'),
      `---\ntitle: Later\ndate: 2025-09-05\n---\n${NEWS.russiaRejects}\n\nMore text follows here about the talks.`,
    );
    const before = await inspect();
    const r = await watchOnce();
    const report = JSON.parse(r.out) as {
      runs: Array<{ sourceId: string; status: string; itemsNew: number }>;
    };
    const u = urls();
    const by = (url: string) => report.runs.find((x) => x.sourceId === sourceIdFor(url))!;
    expect(by(u.feed)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect(by(u.page)).toMatchObject({ status: 'not_modified', itemsNew: 0 });
    expect(by(u.atom)).toMatchObject({ status: 'not_modified' });
    expect(by(inbox)).toMatchObject({ status: 'ok', itemsNew: 1 });
    expect(site.notModified.get('/page.html')).toBe(1);
    const after = await inspect();
    expect(after.items.length).toBe(before.items.length + 2);
    expect(after.docs.length).toBe(before.docs.length + 2);
    // A third cycle with nothing new adds nothing.
    await watchOnce();
    const third = await inspect();
    expect(third.items.length).toBe(after.items.length);
    expect(third.docs.length).toBe(after.docs.length);
  });

  it('records developments with evidence, grouped across the syndicated copy', async () => {
    const { devs } = await inspect();
    const shift = devs.find((d) => d.kind === 'stance_shift' && d.actor === 'russia' && d.issue === 'nato');
    expect(shift).toBeDefined();
    const red = devs.find((d) => d.kind === 'red_line_signal' && d.actor === 'russia');
    expect(red?.summary).toMatch(/outside its recorded red line/);
    const usa = devs.find((d) => d.kind === 'first_mention' && d.actor === 'usa');
    expect(usa).toBeDefined();
    expect(devs.some((d) => d.kind === 'key_event' && d.eventType === 'reject')).toBe(true);
    const digest = await runCli('digest', caseFile, '--json', '--data', data());
    expect(digest.code).toBe(0);
    const records = JSON.parse(digest.out) as Array<{
      id: string;
      kind: string;
      evidence: string[];
      score: number;
    }>;
    expect(records.length).toBe(devs.length);
    expect(records.find((x) => x.id === shift!.id)!.evidence.length).toBeGreaterThan(0);
    const scores = records.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const md = await runCli('digest', caseFile, '--data', data(), '--since', '2025-01-01');
    expect(md.out).toMatch(/# What changed: Watch test case/);
  });

  it('sources list / add / remove', async () => {
    const list = await runCli('sources', caseFile, 'list', '--json', '--data', data());
    expect((JSON.parse(list.out) as unknown[]).length).toBe(9);
    const rm = await runCli('sources', caseFile, 'remove', urls().slow, '--data', data());
    expect(rm.code).toBe(0);
    const again = await runCli('sources', 'watch-test', 'list', '--json', '--data', data());
    expect((JSON.parse(again.out) as unknown[]).length).toBe(8);
    const bad = await runCli('sources', caseFile, 'add', 'ftp://x', '--data', data());
    expect(bad.code).toBe(2);
  });
});
