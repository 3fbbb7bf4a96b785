/**
 * Main-text extraction from HTML with Mozilla Readability over a linkedom DOM (no scripts run: linkedom
 * only parses). Untrusted markup first goes through a linear pre-scan (html-prescan.ts: script content,
 * comments, nesting depth, fragments), then page furniture that the markup itself marks — captions, asides,
 * navigation, bylines, related-article and newsletter blocks — is removed and recorded, then Readability
 * picks the article. Returns paragraph text joined by line breaks plus the metadata the page declares.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { INLINE_LINK_CUE, RELATED_CUES, type RemovalNote, note } from '../../index.js';
import { prescanHtml } from './html-prescan.js';

export interface ExtractedHtml {
  text: string;
  title?: string;
  date?: string;
  publisher?: string;
  url?: string;
  /** Furniture removed from the markup before extraction. */
  removals: RemovalNote[];
  /** Limits that changed the input (depth cap, unclosed script), for the document's warnings. */
  warnings: string[];
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt';
/** Readability walks every element several times; above this many it is not asked (plain block text is used). */
const MAX_READABILITY_ELEMENTS = 20_000;

/** YYYY-MM-DD from an ISO-ish date string ("2025-08-16T09:00:00Z", "2025-08-16"); five-digit years refused. */
export function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(value.slice(0, 100)) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

type El = Element;

/** Structural furniture: elements, roles and class/id tokens, each with the kind of removal it records. */
const FURNITURE_ELEMENTS: Record<string, RemovalNote['kind']> = {
  figcaption: 'caption',
  aside: 'related',
  nav: 'boilerplate',
  footer: 'boilerplate',
  form: 'newsletter',
};
const FURNITURE_ROLES: Record<string, RemovalNote['kind']> = {
  complementary: 'related',
  navigation: 'boilerplate',
  contentinfo: 'boilerplate',
  banner: 'boilerplate',
};
/** Class or id tokens (split on -, _ and spaces) that mark furniture. */
const FURNITURE_TOKENS: Record<string, RemovalNote['kind']> = {
  caption: 'caption',
  credit: 'credit',
  credits: 'credit',
  byline: 'byline',
  author: 'byline',
  authors: 'byline',
  dateline: 'dateline',
  related: 'related',
  recommended: 'related',
  readmore: 'related',
  'read-more': 'related',
  teaser: 'related',
  promo: 'related',
  newsletter: 'newsletter',
  subscribe: 'newsletter',
  signup: 'newsletter',
  subscription: 'newsletter',
  share: 'boilerplate',
  social: 'boilerplate',
  advert: 'boilerplate',
  advertisement: 'boilerplate',
  ad: 'boilerplate',
  ads: 'boilerplate',
  sponsored: 'boilerplate',
  breadcrumb: 'boilerplate',
  breadcrumbs: 'boilerplate',
  comments: 'boilerplate',
};
/** A hinted element holding more text than this is more likely a container of the article than furniture. */
const MAX_FURNITURE_CHARS = 600;

const textOf = (el: { textContent: string | null }) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function furnitureKind(el: El): RemovalNote['kind'] | undefined {
  const tag = el.tagName.toLowerCase();
  const byTag = FURNITURE_ELEMENTS[tag];
  if (byTag) return byTag;
  const role = el.getAttribute('role')?.toLowerCase();
  if (role && FURNITURE_ROLES[role]) return FURNITURE_ROLES[role];
  if (el.getAttribute('rel')?.toLowerCase() === 'author' || el.getAttribute('itemprop') === 'author')
    return 'byline';
  const hints = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!hints.trim()) return undefined;
  for (const token of hints.slice(0, 300).split(/[\s_-]+/)) {
    const k = Object.hasOwn(FURNITURE_TOKENS, token) ? FURNITURE_TOKENS[token] : undefined;
    if (k) return k;
  }
  if (hints.includes('read-more')) return 'related';
  return undefined;
}

/** Removes what the markup marks as furniture, and "Also read: <a>…</a>" links, recording each. */
function removeFurniture(body: El): RemovalNote[] {
  const notes: RemovalNote[] = [];
  for (const el of [...body.querySelectorAll('*')]) {
    if (!el.isConnected) continue;
    const kind = furnitureKind(el);
    if (!kind) continue;
    const t = textOf(el);
    // Never a container of the article: hinted blocks with many paragraphs or much text stay.
    if (t.length > MAX_FURNITURE_CHARS && !FURNITURE_ELEMENTS[el.tagName.toLowerCase()]) continue;
    if (t.length > MAX_FURNITURE_CHARS * 4) continue;
    el.remove();
    if (t) notes.push(note(kind, t));
  }
  // Inline related-article links: a block that opens with a cue and is mostly link text, or a cue text
  // right before a link inside a paragraph.
  for (const a of [...body.querySelectorAll('a')]) {
    if (!a.isConnected) continue;
    const block = a.closest('p, li, div, span, strong, em, b') as El | null;
    const prev = a.previousSibling as { nodeType: number; textContent: string | null } | null;
    const linkText = textOf(a);
    if (prev && prev.nodeType === 3) {
      const before = prev.textContent ?? '';
      const m = INLINE_LINK_CUE.exec(before.slice(-40));
      if (m) {
        prev.textContent = before.slice(0, before.length - m[0].length);
        a.remove();
        notes.push(note('related', `${m[0].trim()} ${linkText}`));
        continue;
      }
    }
    if (block && block !== body) {
      const t = textOf(block);
      const lower = t.toLowerCase();
      if (RELATED_CUES.some((cue) => lower.startsWith(cue)) && linkText.length >= t.length / 2) {
        block.remove();
        notes.push(note('related', t));
      }
    }
  }
  return notes;
}

function blockText(root: El): string {
  const parts: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    // Skip containers whose text is reported by a nested block (a <li> holding <p>s).
    if (el.querySelector(BLOCKS)) continue;
    const t = textOf(el);
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

export function extractHtml(html: string): ExtractedHtml {
  const pre = prescanHtml(html);
  const warnings: string[] = [];
  if (pre.tooDeep) warnings.push(`${pre.tooDeep} HTML tags nested deeper than the limit were flattened`);
  if (pre.truncated)
    warnings.push('the HTML ends inside an unclosed comment, tag or script; the rest was dropped');
  const { document } = parseHTML(pre.html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? undefined;
  const date =
    isoDay(meta('meta[property="article:published_time"]')) ??
    isoDay(meta('meta[name="date"]')) ??
    isoDay(meta('meta[itemprop="datePublished"]')) ??
    isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const publisher = meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]');
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const ogTitle = meta('meta[property="og:title"]');
  const pageTitle = document.querySelector('title')?.textContent ?? '';
  const removals = document.body ? removeFurniture(document.body as unknown as El) : [];
  const elements = document.querySelectorAll('*').length;
  let article: { title?: string | null; content?: string | null; textContent?: string | null } | null = null;
  if (elements <= MAX_READABILITY_ELEMENTS) {
    try {
      // Readability mutates the document it is given, so the fallback below re-reads the pre-scanned page.
      article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    } catch {
      article = null;
    }
  } else warnings.push(`${elements} HTML elements: main-text detection skipped, all paragraphs kept`);
  let text = '';
  if (article?.content) {
    const { document: frag } = parseHTML(
      `<!doctype html><html><head></head><body>${article.content}</body></html>`,
    );
    text = frag.body ? blockText(frag.body as unknown as El) : '';
    if (!text) text = (article.textContent ?? '').trim();
  }
  if (!text) {
    const { document: again } = parseHTML(pre.html);
    const b = again.body as unknown as El | null;
    if (b) {
      removeFurniture(b);
      text = blockText(b) || (b.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    }
  }
  const title = (article?.title || ogTitle || pageTitle || '').replace(/\s+/g, ' ').trim();
  return {
    text: title && !text.startsWith(title) ? `${title}\n${text}` : text,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(publisher ? { publisher } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    removals,
    warnings,
  };
}
