/**
 * The compiled command (`bin/redline.js` → dist/cli/bundle, rebuilt by test/global-setup.ts) does what the
 * sources do: what a bundler can lose are modules reached by a computed specifier (the store's evidence
 * module), worker-thread entries and files found next to a module (the example case, the dashboard).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'redline-compiled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function redline(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, ['bin/redline.js', ...args], {
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

describe('the compiled redline command', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await redline('--version');
    expect(r).toMatchObject({ code: 0, out: `${pkg.version}\n` });
  });

  it('ingests into the evidence store (a module the store loads by a computed path)', async () => {
    const article = join(tmp, 'article.txt');
    writeFileSync(
      article,
      'Geneva, 3 December 2025. Delegations of Ukraine and Russia met for talks on Wednesday.\n',
    );
    const r = await redline(
      'ingest',
      'examples/ukraine-2025/case.yaml',
      article,
      '--data',
      join(tmp, 'data'),
      '--json',
      '--no-progress',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { summary: { documents: number; new: number } }).summary).toMatchObject({
      documents: 1,
      new: 1,
    });
  });

  it('runs Monte Carlo on two worker threads with the result of one thread', async () => {
    const args = ['forecast', 'fixtures/cases/two-issue-veto.yaml', '--model', 'compromise', '--runs', '400'];
    const one = await redline(...args, '--seed', '7', '--threads', '1', '--json');
    const two = await redline(...args, '--seed', '7', '--threads', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
  });
});
