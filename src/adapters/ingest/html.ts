/**
 * Main-text extraction from HTML with Mozilla Readability over a linkedom DOM (no scripts run: linkedom
 * only parses). Returns paragraph text joined by line breaks plus the metadata the page declares
 * (title, publication date, site name, canonical URL).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedHtml {
  text: string;
  title?: string;
  date?: string;
  publisher?: string;
  url?: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';

/** YYYY-MM-DD from an ISO-ish date string ("2025-08-16T09:00:00Z", "2025-08-16"). */
export function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function extractHtml(html: string): ExtractedHtml {
  // Scripts, styles and templates carry no article text and can be huge (tracking code).
  const cleaned = html.replace(/<(script|style|noscript|template|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const { document } = parseHTML(cleaned);
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
  // Readability mutates the document it is given.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  let text = '';
  if (article?.content) {
    const { document: frag } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const parts: string[] = [];
    for (const el of frag.querySelectorAll(BLOCKS)) {
      // Skip containers whose text is reported by a nested block (a <li> holding <p>s).
      if (el.querySelector(BLOCKS)) continue;
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) parts.push(t);
    }
    text = parts.length ? parts.join('\n') : (article.textContent ?? '').trim();
  }
  if (!text) text = (parseHTML(cleaned).document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  const title = (article?.title || ogTitle || document.querySelector('title')?.textContent || '').trim();
  return {
    text: title && !text.startsWith(title) ? `${title}\n${text}` : text,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(publisher ? { publisher } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
  };
}
