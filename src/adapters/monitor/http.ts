/**
 * Polite HTTP fetching for watched sources: conditional requests (ETag / Last-Modified → 304), one request
 * at a time per host with a delay between them, a timeout, a size limit read off the stream, a bounded
 * number of redirects (http and https only), and robots.txt (RFC 9309) checked per origin. Every failure
 * comes back as data with a code, never as a throw.
 */
import { createRequire } from 'node:module';

// robots-parser is CommonJS whose module value is the parser function.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, txt: string) => Robots;

export interface FetchPolicy {
  /** Whole request, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Least time between two requests to one host. */
  politenessMs: number;
  userAgent: string;
  respectRobots: boolean;
  /** How long a robots.txt answer is reused. */
  robotsTtlMs: number;
}

export const FETCH_DEFAULTS: FetchPolicy = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  politenessMs: 1_000,
  userAgent: 'RedlineMonitor/0.1 (+https://github.com/redline; news monitoring for a negotiation case)',
  respectRobots: true,
  robotsTtlMs: 3_600_000,
};

export type FetchFailure =
  'timeout' | 'too_large' | 'http_error' | 'too_many_redirects' | 'robots' | 'network' | 'bad_url';

export type FetchResult =
  | {
      ok: true;
      notModified: false;
      status: number;
      url: string;
      body: string;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: true; notModified: true; status: 304; url: string }
  | { ok: false; code: FetchFailure; message: string; status?: number };

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PoliteFetcher {
  readonly policy: FetchPolicy;
  private readonly gates = new Map<string, Promise<void>>();
  private readonly lastAt = new Map<string, number>();
  private readonly robots = new Map<string, { at: number; rules: Robots | 'blocked'; reason?: string }>();

  constructor(policy: Partial<FetchPolicy> = {}) {
    this.policy = { ...FETCH_DEFAULTS, ...policy };
  }

  /** GET `url`, conditionally when validators from the last fetch are given. */
  async fetch(
    url: string,
    validators: { etag?: string | null; lastModified?: string | null } = {},
  ): Promise<FetchResult> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { ok: false, code: 'bad_url', message: `not a URL: ${url}` };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return {
        ok: false,
        code: 'bad_url',
        message: `only http and https are fetched, not ${target.protocol}`,
      };
    const headers: Record<string, string> = {
      'user-agent': this.policy.userAgent,
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/html;q=0.9, application/xml;q=0.8, */*;q=0.5',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    for (let hop = 0; hop <= this.policy.maxRedirects; hop++) {
      const allowed = await this.allowedByRobots(target);
      if (allowed !== true) return { ok: false, code: 'robots', message: allowed };
      let res = await this.politely(target.host, () => this.request(target, headers));
      // A kept-alive connection the server had already closed: one fresh try (GET is idempotent).
      if ('code' in res && res.code === 'network' && /ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(res.message))
        res = await this.politely(target.host, () => this.request(target, headers));
      if ('redirect' in res) {
        let next: URL;
        try {
          next = new URL(res.redirect, target);
        } catch {
          return { ok: false, code: 'bad_url', message: `bad redirect location "${res.redirect}"` };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          return { ok: false, code: 'bad_url', message: `redirect to ${next.protocol} refused` };
        target = next;
        continue;
      }
      return res;
    }
    return {
      ok: false,
      code: 'too_many_redirects',
      message: `more than ${this.policy.maxRedirects} redirects`,
    };
  }

  /** One request at a time per host, `politenessMs` apart. */
  private async politely<T>(host: string, run: () => Promise<T>): Promise<T> {
    const previous = this.gates.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.gates.set(host, tail);
    await previous;
    try {
      const wait = (this.lastAt.get(host) ?? -Infinity) + this.policy.politenessMs - Date.now();
      if (wait > 0) await sleep(wait);
      return await run();
    } finally {
      this.lastAt.set(host, Date.now());
      release();
      if (this.gates.get(host) === tail) this.gates.delete(host);
    }
  }

  private async request(
    target: URL,
    headers: Record<string, string>,
  ): Promise<FetchResult | { redirect: string }> {
    const signal = AbortSignal.timeout(this.policy.timeoutMs);
    try {
      const res = await fetch(target, { headers, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => {});
        const loc = res.headers.get('location');
        if (!loc)
          return {
            ok: false,
            code: 'http_error',
            status: res.status,
            message: `HTTP ${res.status} without a Location`,
          };
        return { redirect: loc };
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { ok: true, notModified: true, status: 304, url: target.href };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return {
          ok: false,
          code: 'http_error',
          status: res.status,
          message: `HTTP ${res.status} ${res.statusText}`.trim(),
        };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > this.policy.maxBytes) {
        await res.body?.cancel().catch(() => {});
        return this.tooLarge();
      }
      const body = await this.readLimited(res);
      if (body === undefined) return this.tooLarge();
      const contentType = res.headers.get('content-type') ?? '';
      return {
        ok: true,
        notModified: false,
        status: res.status,
        url: target.href,
        body: decode(body, contentType),
        contentType,
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
      };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError')
        return {
          ok: false,
          code: 'timeout',
          message: `no complete answer within ${this.policy.timeoutMs} ms`,
        };
      return { ok: false, code: 'network', message: err.cause?.code ?? err.message };
    }
  }

  private tooLarge(): FetchResult {
    return {
      ok: false,
      code: 'too_large',
      message: `larger than ${Math.round(this.policy.maxBytes / 1024)} KB`,
    };
  }

  private async readLimited(res: Response): Promise<Uint8Array | undefined> {
    if (!res.body) return new Uint8Array();
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.policy.maxBytes) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  /** true, or why not: the origin's robots.txt disallows the path, or could not be read (5xx). */
  private async allowedByRobots(target: URL): Promise<true | string> {
    if (!this.policy.respectRobots) return true;
    const origin = target.origin;
    let entry = this.robots.get(origin);
    if (!entry || Date.now() - entry.at > this.policy.robotsTtlMs) {
      entry = await this.loadRobots(origin);
      this.robots.set(origin, entry);
    }
    if (entry.rules === 'blocked') return entry.reason ?? 'robots.txt unavailable';
    return entry.rules.isAllowed(target.href, 'RedlineMonitor') === false
      ? `robots.txt of ${origin} disallows ${target.pathname}`
      : true;
  }

  private async loadRobots(
    origin: string,
  ): Promise<{ at: number; rules: Robots | 'blocked'; reason?: string }> {
    const robotsUrl = `${origin}/robots.txt`;
    const host = new URL(origin).host;
    const at = Date.now();
    // Redirects of robots.txt are followed by hand, within the same bound.
    let url = robotsUrl;
    for (let hop = 0; hop <= this.policy.maxRedirects; hop++) {
      const res = await this.politely(host, () =>
        this.request(new URL(url), { 'user-agent': this.policy.userAgent, accept: 'text/plain' }),
      );
      if ('redirect' in res) {
        url = new URL(res.redirect, url).href;
        continue;
      }
      if (res.ok && !res.notModified) return { at, rules: robotsParser(robotsUrl, res.body) };
      // RFC 9309 §2.3.1: 4xx means no restrictions; 5xx or unreachable means assume everything is disallowed.
      if (!res.ok && res.code === 'http_error' && res.status! >= 400 && res.status! < 500)
        return { at, rules: robotsParser(robotsUrl, '') };
      return {
        at,
        rules: 'blocked',
        reason: `robots.txt of ${origin} could not be read (${res.ok ? 'not modified' : res.message}); not fetching, as RFC 9309 asks`,
      };
    }
    return { at, rules: robotsParser(robotsUrl, '') };
  }
}

function decode(body: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/, '');
  }
}
