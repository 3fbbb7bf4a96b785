/**
 * `redline serve CASE...`: a case file is the source of truth. Edits on disk become new versions; with
 * --write-back a version saved in the dashboard reaches the file, unless the file changed meanwhile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syncCaseFiles, type SyncEvent } from '../../src/adapters/files/case-sync.js';
import { openStore } from '../../src/adapters/store/index.js';
import { starterCase } from '../../src/adapters/cli/templates/starter-case.js';

const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redline-serve-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (title: string) => starterCase({ id: 'border', title, date: '2026-01-10', file: 'border.yaml' });

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('case files synced with the store', () => {
  it('imports a file, picks up an edit on disk as a new version and ignores an invalid one', async () => {
    const sub = mkdtempSync(join(dir, 'a-'));
    const file = join(sub, 'border.yaml');
    writeFileSync(file, text('First title'));
    const store = await openStore({ dataDir: join(sub, 'data') });
    const events: SyncEvent[] = [];
    const sync = await syncCaseFiles(store, [file], { onEvent: (e) => events.push(e), debounceMs: 50 });
    try {
      expect(sync.initial[0]).toMatchObject({
        kind: 'imported',
        caseId: 'border',
        version: 1,
        created: true,
      });
      writeFileSync(file, text('Second title'));
      const v2 = await until('version 2', async () => {
        const c = await store.cases.get('border');
        return c && c.version === 2 ? c : undefined;
      });
      expect(v2.title).toBe('Second title');
      writeFileSync(file, 'format: 1\nid: border\ntitle: [unclosed\n');
      await until('the invalid edit to be reported', async () => events.find((e) => e.kind === 'invalid'));
      expect((await store.cases.get('border'))?.version).toBe(2);
    } finally {
      sync.close();
      await store.close();
    }
  });

  it('writes a dashboard version back to the file, and refuses when the file changed meanwhile', async () => {
    const sub = mkdtempSync(join(dir, 'b-'));
    const file = join(sub, 'border.yaml');
    writeFileSync(file, text('On disk'));
    const store = await openStore({ dataDir: join(sub, 'data') });
    const sync = await syncCaseFiles(store, [file], { writeBack: true, pollMs: 60_000, debounceMs: 60_000 });
    try {
      const edited = text('Edited in the dashboard');
      const parsed = (await store.cases.get('border'))!;
      await store.cases.save('border', {
        title: 'Edited in the dashboard',
        yaml: edited,
        case: parsed.case,
        baseVersion: 1,
      });
      expect(await sync.writeBack()).toMatchObject([{ kind: 'written', version: 2 }]);
      expect(readFileSync(file, 'utf8')).toBe(edited);
      // Now both sides change: a dashboard save and a hand edit before the next write-back.
      await store.cases.save('border', {
        title: 'Dashboard again',
        yaml: text('Dashboard again'),
        case: parsed.case,
        baseVersion: 2,
      });
      writeFileSync(file, text('Hand edit'));
      const [conflict] = await sync.writeBack();
      expect(conflict?.kind).toBe('conflict');
      expect(readFileSync(file, 'utf8')).toBe(text('Hand edit'));
      // The hand edit is then imported; the dashboard's version 3 stays in the history.
      const imported = await sync.importFile(file);
      expect(imported).toMatchObject({ kind: 'imported', version: 4, replaced: [3] });
      expect((await store.cases.getVersion('border', 3))?.title).toBe('Dashboard again');
    } finally {
      sync.close();
      await store.close();
    }
  });
});

describe('redline serve FILE', () => {
  it('serves the given file instead of the example and follows an edit on disk', async () => {
    const sub = mkdtempSync(join(dir, 'c-'));
    const file = join(sub, 'border.yaml');
    writeFileSync(file, text('Served from a file'));
    const proc = spawn(process.execPath, [BIN, 'serve', file, '--port', '0', '--data', join(sub, 'data')], {
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let t = '';
        proc.stdout.on('data', (d: Buffer) => {
          t += d.toString();
          if (t.includes('Press Ctrl+C')) resolve(t);
        });
        proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${t}`)));
      });
      const url = /Redline is running at (http:\/\/localhost:\d+)/.exec(out)![1]!;
      const list = (await (await fetch(`${url}/api/cases`)).json()) as { items: { id: string }[] };
      expect(list.items.map((c) => c.id)).toEqual(['border']);
      writeFileSync(file, text('Edited on disk'));
      const title = await until('the edit to reach the API', async () => {
        const body = (await (await fetch(`${url}/api/cases/border`)).json()) as {
          version?: number;
          title?: string;
        };
        return body.version === 2 ? body.title : undefined;
      });
      expect(title).toBe('Edited on disk');
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.on('exit', r));
    }
  });
});
