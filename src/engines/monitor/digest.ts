/**
 * The digest: developments of a period as Markdown (for mail and terminals) and as a small self-contained
 * HTML page, and as JSON records (one per development: kind, actor, issue, evidence ids, score).
 */
import type { Development } from './developments.js';

export interface DigestInput {
  caseId: string;
  caseTitle: string;
  /** Period shown in the heading (ISO dates or timestamps); `since` may be absent (everything). */
  since?: string | undefined;
  until: string;
  developments: readonly Development[];
}

export interface DigestRecord {
  id: string;
  kind: Development['kind'];
  actor: string | null;
  issue: string | null;
  date: string;
  summary: string;
  evidence: string[];
  salience: number;
  confidence: number;
  score: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function digestRecords(devs: readonly Development[]): DigestRecord[] {
  return devs.map((d) => ({
    id: d.id,
    kind: d.kind,
    actor: d.actor ?? null,
    issue: d.issue ?? null,
    date: d.date,
    summary: d.summary,
    evidence: d.evidence.map((l) => l.itemId),
    salience: r3(d.salience),
    confidence: r3(d.confidence),
    score: r3(d.score),
  }));
}

const KIND_LABEL: Record<Development['kind'], string> = {
  red_line_signal: 'Red-line signal',
  stance_shift: 'Stance shift',
  key_event: 'Key event',
  first_mention: 'First mention',
};

const period = (d: DigestInput) => (d.since ? `${d.since} – ${d.until}` : `until ${d.until}`);

export function digestMarkdown(d: DigestInput): string {
  const lines = [
    `# What changed: ${d.caseTitle}`,
    '',
    `${period(d)} · ${d.developments.length} developments`,
    '',
  ];
  for (const dev of d.developments) {
    lines.push(
      `## ${KIND_LABEL[dev.kind]} — ${dev.summary.replace(/\n/g, ' ')}`,
      '',
      `${dev.date} · score ${r3(dev.score)} (salience ${r3(dev.salience)} × confidence ${r3(dev.confidence)})`,
      '',
    );
    for (const l of dev.evidence) {
      const where = [l.publisher, l.date].filter(Boolean).join(', ');
      const title = l.url ? `[${l.title ?? l.url}](${l.url})` : (l.title ?? l.docId);
      lines.push(
        `- > ${l.quote.replace(/\s+/g, ' ').trim()}`,
        `  — ${title}${where ? ` (${where})` : ''} · ${l.itemId}`,
      );
    }
    lines.push('');
  }
  if (d.developments.length === 0) lines.push('Nothing new.', '');
  return lines.join('\n');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function digestHtml(d: DigestInput): string {
  const items = d.developments
    .map((dev) => {
      const ev = dev.evidence
        .map((l) => {
          const title = esc(l.title ?? l.docId);
          const link = l.url && /^https?:\/\//i.test(l.url) ? `<a href="${esc(l.url)}">${title}</a>` : title;
          return `<li><blockquote>${esc(l.quote)}</blockquote>${link}${l.publisher ? `, ${esc(l.publisher)}` : ''} <code>${esc(l.itemId)}</code></li>`;
        })
        .join('');
      return `<article><h2><span class="kind">${KIND_LABEL[dev.kind]}</span> ${esc(dev.summary)}</h2><p>${esc(dev.date)} · score ${r3(dev.score)} (salience ${r3(dev.salience)} × confidence ${r3(dev.confidence)})</p><ul>${ev}</ul></article>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>What changed: ${esc(d.caseTitle)}</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}h2{font-size:1.05rem}.kind{background:#eef;padding:0 .3rem;border-radius:3px}blockquote{margin:.2rem 0;color:#333;border-left:3px solid #ccd;padding-left:.6rem}</style></head><body><h1>What changed: ${esc(d.caseTitle)}</h1><p>${esc(period(d))} · ${d.developments.length} developments</p>${items || '<p>Nothing new.</p>'}</body></html>\n`;
}
