/**
 * What a source holds right now, as keyed items: a feed's entries (RSS 2.0, Atom, JSON Feed, parsed by
 * @extractus/feed-extractor), a page (one item per distinct extracted text), or a folder's article files
 * (one item per file version). Items are listed cheaply first and loaded (read, or their page fetched)
 * only when the ledger has not seen their key.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { readInputs, toArticle, type InputItem } from '../ingest/sources.js';
import { isoDay } from '../ingest/html.js';
import type { PoliteFetcher } from './http.js';

export interface SourceItem {
  key: string;
  title?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
  /** Reads or fetches the item's article(s); a JSON Lines file may hold several. */
  load(): Promise<InputItem[]>;
}

export type Collected =
  | {
      status: 'ok';
      format: 'rss' | 'atom' | 'json' | 'page' | 'folder';
      items: SourceItem[];
      httpStatus?: number;
      etag?: string | null;
      lastModified?: string | null;
    }
  | { status: 'not_modified'; httpStatus: 304 }
  | { status: 'error' | 'blocked'; error: string; httpStatus?: number | undefined };

/** Feed text shorter than this (after tags are stripped) is a teaser: the linked page is fetched instead. */
export const MIN_FEED_TEXT = 400;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export async function collectUrl(
  location: string,
  fetcher: PoliteFetcher,
  validators: { etag?: string | null; lastModified?: string | null },
): Promise<Collected> {
  const res = await fetcher.fetch(location, validators);
  if (!res.ok)
    return {
      status: res.code === 'robots' ? 'blocked' : 'error',
      error: `${res.code}: ${res.message}`,
      ...(res.status ? { httpStatus: res.status } : {}),
    };
  if (res.notModified) return { status: 'not_modified', httpStatus: 304 };
  const meta = { httpStatus: res.status, etag: res.etag, lastModified: res.lastModified };
  const kind = sniff(res.body, res.contentType);
  if (kind === 'page') {
    const item = toArticle(res.url, 'html', res.body);
    const text = item.ok ? item.article.text : res.body;
    return {
      status: 'ok',
      format: 'page',
      ...meta,
      items: [
        {
          key: `page:${sha(text).slice(0, 32)}`,
          url: res.url,
          ...(item.ok && item.article.title ? { title: item.article.title } : {}),
          load: async () => [item],
        },
      ],
    };
  }
  let feed;
  try {
    const opts = {
      descriptionMaxLen: 0,
      normalization: true,
      getExtraEntryFields: (e: unknown) => ({ raw: e }),
    };
    feed = kind === 'json' ? extractFromJson(JSON.parse(res.body), opts) : extractFromXml(res.body, opts);
  } catch (e) {
    return {
      status: 'error',
      httpStatus: res.status,
      error: `bad_feed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const entries = (feed.entries ?? []) as Array<{
    id?: string;
    link?: string;
    title?: string;
    published?: string;
    description?: string;
    raw?: Record<string, unknown>;
  }>;
  const publisher = feed.title || undefined;
  const items = entries.map((e): SourceItem => {
    const html = entryHtml(e.raw ?? {}) ?? e.description ?? '';
    const link = e.link && /^https?:\/\//i.test(e.link) ? e.link : undefined;
    const date = isoDay(e.published);
    const key = e.id || link || `hash:${sha(`${e.title ?? ''}\n${e.published ?? ''}\n${html}`).slice(0, 32)}`;
    const extra = {
      ...(e.title ? { title: e.title } : {}),
      ...(date ? { date } : {}),
      ...(link ? { url: link } : {}),
      ...(publisher ? { publisher } : {}),
    };
    return {
      key: `entry:${key}`,
      title: e.title,
      url: link,
      date,
      async load() {
        const origin = link ?? `${location}#${key}`;
        if (stripTags(html).length < MIN_FEED_TEXT && link) {
          const page = await fetcher.fetch(link);
          if (page.ok && !page.notModified) return [withMeta(toArticle(link, 'html', page.body), extra)];
          if (!stripTags(html))
            return [
              { ok: false, origin, code: 'fetch_failed', message: page.ok ? 'not modified' : page.message },
            ];
        }
        const doc = `<!doctype html><html><head><title>${escapeHtml(e.title ?? '')}</title></head><body><article>${html}</article></body></html>`;
        return [withMeta(toArticle(origin, 'html', doc), extra)];
      },
    };
  });
  return { status: 'ok', format: kind, ...meta, items };
}

function withMeta(
  item: InputItem,
  meta: { title?: string; date?: string; url?: string; publisher?: string },
): InputItem {
  if (!item.ok) return item;
  // The feed's metadata is explicit; the page's own tags win where they exist.
  return { ...item, article: { ...meta, ...item.article } };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The fullest HTML an entry carries: RSS content:encoded, Atom content, JSON Feed content_html/text. */
function entryHtml(raw: Record<string, unknown>): string | undefined {
  const pick = (v: unknown): string | undefined => {
    if (typeof v === 'string' && v.trim()) return v;
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['#text'] === 'string')
      return (v as Record<string, string>)['#text'];
    return undefined;
  };
  const text = pick(raw['content_text']);
  return (
    pick(raw['content:encoded']) ??
    pick(raw['content']) ??
    pick(raw['content_html']) ??
    (text ? `<p>${escapeHtml(text)}</p>` : undefined)
  );
}

function sniff(body: string, contentType: string): 'rss' | 'atom' | 'json' | 'page' {
  const head = body.slice(0, 2000).trimStart();
  const ct = contentType.toLowerCase();
  if (ct.includes('json') || head.startsWith('{')) return 'json';
  if (/<feed[\s>]/i.test(head) && !/<rss[\s>]/i.test(head)) return 'atom';
  if (/<rss[\s>]|<rdf:RDF[\s>]/i.test(head) || ct.includes('rss')) return 'rss';
  if (ct.includes('atom')) return 'atom';
  if (/^<\?xml/i.test(head) && !/<html[\s>]/i.test(head)) return 'rss';
  if (ct.includes('xml') && !ct.includes('html')) return 'rss';
  return 'page';
}

const ARTICLE_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.jsonl',
  '.ndjson',
]);

/** An inbox folder: every article file, keyed by its relative path, size and modification time. */
export async function collectFolder(dir: string): Promise<Collected> {
  let st;
  try {
    st = await stat(dir);
  } catch (e) {
    return { status: 'error', error: `not_found: ${(e as NodeJS.ErrnoException).code ?? String(e)} ${dir}` };
  }
  if (!st.isDirectory()) return { status: 'error', error: `not_a_folder: ${dir}` };
  const files: string[] = [];
  await walk(dir, files);
  const items: SourceItem[] = [];
  for (const f of files.sort()) {
    let fst;
    try {
      fst = await stat(f);
    } catch {
      continue; // removed between listing and stat: picked up (or not) next time
    }
    const rel = relative(dir, f);
    items.push({
      key: `file:${rel}:${fst.size}:${Math.floor(fst.mtimeMs)}`,
      title: rel,
      async load() {
        const out: InputItem[] = [];
        for await (const it of readInputs([f])) out.push(it);
        return out;
      },
    });
  }
  return { status: 'ok', format: 'folder', items };
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
}
