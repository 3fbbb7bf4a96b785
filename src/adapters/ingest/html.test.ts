import { describe, expect, it } from 'vitest';
import { extractHtml, isoDay } from './html.js';

const PAGE = `<!doctype html><html><head><title>Site | Talks</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-08-16T08:00:00Z">
<link rel="canonical" href="https://news.example.org/talks">
<script>window.track = function(){ document.write('TRACKING PIXEL'); };</script><style>.ad{}</style></head>
<body><nav>Home | World | Sport</nav><div class="ad">ADVERTISEMENT</div>
<article><h1>Envoys meet in Geneva</h1>
<p>Russian and Ukrainian envoys met in Geneva on Friday for a second round of talks on prisoner exchanges, officials said.</p>
<p>The Ukrainian delegation presented a list of demands, starting with the return of children taken during the war.</p>
<p>Both sides agreed to meet again next month, according to a statement released after the session ended.</p></article>
<footer>© 2025 Example News. Cookie settings.</footer><script src="https://tracker.example/x.js"></script></body></html>`;

describe('extractHtml', () => {
  const x = extractHtml(PAGE);
  it('keeps the article paragraphs and drops scripts, navigation and footers', () => {
    expect(x.text).toContain('Russian and Ukrainian envoys met in Geneva on Friday');
    expect(x.text.split('\n').length).toBeGreaterThanOrEqual(3);
    for (const junk of ['TRACKING', 'window.track', 'Cookie', 'Home | World'])
      expect(x.text).not.toContain(junk);
  });
  it('reads the page’s metadata', () => {
    expect(x).toMatchObject({
      date: '2025-08-16',
      publisher: 'Example News',
      url: 'https://news.example.org/talks',
    });
  });
});

describe('extractHtml on hostile and partial markup', () => {
  it('reads fragments without <html> or <body> as documents', () => {
    expect(extractHtml('<p>Envoys met on Friday in a small hall near the lake.</p>').text).toContain(
      'Envoys met on Friday',
    );
    expect(extractHtml('<!doctype html><p>The second round ended without a statement.</p>').text).toContain(
      'The second round ended',
    );
  });
  it('finds no text in markup that is only a comment or a script', () => {
    expect(extractHtml('<!-- nothing -->').text.trim()).toBe('');
    expect(extractHtml('<script>document.write("<p>hidden</p>")</script>').text.trim()).toBe('');
  });
  it('flattens nesting beyond the depth limit and keeps the text', () => {
    const x = extractHtml(
      `${'<div>'.repeat(5000)}<p>Deep inside, the delegates kept talking.</p>${'</div>'.repeat(5000)}`,
    );
    expect(x.text).toContain('Deep inside, the delegates kept talking.');
    expect(x.warnings.join(' ')).toMatch(/nested deeper than the limit/);
  });
  it('removes captions, asides, bylines, newsletter blocks and "also read" links, recording each', () => {
    const body = [
      '<article><p class="article-byline">By Ana Ruiz</p>',
      '<p>The two delegations met for six hours and agreed to resume the exchange of prisoners next week.</p>',
      '<figure><img src="a.jpg"><figcaption>Delegates leave the hall. Photo: Agency</figcaption></figure>',
      '<p>Officials said the next round would take place in Vienna. Also read: <a href="/x">Border talks stall</a></p>',
      '<p>Both sides described the meeting as constructive, although no joint statement was released.</p>',
      '<aside><a href="/y">Older story about the river</a></aside>',
      '<div class="newsletter-signup">Get the morning briefing in your inbox</div></article>',
    ].join('');
    const x = extractHtml(`<html><body>${body}</body></html>`);
    for (const gone of [
      'Ana Ruiz',
      'Delegates leave the hall',
      'Border talks stall',
      'Older story',
      'morning briefing',
    ])
      expect(x.text, gone).not.toContain(gone);
    expect(x.text).toContain('resume the exchange of prisoners');
    expect(x.text).toContain('would take place in Vienna.');
    expect(x.removals.map((r) => r.kind).sort()).toEqual([
      'byline',
      'caption',
      'newsletter',
      'related',
      'related',
    ]);
  });
  it('refuses five-digit years instead of reading 9999', () => {
    expect(isoDay('99999-01-01')).toBeUndefined();
    expect(isoDay('2025-08-16T09:00:00Z')).toBe('2025-08-16');
  });
});
