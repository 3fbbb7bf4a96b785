/**
 * Synthetic news corpus for the evidence benchmarks: ~5 KB articles assembled from sentence templates
 * (actors, metonyms, titles, event verbs, stance phrases, filler analysis) with page furniture, and a share of
 * syndicated copies (same body, different furniture) so de-duplication has work to do. Seeded, reproducible.
 */
import { createRandom, type Random } from '../../src/index.js';

const ACTORS = [
  'Russia',
  'Ukraine',
  'the United States',
  'Moscow',
  'Kyiv',
  'Washington',
  'the Kremlin',
  'the European Union',
  'Turkey',
  "Russia's foreign minister",
  'the US envoy',
  'Ukrainian officials',
  'President Putin',
  'Zelensky',
];
const ISSUES = [
  'NATO membership',
  'security guarantees',
  'sanctions relief',
  'a ceasefire',
  'territorial concessions',
  'the Donbas',
  'a prisoner exchange',
  'frozen assets',
  'elections',
  'the size of the army',
];
const PLACES = ['Istanbul', 'Geneva', 'Riyadh', 'Anchorage', 'Abu Dhabi', 'Miami', 'Doha'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TEMPLATES = [
  (r: Pick2) => `${r.a} and ${r.b} met in ${r.place} on ${r.day} for another round of talks.`,
  (r: Pick2) => `${cap(r.a)} rejected the latest proposal on ${r.issue}, officials said.`,
  (r: Pick2) => `${cap(r.a)} demanded ${r.issue} as a condition for any agreement.`,
  (r: Pick2) => `${cap(r.a)} accused ${r.b} of stalling the negotiations over ${r.issue}.`,
  (r: Pick2) => `${cap(r.a)} said ${r.issue} was a non-starter and would never be accepted.`,
  (r: Pick2) => `${cap(r.a)} proposed a compromise on ${r.issue} that diplomats described as modest.`,
  (r: Pick2) => `${cap(r.a)} threatened to walk away from the talks if ${r.b} kept raising ${r.issue}.`,
  (r: Pick2) =>
    `${cap(r.a)} is open to discussing ${r.issue}, according to a statement released on ${r.day}.`,
  (r: Pick2) => `Analysts say the dispute over ${r.issue} could drag on for months, with both sides dug in.`,
  (r: Pick2) => `The mood in ${r.place} was described as businesslike, though little of substance emerged.`,
  (r: Pick2) => `Observers noted that ${r.issue} remains the hardest question on the table for negotiators.`,
  (r: Pick2) => `${cap(r.a)} launched dozens of drones at targets overnight, the air force said on ${r.day}.`,
];
const FURNITURE = [
  'ADVERTISEMENT',
  'READ MORE',
  'Share this article',
  'Leave a Reply',
  'Subscribe to our newsletter',
  '| Topic | Status |',
  '|---|---|',
];

interface Pick2 {
  a: string;
  b: string;
  issue: string;
  place: string;
  day: string;
}
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const pick = <T>(r: Random, xs: readonly T[]) => xs[r.int(xs.length)]!;

function body(r: Random, targetBytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const n = 3 + r.int(3);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      let b = pick(r, ACTORS);
      const a = pick(r, ACTORS);
      while (b === a) b = pick(r, ACTORS);
      sentences.push(
        pick(r, TEMPLATES)({ a, b, issue: pick(r, ISSUES), place: pick(r, PLACES), day: pick(r, DAYS) }),
      );
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 1;
  }
  return paragraphs.join('\n\n');
}

function furnish(r: Random, headline: string, text: string): string {
  const lines = [headline, '', headline];
  for (const p of text.split('\n\n')) {
    lines.push(p);
    if (r.next() < 0.25) lines.push(pick(r, FURNITURE));
  }
  lines.push('Leave a Reply', 'READ MORE');
  return lines.join('\n');
}

export interface SyntheticArticle {
  text: string;
  date: string;
  /** Index of the original this one copies, or -1. */
  copyOf: number;
}

/** `count` articles of about `bytes` bytes; `copyShare` of them are syndicated copies of earlier ones. */
export function syntheticCorpus(count: number, seed = 1, bytes = 5000, copyShare = 0.2): SyntheticArticle[] {
  const r = createRandom(seed);
  const bodies: string[] = [];
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const date = `2025-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
    if (bodies.length > 0 && r.next() < copyShare) {
      const src = r.int(bodies.length);
      out.push({ text: furnish(r, `Syndicated: story ${src}`, bodies[src]!), date, copyOf: src });
      bodies.push(bodies[src]!);
      continue;
    }
    const b = body(r, bytes - 300);
    bodies.push(b);
    out.push({ text: furnish(r, `Talks update number ${i}`, b), date, copyOf: -1 });
  }
  return out;
}
