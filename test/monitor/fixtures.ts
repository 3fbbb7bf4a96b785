/**
 * Test fixtures for monitoring: a small case and a loopback HTTP server whose feeds and pages change
 * between runs (`server.version`), counting requests and conditional hits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CASE_YAML = `format: 1
id: watch-test
title: Watch test case
asOf: 2025-08-01
actors:
  - { id: russia, name: Russia, kind: state, veto: true, aliases: [Moscow, Kremlin] }
  - { id: ukraine, name: Ukraine, kind: state, veto: true, aliases: [Kyiv] }
  - { id: usa, name: United States, kind: state, aliases: [Washington] }
issues:
  - id: nato
    name: NATO membership for Ukraine
    keywords: [NATO membership, join NATO, joining NATO]
    scale:
      kind: options
      options:
        - { id: member, label: Full membership, value: 0 }
        - { id: ban, label: Permanent ban on membership, value: 100 }
  - id: sanctions
    name: Sanctions relief
    scale: { kind: continuous }
stances:
  - { actor: russia, issue: nato, date: 2025-08-01, position: ban, salience: 90, redLine: { options: [ban] } }
  - { actor: ukraine, issue: nato, date: 2025-08-01, position: member, salience: 80 }
`;

const FILLER =
  'Negotiators met in several rounds over the summer, and diplomats described the atmosphere as tense but workmanlike. ' +
  'Observers cautioned that much of the detail remained unclear and that further talks were planned for the autumn.';

/** An article body: the given news sentence and neutral filler (so each is a full article). */
export const story = (lead: string) =>
  `<p>${lead}</p><p>${FILLER}</p><p>${FILLER.replace('summer', 'spring')}</p>`;

export const NEWS = {
  russiaAccepts: 'Russia accepted full NATO membership for Ukraine in a surprise move on Monday.',
  ukraineRejects: 'Ukraine rejected full NATO membership on Tuesday, officials said.',
  usaDemands: 'The United States demanded sanctions relief for Moscow during the talks.',
  russiaRejects: 'Russia rejects any NATO membership for Ukraine, a spokesman said on Wednesday.',
};

const rssItem = (id: string, title: string, date: string, html: string) =>
  `<item><guid>${id}</guid><title>${title}</title><link>http://example.invalid/${id}</link><pubDate>${date}</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`;

export interface TestSite {
  url: string;
  /** Feeds and pages at version 1, then 2 (one more item in the feed, the page unchanged). */
  version: number;
  hits: Map<string, number>;
  /** Requests answered 304 Not Modified, per path. */
  notModified: Map<string, number>;
  close(): Promise<void>;
}

export async function startSite(opts: { slowMs?: number } = {}): Promise<TestSite> {
  const site = { version: 1, hits: new Map<string, number>(), notModified: new Map<string, number>() };
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const conditional = (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    etag: string,
    body: string,
    type: string,
  ) => {
    res.setHeader('etag', etag);
    res.setHeader('last-modified', 'Mon, 01 Sep 2025 00:00:00 GMT');
    if (req.headers['if-none-match'] === etag) {
      count(site.notModified, path);
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-type', type);
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    count(site.hits, path);
    if (path === '/robots.txt') {
      res.setHeader('content-type', 'text/plain');
      res.end('User-agent: *\nDisallow: /private\n');
      return;
    }
    if (path === '/feed.xml' || path === '/private/feed.xml') {
      const items = [
        rssItem('a1', 'Russia shifts', 'Mon, 01 Sep 2025 10:00:00 GMT', story(NEWS.russiaAccepts)),
        rssItem('a2', 'Kyiv says no', 'Tue, 02 Sep 2025 10:00:00 GMT', story(NEWS.ukraineRejects)),
        ...(site.version >= 2
          ? [rssItem('a3', 'Washington asks', 'Wed, 03 Sep 2025 10:00:00 GMT', story(NEWS.usaDemands))]
          : []),
      ];
      const body = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Wire</title><link>http://example.invalid/</link>${items.join('')}</channel></rss>`;
      conditional(req, res, path, `"feed-v${site.version}"`, body, 'application/rss+xml');
      return;
    }
    if (path === '/page.html') {
      const body = `<!doctype html><html><head><title>Wednesday briefing</title><meta property="article:published_time" content="2025-09-03T08:00:00Z"></head><body><article><h1>Wednesday briefing</h1>${story(NEWS.russiaRejects)}</article></body></html>`;
      conditional(req, res, path, '"page-v1"', body, 'text/html; charset=utf-8');
      return;
    }
    if (path === '/moved') {
      res.statusCode = 301;
      res.setHeader('location', '/feed.json');
      res.end();
      return;
    }
    if (path === '/feed.json') {
      const body = JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON wire',
        items: [
          {
            id: 'j1',
            title: 'Syndicated',
            date_published: '2025-09-01T10:00:00Z',
            content_html: story(NEWS.russiaAccepts),
          },
        ],
      });
      conditional(req, res, path, '"json-v1"', body, 'application/feed+json');
      return;
    }
    if (path === '/atom.xml') {
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><entry><id>urn:x:1</id><title>Atom item</title><updated>2025-09-04T00:00:00Z</updated><content type="html">${story(NEWS.usaDemands).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry></feed>`;
      conditional(req, res, path, '"atom-v1"', body, 'application/atom+xml');
      return;
    }
    if (path === '/slow.xml') {
      setTimeout(() => {
        if (!res.writableEnded) res.end('<rss version="2.0"><channel><title>late</title></channel></rss>');
      }, opts.slowMs ?? 3000).unref();
      return;
    }
    if (path === '/broken.xml') {
      res.setHeader('content-type', 'application/rss+xml');
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>oops</channel>');
      return;
    }
    if (path === '/fails.xml') {
      res.statusCode = 500;
      res.end('boom');
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const out: TestSite = {
    url: `http://127.0.0.1:${port}`,
    get version() {
      return site.version;
    },
    set version(v: number) {
      site.version = v;
    },
    hits: site.hits,
    notModified: site.notModified,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return out;
}
