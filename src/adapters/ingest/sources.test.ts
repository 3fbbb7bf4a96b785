import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, looksBinary } from './guards.js';
import { readInputs, type InputItem } from './sources.js';

async function collect(paths: string[], opts = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const i of readInputs(paths, opts)) out.push(i);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'redline-sources-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('guards', () => {
  it('finds the first invalid UTF-8 byte (RFC 3629: overlong forms and lone continuation bytes are invalid)', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Kyiv — Київ'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82]))).toBe(0);
  });
  it('calls NUL-bearing data binary', () => {
    expect(looksBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain text\n'))).toBe(false);
  });
});

describe('readInputs', () => {
  it('gives each bad file a located failure and keeps going', async () => {
    const items = await collect([
      file('a.txt', 'Title: Talks\nDate: 2025-08-16\n\nRussia and Ukraine met.'),
      file('b.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
      file('c.txt', Uint8Array.from([0x52, 0x75, 0xff, 0x73])),
      file('d.txt', '   \n'),
      join(dir, 'missing.txt'),
    ]);
    expect(items.map((i) => (i.ok ? 'ok' : i.code))).toEqual([
      'ok',
      'binary',
      'invalid_utf8',
      'empty',
      'not_found',
    ]);
    expect(items[0]).toMatchObject({
      ok: true,
      article: { title: 'Talks', date: '2025-08-16', text: 'Russia and Ukraine met.' },
    });
    expect(items[2]).toMatchObject({ message: 'invalid UTF-8 at byte 2' });
  });
  it('refuses a document over the size limit without reading it', async () => {
    const items = await collect([file('big.txt', 'x'.repeat(2000))], { maxBytes: 1000 });
    expect(items[0]).toMatchObject({ ok: false, code: 'too_large' });
  });
  it('reads JSON Lines records with metadata and reports bad lines by number', async () => {
    const p = file(
      'feed.jsonl',
      [
        JSON.stringify({
          title: 'One',
          text: 'Russia met Ukraine.',
          published: '2025-08-16T10:00:00Z',
          source: 'Wire',
          url: 'https://example.org/1',
        }),
        '{not json',
        JSON.stringify({ title: 'No text' }),
        '',
        JSON.stringify({
          html: '<html><body><article><p>Ukraine met Russia in Geneva on Monday for talks.</p></article></body></html>',
        }),
      ].join('\n'),
    );
    const items = await collect([p]);
    expect(items.map((i) => (i.ok ? 'ok' : `${i.code}@${i.origin.split(':').pop()}`))).toEqual([
      'ok',
      'bad_json@2',
      'no_text@3',
      'ok',
    ]);
    expect(items[0]).toMatchObject({
      article: { date: '2025-08-16', publisher: 'Wire', url: 'https://example.org/1' },
    });
  });
  it('skips a 50 MB single-line record with bounded memory', async () => {
    const p = join(dir, 'huge.jsonl');
    await new Promise<void>((resolve, reject) => {
      const ws = createWriteStream(p);
      const chunk = 'a'.repeat(1 << 20);
      ws.write('{"text":"');
      for (let i = 0; i < 50; i++) ws.write(chunk);
      ws.write('"}\n');
      ws.end(JSON.stringify({ text: 'Russia met Ukraine.' }) + '\n');
      ws.on('finish', resolve).on('error', reject);
    });
    const before = process.memoryUsage().rss;
    const items = await collect([p], { maxLineBytes: 4 * 1024 * 1024 });
    expect(items.map((i) => (i.ok ? 'ok' : i.code))).toEqual(['line_too_long', 'ok']);
    // The 50 MB line was never held whole (generous bound: it would need ≥ 50 MB, twice that as a string).
    expect(process.memoryUsage().rss - before).toBeLessThan(45 * 1024 * 1024);
  });
  it('reads standard input as one document, or as JSON Lines when it starts with "{"', async () => {
    expect(
      await collect(['-'], { stdin: Readable.from([Buffer.from('Kyiv rejected the plan.')]) }),
    ).toMatchObject([{ ok: true, origin: 'stdin', article: { text: 'Kyiv rejected the plan.' } }]);
    const jl = await collect(['-'], {
      stdin: Readable.from([Buffer.from('{"text":"a b"}\n{"text":"c d"}\n')]),
    });
    expect(jl.map((i) => i.origin)).toEqual(['stdin:1', 'stdin:2']);
  });
  it('walks folders in name order and reads Markdown front matter', async () => {
    const sub = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(
      join(sub, '2.md'),
      '---\ntitle: Second\ndate: 2025-08-17\n---\n# Heading\n\nUkraine met Russia.',
    );
    writeFileSync(join(sub, '1.txt'), 'First article text.');
    const items = await collect([sub]);
    expect(items.map((i) => (i.ok ? [i.format, i.article.title ?? null] : i.code))).toEqual([
      ['text', null],
      ['markdown', 'Second'],
    ]);
  });
});
