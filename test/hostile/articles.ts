/**
 * A seeded generator of hostile article inputs for ingest: the probes of issue #14 (nested divs, unclosed
 * script openings, sentences without punctuation, a multi-megabyte single line, plain text in an .html file,
 * HTML that is only a comment or a script, fragments) plus mutations of our own: unclosed comments and
 * quotes, "<" floods, invalid UTF-8, NUL bytes, zero-width and bidi characters, terminal escapes in titles,
 * front-matter bombs, broken JSON Lines, huge words, deep lists and tables, furniture-heavy pages.
 *
 * The prose pieces are written for this file (no third-party text). Same seed, same corpus.
 */

export interface HostileArticle {
  /** File name (its extension decides how ingest reads it). */
  name: string;
  content: string | Buffer;
  /** What the input probes, for failure messages. */
  probe: string;
}

/** mulberry32: a small seeded PRNG (test data only). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = [
  'Negotiators from both governments met in Vienna on Tuesday to discuss a ceasefire along the river.',
  'The foreign minister said the proposal was unacceptable and would never be signed in its present form.',
  'Officials agreed to exchange prisoners next week, according to a statement from the mediators.',
  'Russia rejected the demand for a full withdrawal, a spokesman told reporters in Moscow.',
  'Ukraine insisted that any deal must include security guarantees from its Western partners.',
  'The envoy warned that sanctions would be tightened if the talks collapsed before the deadline.',
  'Both delegations are expected to return to the table after the holidays, diplomats said.',
];
const WORDS =
  'talks envoy ceasefire Kyiv Moscow NATO sanctions proposal minister Russia Ukraine border withdrawal the of and guarantees'.split(
    ' ',
  );

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const prose = (r: () => number, n: number) => Array.from({ length: n }, () => pick(r, PROSE)).join(' ');
const words = (r: () => number, n: number) => Array.from({ length: n }, () => pick(r, WORDS)).join(' ');
const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>Talks</title>${head}</head><body>${body}</body></html>`;

/** The inputs named in issue #14 items 3 and 4, at their reported sizes. */
export function namedProbes(): HostileArticle[] {
  const sentence = (bytes: number) => {
    let s = '';
    for (let i = 0; s.length < bytes; i++) s += `${WORDS[(i * 7) % WORDS.length]} `;
    return s;
  };
  const line = (bytes: number) => {
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < bytes; i++) {
      const p = PROSE[i % PROSE.length]!;
      parts.push(p);
      n += p.length + 1;
    }
    return parts.join(' ');
  };
  return [
    {
      name: 'divs-3000.html',
      probe: '3,000 nested divs (34 KB)',
      content: page(`${'<div>'.repeat(3000)}<p>${PROSE[0]}</p>${'</div>'.repeat(3000)}`),
    },
    {
      name: 'divs-20000.html',
      probe: '20,000 nested divs',
      content: page(`${'<div>'.repeat(20_000)}<p>${PROSE[1]}</p>${'</div>'.repeat(20_000)}`),
    },
    {
      name: 'script-openings.html',
      probe: '1 MB of <script> openings',
      content: page(`<p>${PROSE[2]}</p>${'<script>'.repeat(131_072)}`),
    },
    {
      name: 'sentence-100k.txt',
      probe: '100 KB sentence without punctuation',
      content: sentence(100 * 1024),
    },
    {
      name: 'sentence-300k.txt',
      probe: '300 KB sentence without punctuation',
      content: sentence(300 * 1024),
    },
    { name: 'single-line-9.5m.txt', probe: '9.5 MB single line', content: line(9.5 * 1024 * 1024) },
    { name: 'plain-text.html', probe: 'plain text in a .html file', content: prose(rng(1), 5) },
    {
      name: 'comment-only.html',
      probe: 'HTML that is only a comment',
      content: '<!-- nothing to see here -->',
    },
    {
      name: 'script-only.html',
      probe: 'HTML that is only a script',
      content: '<script>var x = "<p>no</p>";</script>',
    },
    {
      name: 'fragment.html',
      probe: 'HTML fragment <p>…</p>',
      content: `<p>${PROSE[3]}</p><p>${PROSE[4]}</p>`,
    },
    {
      name: 'doctype-fragment.html',
      probe: '<!doctype html><p>…',
      content: `<!doctype html><p>${PROSE[5]}</p>`,
    },
    {
      name: 'ansi-title.md',
      probe: 'ANSI/OSC escapes in a title',
      content: `---\ntitle: "\\e]8;;http://x.example\\a\\e[31mRED\\e[0m"\n---\n${PROSE[6]}\n`
        .replace(/\\e/g, '\u001b')
        .replace(/\\a/g, '\u0007'),
    },
    {
      name: 'date-99999.jsonl',
      probe: 'a five-digit year',
      content: `${JSON.stringify({ text: PROSE[0], date: '99999-01-01', title: 'Far future' })}\n`,
    },
  ];
}

/** Sizes are drawn up to `hi × scale` (a CI run uses a small scale; the probes above keep their sizes). */
let scale = 1;
const int = (r: () => number, lo: number, hi: number) =>
  lo + Math.floor(r() * (Math.max(lo, Math.round(hi * scale)) - lo + 1));

type Maker = (r: () => number) => { ext: string; content: string | Buffer; probe: string };

const MAKERS: Maker[] = [
  (r) => ({
    ext: 'html',
    probe: 'deep nesting',
    content: page(`${'<div><span>'.repeat(int(r, 50, 15_000))}${prose(r, 3)}`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'unclosed comment',
    content: page(`<p>${prose(r, 2)}</p><!-- ${words(r, int(r, 10, 5000))}`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'unclosed attribute quote',
    content: page(`<p class="x>${prose(r, 3)}</p>${'<a href="'.repeat(int(r, 1, 2000))}`),
  }),
  (r) => ({
    ext: 'html',
    probe: '"<" flood',
    content: page(`<p>${'<'.repeat(int(r, 10, 200_000))}${prose(r, 2)}</p>`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'end-tag flood',
    content: page(`<p>${prose(r, 2)}</p>${'</div></p></li>'.repeat(int(r, 10, 50_000))}`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'many style/script pairs',
    content: page(
      `${`<style>.a{}</style><script>x()</script><p>${pick(r, PROSE)}</p>`.repeat(int(r, 1, 3000))}`,
    ),
  }),
  (r) => ({
    ext: 'html',
    probe: 'unclosed <p> run',
    content: page('<p>' + Array.from({ length: int(r, 10, 5000) }, () => pick(r, PROSE)).join('<p>')),
  }),
  (r) => ({
    ext: 'html',
    probe: 'furniture-heavy page',
    content: page(
      `<nav>Home World</nav><article><p class="byline">By Ana Ruiz</p><p>${prose(r, 2)}</p><figure><img src="x.jpg"><figcaption>Delegates outside the hall. Photo: Agency</figcaption></figure><p>Also read: <a href="/x">Border talks stall again</a></p><p>${prose(r, 3)}</p><aside class="related">More on this: <a href="/y">Older story</a></aside><div class="newsletter">Sign up for our daily briefing</div></article>`,
    ),
  }),
  (r) => ({
    ext: 'html',
    probe: 'huge attribute',
    content: page(`<p title="${'x'.repeat(int(r, 1000, 500_000))}">${prose(r, 2)}</p>`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'deep table',
    content: page(`${'<table><tr><td>'.repeat(int(r, 10, 3000))}${prose(r, 2)}`),
  }),
  (r) => ({ ext: 'txt', probe: 'unpunctuated run', content: words(r, int(r, 1000, 60_000)) }),
  (r) => ({
    ext: 'txt',
    probe: 'one huge word',
    content: `${prose(r, 1)} ${'a'.repeat(int(r, 1000, 400_000))} ${prose(r, 1)}`,
  }),
  (r) => ({
    ext: 'txt',
    probe: 'spaces between words',
    content: `a${' '.repeat(int(r, 1000, 300_000))}b ${prose(r, 2)}`,
  }),
  (r) => ({
    ext: 'txt',
    probe: 'many short lines',
    content: Array.from({ length: int(r, 100, 40_000) }, () => words(r, int(r, 1, 6))).join('\n'),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'pipes and table rows',
    content: Array.from(
      { length: int(r, 10, 5000) },
      () => `| ${words(r, 3)} | ${'-'.repeat(int(r, 1, 200))} |`,
    ).join('\n'),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'zero-width and bidi characters',
    content: prose(r, 4).replace(/ /g, () =>
      pick(r, [' ', '\u200b', '\u202e', '\u2066', '\u00ad', '\ufeff', '\u00a0 ']),
    ),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'terminal escapes in text',
    content: `Title: \u001b[2J\u001b]0;pwned\u0007${words(r, 3)}\n\n${prose(r, 3)}`,
  }),
  (r) => ({
    ext: 'txt',
    probe: 'CRLF and lone CR',
    content: prose(r, 6).replace(/\. /g, () => pick(r, ['.\r\n', '.\r', '. '])),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'furniture in plain text',
    content: `By Lena Ortiz\nVIENNA, Mar 3 (Agency) – ${prose(r, 2)} Also read: Envoys trade blame\n(Photo: Agency/Jo Smith)\nSign up for our newsletter to get the latest news in your inbox\n${prose(r, 2)}\nReporting by Lena Ortiz; Editing by Sam Lee`,
  }),
  (r) => ({ ext: 'txt', probe: 'empty or whitespace', content: pick(r, ['', ' ', '\n\n\n', '\t \u00a0']) }),
  (r) => ({
    ext: 'txt',
    probe: 'invalid UTF-8',
    content: Buffer.concat([
      Buffer.from(prose(r, 2)),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(prose(r, 1)),
    ]),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'NUL bytes',
    content: Buffer.concat([Buffer.from(prose(r, 1)), Buffer.alloc(int(r, 1, 100))]),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'emoji and astral characters',
    content: `${prose(r, 2)} ${'\u{1F600}\u{1D400}'.repeat(int(r, 10, 50_000))}`,
  }),
  (r) => ({
    ext: 'md',
    probe: 'front-matter alias bomb',
    content: `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: bomb\n---\n${prose(r, 3)}`,
  }),
  (r) => ({
    ext: 'md',
    probe: 'deep front matter',
    content: `---\n${'['.repeat(int(r, 100, 20_000))}\n---\n${prose(r, 2)}`,
  }),
  (r) => ({
    ext: 'md',
    probe: 'unclosed front matter',
    content: `---\ntitle: x\n${words(r, int(r, 10, 20_000))}`,
  }),
  (r) => ({
    ext: 'md',
    probe: 'markdown links and emphasis flood',
    content: `${'[**x**](http://e.example/'.repeat(int(r, 10, 20_000))} ${prose(r, 2)}`,
  }),
  (r) => ({
    ext: 'jsonl',
    probe: 'broken JSON Lines',
    content: [
      JSON.stringify({ text: prose(r, 2) }),
      '{"text": "unterminated',
      '[1,2,3]',
      '{}',
      JSON.stringify({ html: `<p>${prose(r, 1)}</p>` }),
      `{"text":${'['.repeat(int(r, 10, 50_000))}`,
    ].join('\n'),
  }),
  (r) => ({
    ext: 'jsonl',
    probe: 'odd dates and metadata',
    content: [
      JSON.stringify({
        text: prose(r, 2),
        date: pick(r, ['99999-01-01', '2025-13-45', '0000-00-00', 'yesterday', '20251301', '1e308']),
        title: '\u001b[31mred',
      }),
      JSON.stringify({ text: prose(r, 1), date: 12345, url: 'javascript:alert(1)', publisher: {} }),
    ].join('\n'),
  }),
  (r) => ({ ext: 'html', probe: 'plain text in .html', content: prose(r, int(r, 1, 20)) }),
  (r) => ({
    ext: 'html',
    probe: 'entity flood',
    content: page(`<p>${'&amp;&#x1F600;&lt;&#0;'.repeat(int(r, 10, 50_000))} ${prose(r, 1)}</p>`),
  }),
  (r) => ({
    ext: 'html',
    probe: 'normal article',
    content: page(
      `<article><h1>${words(r, 5)}</h1>${Array.from({ length: int(r, 2, 12) }, () => `<p>${prose(r, 2)}</p>`).join('')}</article>`,
      '<meta property="article:published_time" content="2025-11-02T08:00:00Z">',
    ),
  }),
  (r) => ({
    ext: 'txt',
    probe: 'normal article',
    content: `Title: ${words(r, 4)}\nDate: 2025-10-0${int(r, 1, 9)}\n\n${prose(r, int(r, 3, 20))}`,
  }),
];

/** `count` generated inputs (deterministic for a seed and scale); sizes vary from bytes to about 1 MB × scale. */
export function* hostileCorpus(seed: number, count: number, sizeScale = 1): Generator<HostileArticle> {
  const r = rng(seed);
  scale = sizeScale;
  for (let i = 0; i < count; i++) {
    const maker = MAKERS[Math.floor(r() * MAKERS.length)]!;
    const { ext, content, probe } = maker(r);
    yield {
      name: `${String(i).padStart(4, '0')}-${probe.replace(/[^a-z0-9]+/gi, '-')}.${ext}`,
      content,
      probe,
    };
  }
}

const ACTORS = [
  'Russia',
  'Ukraine',
  'The Kremlin',
  'Kyiv',
  'Moscow',
  'NATO',
  'The European Union',
  'The United States',
  'The mediators',
  'The foreign minister',
];
const VERBS = [
  'rejected',
  'proposed',
  'demanded',
  'welcomed',
  'criticised',
  'discussed',
  'signed',
  'postponed',
  'questioned',
  'endorsed',
];
const OBJECTS = [
  'a ceasefire along the river',
  'the prisoner exchange',
  'new sanctions on energy',
  'a withdrawal of troops',
  'security guarantees',
  'the grain corridor',
  'a referendum in the east',
  'a monitoring mission',
  'the peace plan',
  'talks in Geneva',
];
const PLACES = [
  'Vienna',
  'Geneva',
  'Istanbul',
  'Riyadh',
  'Brussels',
  'Warsaw',
  'Helsinki',
  'Doha',
  'Ankara',
  'Oslo',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `n` distinct, ordinary articles (plain text with a title and date header), for kill-and-resume runs. */
export function plainArticles(seed: number, n: number): HostileArticle[] {
  const r = rng(seed);
  const sentence = (i: number) =>
    `${pick(r, ACTORS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)} in ${pick(r, PLACES)} on ${pick(r, DAYS)}, ${int(r, 2, 900)} officials said after meeting ${i}.`;
  return Array.from({ length: n }, (_, i) => ({
    name: `article-${String(i).padStart(3, '0')}.txt`,
    probe: 'ordinary article',
    content: `Title: Round ${i + 1} of the talks\nDate: 2025-10-${String((i % 28) + 1).padStart(2, '0')}\n\n${Array.from({ length: 8 }, () => sentence(i + 1)).join(' ')}\n`,
  }));
}
