/**
 * A linear pre-pass over untrusted HTML before any DOM is built: drops comments, doctype and processing
 * instructions, and the content of script-like elements (found with indexOf, never a backtracking regex);
 * caps element nesting (tags deeper than `maxDepth` are dropped, their text kept) so no later recursive walk
 * can overflow or go quadratic; and re-wraps the result as a complete document, so fragments such as
 * `<p>…</p>` or `<!doctype html><p>…` parse with a body.
 */

export interface PrescanResult {
  /** A complete `<html><head>…</head><body>…</body></html>` document. */
  html: string;
  /** Element tags seen (0: the input has no markup at all). */
  tags: number;
  /** Script-like elements dropped (script, style, noscript, template, iframe, svg, object). */
  scripts: number;
  /** Tags dropped by the depth cap. */
  tooDeep: number;
  /** True when the input ended inside a comment, tag or script (the rest was dropped). */
  truncated: boolean;
}

export const MAX_HTML_DEPTH = 100;

const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'math']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'frame',
]);
/** Opening one of these closes an open element of the same name on top (HTML's implied end tags). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
/** Opening a block closes an open <p> on top. */
const CLOSES_P = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'aside',
  'nav',
  'header',
  'footer',
  'figure',
  'form',
  'hr',
  'dl',
]);
const DOCUMENT_TAGS = new Set(['html', 'head', 'body']);

const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** True when `text` holds at least one HTML tag or comment (else it is plain text, whatever its file name). */
export function looksLikeHtml(text: string): boolean {
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (isLetter(c) || c === 33 /* ! */ || (c === 47 /* / */ && isLetter(text.charCodeAt(i + 2))))
      return true;
  }
  return false;
}

/** End of the tag opened at `from` (index after '>'), honouring quoted attribute values; -1 if unclosed. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/** Index of `</name` (any case) at or after `from`, or -1. */
function findClose(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    if (
      html.substr(i + 2, name.length).toLowerCase() === name &&
      !isNameChar(html.charCodeAt(i + 2 + name.length))
    )
      return i;
  }
  return -1;
}

export function prescanHtml(html: string, maxDepth = MAX_HTML_DEPTH): PrescanResult {
  const head: string[] = [];
  const body: string[] = [];
  let out = body;
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  let tags = 0;
  let scripts = 0;
  let tooDeep = 0;
  let truncated = false;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    if (lt > i) out.push(html.slice(i, lt));
    const c = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) truncated = true;
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (c === 33 || c === 63) {
      // <!doctype …>, <![CDATA[…]]>, <?xml …?>: not text.
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = c === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      out.push('&lt;');
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    if (end < 0) {
      truncated = true;
      break;
    }
    tags++;
    const tag = html.slice(lt, end);
    i = end;
    if (DOCUMENT_TAGS.has(name)) {
      // Re-wrapped below; only the head/body split is kept.
      if (name === 'head') out = closing ? body : head;
      else if (name === 'body' && !closing) out = body;
      continue;
    }
    if (closing) {
      const d = dropped.get(name) ?? 0;
      if (d > 0) {
        dropped.set(name, d - 1);
        continue;
      }
      const at = stack.lastIndexOf(name);
      if (at < 0) continue; // a stray end tag
      stack.length = at;
      out.push(tag);
      continue;
    }
    const selfClosed = html.charCodeAt(end - 2) === 47;
    if (RAW_TEXT.has(name)) {
      scripts++;
      if (selfClosed) continue;
      const close = findClose(html, name, end);
      if (close < 0) {
        truncated = true;
        break;
      }
      const closeEnd = html.indexOf('>', close);
      i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (name === 'title' && !selfClosed) {
      // Title text is raw text too: copied as is up to its end tag.
      const close = findClose(html, name, end);
      const stop = close < 0 ? n : close;
      head.push(`<title>${html.slice(end, stop)}</title>`);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (VOID.has(name) || selfClosed) {
      out.push(tag);
      continue;
    }
    const top = stack[stack.length - 1];
    if (
      top !== undefined &&
      ((SELF_CLOSING_SIBLINGS.has(name) && top === name) || (top === 'p' && CLOSES_P.has(name)))
    )
      stack.pop();
    if (stack.length >= maxDepth) {
      tooDeep++;
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      continue;
    }
    stack.push(name);
    out.push(tag);
  }
  return {
    html: `<!doctype html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`,
    tags,
    scripts,
    tooDeep,
    truncated,
  };
}
