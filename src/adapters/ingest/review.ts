/** Row and file helpers for `redline evidence`: table rows for claims and events, article references, atomic writes. */
import { rename, writeFile } from 'node:fs/promises';
import type { ArticleRef } from '../../index.js';
import { color, safeForTerminal } from '../cli/output.js';
import type { DocumentSummary, ReviewStatus, StoredClaim, StoredEvent } from '../store/evidence-repo.js';

/** Outside text cut to `n` characters for a table cell, with terminal control sequences removed. */
export const shortText = (raw: string, n = 110) => {
  const t = safeForTerminal(raw);
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
export const STATUS = (s: ReviewStatus) =>
  s === 'accepted' ? color.green(s) : s === 'rejected' ? color.red(s) : color.yellow(s);

export function claimLine(c: StoredClaim): (string | number)[] {
  const k = c.claim;
  return [
    c.id,
    STATUS(c.status),
    k.actor,
    k.direction,
    k.issue,
    k.positionLabel ?? (k.position !== undefined ? String(k.position) : ''),
    k.redLine ? color.red('red line') : '',
    k.confidence.toFixed(2),
    shortText(k.quote.text),
  ];
}

export function eventLine(e: StoredEvent): (string | number)[] {
  const v = e.event;
  const who = (xs: typeof v.actors) => xs.map((a) => a.actor ?? a.code ?? a.text).join('+');
  return [
    e.id,
    STATUS(e.status),
    v.date ?? '',
    v.type,
    `${v.plover}${v.mode ? `/${v.mode}` : ''} ${v.cameo}`,
    who(v.actors),
    who(v.targets),
    v.confidence.toFixed(2),
    shortText(v.quote.text, 90),
  ];
}

export const articleRef = (d: DocumentSummary & { text?: string }): ArticleRef => ({
  contentHash: d.contentHash,
  ...(d.date ? { date: d.date } : {}),
  ...(d.title ? { title: d.title } : {}),
  ...(d.publisher ? { publisher: d.publisher } : {}),
  ...(d.url ? { url: d.url } : {}),
});

/** Writes the case file atomically (temp file + rename) so a crash never leaves half a file. */
export async function writeCase(path: string, text: string): Promise<void> {
  const tmp = `${path}.redline-tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}
