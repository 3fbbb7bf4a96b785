import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.js';

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
