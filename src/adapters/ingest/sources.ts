/**
 * Reading article inputs: files, folders (recursive), JSON Lines, and standard input ("-"). Each document
 * comes out as an article or as a located failure (too large, binary, invalid UTF-8, empty, bad JSON,
 * over-long line) so a batch can report it and carry on. Memory stays bounded: whole documents are read only
 * below `maxBytes`, JSON Lines are streamed and a line longer than `maxLineBytes` is skipped unread.
 */
import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { findArticleDate, type ArticleInput, type RemovalNote } from '../../index.js';
import { firstInvalidUtf8, looksBinary } from './guards.js';
import { extractHtml, isoDay } from './html.js';
import { looksLikeHtml } from './html-prescan.js';

export type InputFormat = 'text' | 'markdown' | 'html' | 'jsonl';

export type InputItem =
  | {
      ok: true;
      origin: string;
      format: InputFormat;
      article: ArticleInput;
      /** Furniture the HTML extractor removed (cleaning of the text adds its own). */
      removals?: RemovalNote[];
      /** What reading or extraction changed (depth cap, plain text in an .html file). */
      warnings?: string[];
    }
  | {
      ok: false;
      origin: string;
      code: string;
      message: string;
      hint?: string;
      /** Not an article at all (unknown type, link, hidden): reported as skipped rather than failed. */
      skip?: boolean;
    };

export interface ReadOptions {
  /** Largest whole document read (text, Markdown, HTML, stdin), in bytes. */
  maxBytes?: number;
  /** Longest JSON Lines record, in bytes. */
  maxLineBytes?: number;
  stdin?: Readable;
}

export const READ_DEFAULTS = { maxBytes: 10 * 1024 * 1024, maxLineBytes: 4 * 1024 * 1024 };

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};
const ARTICLE_TYPES = '.txt, .md, .html or .jsonl';

const fail = (origin: string, code: string, message: string, hint?: string): InputItem => ({
  ok: false,
  origin,
  code,
  message,
  ...(hint ? { hint } : {}),
});
const skip = (origin: string, code: string, message: string): InputItem => ({
  ok: false,
  origin,
  code,
  message,
  skip: true,
});

const errCode = (e: unknown) =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a folder',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a path component is not a folder',
  EMFILE: 'too many open files',
};
const unreadable = (origin: string, e: unknown): InputItem => {
  const code = errCode(e);
  return fail(
    origin,
    'unreadable',
    `cannot read: ${ERRNO_TEXT[code] ?? code} (${code})`,
    'check the permissions and the disk',
  );
};

/** What a non-regular file is, for its outcome. */
function kindOf(st: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Every document in `paths`, in order (folders sorted by name). Never throws: each path, folder entry and
 * record becomes an article or a located failure.
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<InputItem> {
  const opts = { ...READ_DEFAULTS, ...options };
  for (const p of paths) {
    try {
      if (p === '-') {
        yield* readStdin(opts.stdin ?? process.stdin, opts);
        continue;
      }
      let st;
      try {
        // A path named explicitly is followed if it is a link; what it points at must still be a file.
        st = await stat(p);
      } catch (e) {
        const code = errCode(e);
        yield fail(
          p,
          code === 'ENOENT' ? 'not_found' : 'unreadable',
          code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${ERRNO_TEXT[code] ?? code} (${code})`,
          'check the path',
        );
        continue;
      }
      if (st.isDirectory()) yield* walk(p, opts);
      else if (!st.isFile())
        yield fail(
          p,
          'not_a_file',
          `${kindOf(st)}, not an article file; not read`,
          `give ${ARTICLE_TYPES} files`,
        );
      else yield* readFileInput(p, opts);
    } catch (e) {
      yield fail(
        p,
        'internal',
        `internal error while reading: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}

/**
 * A folder, recursively. In folders only article types are read; everything else — other types, links
 * (never followed, so no loop and no escape from the folder), pipes and devices, unreadable sub-folders —
 * gets a skipped or failed outcome. Hidden entries (".git", ".DS_Store") are passed over silently.
 */
async function* walk(dir: string, opts: typeof READ_DEFAULTS & ReadOptions): AsyncGenerator<InputItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield fail(
      dir,
      'unreadable',
      `cannot read the folder: ${ERRNO_TEXT[errCode(e)] ?? errCode(e)} (${errCode(e)})`,
      'check its permissions',
    );
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    try {
      if (e.isDirectory()) yield* walk(full, opts);
      else if (e.isSymbolicLink())
        yield skip(
          full,
          'symlink',
          'a symbolic link inside a folder is not followed; give its target explicitly',
        );
      else if (!e.isFile()) yield fail(full, 'not_a_file', `${kindOf(e)}, not an article file; not read`);
      else if (!EXTENSIONS[extname(e.name).toLowerCase()])
        yield skip(
          full,
          'unknown_type',
          `"${extname(e.name) || 'no extension'}" is not an article type (${ARTICLE_TYPES}); skipped`,
        );
      else yield* readFileInput(full, opts);
    } catch (err) {
      yield fail(
        full,
        'internal',
        `internal error while reading: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

/**
 * Opens a file without blocking (O_NONBLOCK: a FIFO swapped in after the type check cannot hang the read)
 * and checks the opened handle is a regular file before reading.
 */
async function openRegular(path: string): Promise<{ fh: FileHandle; size: number } | InputItem> {
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return unreadable(path, e);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      return fail(path, 'not_a_file', `${kindOf(st)}, not an article file; not read`);
    }
    return { fh, size: st.size };
  } catch (e) {
    await fh.close().catch(() => {});
    return unreadable(path, e);
  }
}

/** Reads at most `limit + 1` bytes (a file that grew past its size is still bounded). */
async function readBounded(fh: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}

const tooLarge = (path: string, size: number, max: number) =>
  fail(
    path,
    'too_large',
    `${(size / 1048576).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit for one article`,
    'split the file, or give articles as JSON Lines, one record per line',
  );

async function* readFileInput(
  path: string,
  opts: typeof READ_DEFAULTS & ReadOptions,
): AsyncGenerator<InputItem> {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  const opened = await openRegular(path);
  if (!('fh' in opened)) {
    yield opened;
    return;
  }
  const { fh, size } = opened;
  try {
    if (format === 'jsonl') {
      yield* readJsonLines(fh.createReadStream({ autoClose: false }), path, opts);
      return;
    }
    if (size > opts.maxBytes) {
      yield tooLarge(path, size, opts.maxBytes);
      return;
    }
    let buf: Buffer;
    try {
      buf = await readBounded(fh, opts.maxBytes);
    } catch (e) {
      yield unreadable(path, e);
      return;
    }
    if (buf.length > opts.maxBytes) {
      yield tooLarge(path, buf.length, opts.maxBytes);
      return;
    }
    const decoded = decode(buf, path);
    if (!decoded.ok) {
      yield decoded.item;
      return;
    }
    yield toArticle(
      path,
      format ?? (/^\s*</.test(decoded.text.slice(0, 200)) ? 'html' : 'text'),
      decoded.text,
    );
  } finally {
    await fh.close().catch(() => {});
  }
}

function decode(
  buf: Uint8Array,
  origin: string,
): { ok: true; text: string } | { ok: false; item: InputItem } {
  if (looksBinary(buf.subarray(0, 8192)))
    return {
      ok: false,
      item: fail(
        origin,
        'binary',
        'binary data (NUL or control bytes), not text',
        'give .txt, .md, .html or .jsonl files',
      ),
    };
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0)
    return {
      ok: false,
      item: fail(
        origin,
        'invalid_utf8',
        `invalid UTF-8 at byte ${bad}`,
        'convert the file to UTF-8, e.g. iconv -f windows-1252 -t utf-8',
      ),
    };
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  if (text.trim().length === 0) return { ok: false, item: fail(origin, 'empty', 'the document is empty') };
  return { ok: true, text };
}

/**
 * Builds the article for one decoded document, reading metadata the format carries. Never throws: an
 * extractor failure is this document's outcome.
 */
export function toArticle(origin: string, format: InputFormat, text: string): InputItem {
  try {
    return buildArticle(origin, format, text);
  } catch (e) {
    return fail(
      origin,
      'extract_failed',
      `could not read the ${format} document: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function buildArticle(origin: string, format: InputFormat, text: string): InputItem {
  if (format === 'html') {
    if (!looksLikeHtml(text)) {
      const item = buildArticle(origin, 'text', text);
      return item.ok ? { ...item, warnings: ['no HTML markup in the file: read as plain text'] } : item;
    }
    const x = extractHtml(text);
    if (!x.text.trim())
      return fail(origin, 'empty', 'no article text found in the HTML (only markup, comments or scripts)');
    return {
      ok: true,
      origin,
      format,
      article: { text: x.text, ...pick(x) },
      ...(x.removals.length ? { removals: x.removals } : {}),
      ...(x.warnings.length ? { warnings: x.warnings } : {}),
    };
  }
  if (format === 'markdown') {
    // Front matter is small: it is looked for (and parsed) only in the first 64 KB.
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text.slice(0, 65_536));
    if (fm) {
      let meta: Record<string, unknown> = {};
      try {
        const parsed: unknown = parseYaml(fm[1]!);
        if (parsed && typeof parsed === 'object') meta = parsed as Record<string, unknown>;
      } catch {
        /* front matter that is not YAML is kept as text */
      }
      return { ok: true, origin, format, article: { text: text.slice(fm[0].length), ...metadata(meta) } };
    }
    return { ok: true, origin, format, article: { text } };
  }
  // Plain text: optional "Title:", "Date:", "Source:", "URL:" header lines before the first blank line.
  const header = /^((?:(?:title|date|published|source|publisher|url|link)\s*:[^\n]*\n)+)\s*\n/i.exec(text);
  if (header) {
    const meta: Record<string, unknown> = {};
    for (const line of header[1]!.split('\n')) {
      const m = /^(\w+)\s*:\s*(.*)$/.exec(line.trim());
      if (m) meta[m[1]!.toLowerCase()] = m[2];
    }
    return { ok: true, origin, format, article: { text: text.slice(header[0].length), ...metadata(meta) } };
  }
  return { ok: true, origin, format, article: { text } };
}

const pick = (x: { title?: string; date?: string; publisher?: string; url?: string }) => ({
  ...(x.title ? { title: x.title } : {}),
  ...(x.date ? { date: x.date } : {}),
  ...(x.publisher ? { publisher: x.publisher } : {}),
  ...(x.url ? { url: x.url } : {}),
});

/** Metadata from a record with common field names (title/headline, date/published, publisher/source, url/link). */
export function metadata(r: Record<string, unknown>): Partial<ArticleInput> {
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = r[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
    }
    return undefined;
  };
  const rawDate = str('date', 'published', 'publishedAt', 'published_at', 'datePublished', 'seendate');
  const date = rawDate ? (isoDay(rawDate) ?? findArticleDate(rawDate) ?? compactDate(rawDate)) : undefined;
  const title = str('title', 'headline');
  const publisher = str('publisher', 'source', 'site', 'domain');
  const url = str('url', 'link');
  return {
    ...pick({
      ...(title ? { title } : {}),
      ...(date ? { date } : {}),
      ...(publisher ? { publisher } : {}),
      ...(url ? { url } : {}),
    }),
  };
}

/** GDELT-style 20250816T090000Z or 20250816. */
function compactDate(v: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

async function* readStdin(
  stream: Readable,
  opts: typeof READ_DEFAULTS & ReadOptions,
): AsyncGenerator<InputItem> {
  // Peek the first chunk: JSON Lines when it opens with "{", otherwise one document.
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await it.next();
  if (first.done) {
    yield fail('stdin', 'empty', 'standard input is empty');
    return;
  }
  const head = toBuf(first.value);
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield toBuf(r.value);
  }
  if (/^\s*\{/.test(head.subarray(0, 64).toString('utf8'))) {
    yield* readJsonLines(rest(), 'stdin', opts);
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of rest()) {
    total += c.length;
    if (total > opts.maxBytes) {
      yield fail(
        'stdin',
        'too_large',
        `standard input is over the ${(opts.maxBytes / 1048576).toFixed(0)} MB limit for one article`,
        'give articles as JSON Lines',
      );
      return;
    }
    chunks.push(c);
  }
  const decoded = decode(Buffer.concat(chunks), 'stdin');
  if (!decoded.ok) yield decoded.item;
  else yield toArticle('stdin', /^\s*</.test(decoded.text.slice(0, 200)) ? 'html' : 'text', decoded.text);
}

const toBuf = (c: Buffer | string) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c);

/** JSON Lines, streamed with a bounded line buffer. */
async function* readJsonLines(
  stream: AsyncIterable<Buffer | string>,
  origin: string,
  opts: typeof READ_DEFAULTS & ReadOptions,
): AsyncGenerator<InputItem> {
  let parts: Buffer[] = [];
  let length = 0;
  let lineNo = 1;
  let skipping = false;
  let records = 0;
  const finish = function* (): Generator<InputItem> {
    const where = `${origin}:${lineNo}`;
    if (skipping) {
      yield fail(
        where,
        'line_too_long',
        `record longer than ${(opts.maxLineBytes / 1048576).toFixed(0)} MB; skipped`,
        'put one article per line, without embedded files',
      );
    } else if (length > 0) {
      const buf = Buffer.concat(parts, length);
      const decoded = decode(buf, where);
      if (!decoded.ok) {
        if ((decoded.item as { code: string }).code !== 'empty') yield decoded.item;
      } else yield parseRecord(where, decoded.text);
      records++;
    }
    parts = [];
    length = 0;
    skipping = false;
    lineNo++;
  };
  try {
    for await (const raw of stream) {
      let chunk = toBuf(raw);
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10)) {
        if (!skipping) {
          if (length + nl > opts.maxLineBytes) skipping = true;
          else {
            parts.push(chunk.subarray(0, nl));
            length += nl;
          }
        }
        yield* finish();
        chunk = chunk.subarray(nl + 1);
      }
      if (!skipping) {
        if (length + chunk.length > opts.maxLineBytes) {
          skipping = true;
          parts = [];
          length = 0;
        } else {
          parts.push(chunk);
          length += chunk.length;
        }
      }
    }
  } catch (e) {
    yield fail(origin, 'unreadable', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return;
  }
  if (length > 0 || skipping) yield* finish();
  if (records === 0 && lineNo <= 2) yield fail(origin, 'empty', 'no records');
}

function parseRecord(origin: string, line: string): InputItem {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch (e) {
    return fail(
      origin,
      'bad_json',
      `not valid JSON: ${(e as Error).message}`,
      'each line must be one JSON object',
    );
  }
  if (!r || typeof r !== 'object' || Array.isArray(r))
    return fail(origin, 'bad_record', 'the line is not a JSON object');
  const rec = r as Record<string, unknown>;
  const text = ['text', 'content', 'body', 'article']
    .map((k) => rec[k])
    .find((v): v is string => typeof v === 'string');
  const html = typeof rec.html === 'string' ? rec.html : undefined;
  if (!text && !html)
    return fail(origin, 'no_text', 'the record has no "text" (or "content", "body", "html") field');
  const base =
    html && !text
      ? toArticle(origin, 'html', html)
      : ({ ok: true, origin, format: 'jsonl', article: { text: text! } } as InputItem);
  if (!base.ok) return base;
  return {
    ...base,
    format: 'jsonl',
    article: { ...base.article, ...metadata(rec), ...(typeof rec.id === 'string' ? { id: rec.id } : {}) },
  };
}
