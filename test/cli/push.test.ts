/** `redline push`: a local case file reaches a team server (loopback) as a new case, then as new versions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/testing.js';
import { starterCase } from '../../src/adapters/cli/templates/starter-case.js';
import { harness, type Harness } from '../server/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-push-'));
let h: Harness;
let server: string;
let editor: string;
let viewer: string;

beforeAll(async () => {
  h = await harness({ auth: true, seed: false });
  editor = (await h.store.tokens.create('editor')).token;
  viewer = (await h.store.tokens.create('viewer')).token;
  server = await h.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, title: string) => {
  const file = join(dir, name);
  writeFileSync(file, starterCase({ id: 'pushed', title, date: '2026-01-10', file: name }));
  return file;
};

describe('redline push', () => {
  it('creates the case, then saves an edit as the next version, and says when nothing changed', async () => {
    const file = write('pushed.yaml', 'First push');
    const first = await runCli('push', file, '--server', server, '--token', editor, '--json');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ case: 'pushed', version: 1, created: true });
    const same = await runCli('push', file, '--server', server, '--token', editor, '--json');
    expect(JSON.parse(same.out)).toMatchObject({ version: 1, changed: false });
    write('pushed.yaml', 'Second push');
    const second = await runCli(
      'push',
      file,
      '--server',
      server,
      '--token',
      editor,
      '-m',
      'retitled',
      '--json',
    );
    expect(JSON.parse(second.out)).toMatchObject({ version: 2, created: false });
    expect((await h.store.cases.get('pushed'))?.message).toBe('retitled');
  });

  it('refuses without a writer token, with a stale base version, and for an invalid file, sending nothing', async () => {
    const file = write('pushed.yaml', 'Third push');
    const none = await runCli('push', file, '--server', server);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/needs an API token/);
    const read = await runCli('push', file, '--server', server, '--token', viewer);
    expect(read.code).toBe(2);
    expect(read.err).toMatch(/refused/);
    const stale = await runCli('push', file, '--server', server, '--token', editor, '--base-version', '1');
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/push again/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'format: 1\nid: pushed\n');
    const invalid = await runCli('push', bad, '--server', server, '--token', editor);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/nothing was sent/);
    expect((await h.store.cases.get('pushed'))?.version).toBe(2);
  });

  it('says clearly when the server cannot be reached', async () => {
    const file = write('pushed.yaml', 'Unreachable');
    const r = await runCli('push', file, '--server', 'http://127.0.0.1:9', '--token', editor);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/cannot reach/);
  });
});
