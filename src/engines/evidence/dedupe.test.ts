import { describe, expect, it } from 'vitest';
import { createRandom } from '../../kit/random.js';
import {
  clusterDocuments,
  contentHash,
  contentTokens,
  minhashSignature,
  NearDuplicateIndex,
  similarity,
} from './dedupe.js';

const WORDS =
  'talks envoy ceasefire kremlin kyiv plan summit guarantees sanctions troops border prisoners vote deal meeting reporters'.split(
    ' ',
  );
function article(seed: number, n = 300): string {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => WORDS[r.int(WORDS.length)]! + String(r.int(50))).join(' ');
}
/** Exact Jaccard similarity of word 5-shingle sets, computed directly (the quantity MinHash estimates). */
function jaccard(a: string, b: string): number {
  const sh = (t: string) => {
    const w = contentTokens(t);
    const s = new Set<string>();
    for (let i = 0; i + 5 <= w.length; i++) s.add(w.slice(i, i + 5).join(' '));
    return s;
  };
  const A = sh(a);
  const B = sh(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

describe('content hash', () => {
  it('ignores case, punctuation and spacing but not words', () => {
    expect(contentHash('Russia rejected the plan.')).toBe(contentHash('russia   REJECTED the plan'));
    expect(contentHash('Russia rejected the plan.')).not.toBe(contentHash('Russia accepted the plan.'));
  });
});

describe('MinHash', () => {
  it('estimates the Jaccard similarity of shingle sets within sampling error (64 hashes: sd ≤ 0.0625)', () => {
    const base = article(1);
    const words = base.split(' ');
    for (const cut of [20, 60, 120]) {
      const edited = [...words.slice(0, words.length - cut), ...article(2, cut).split(' ')].join(' ');
      const truth = jaccard(base, edited);
      const est = similarity(minhashSignature(base)!, minhashSignature(edited)!);
      expect(Math.abs(est - truth)).toBeLessThan(0.2); // > 3 standard deviations
    }
    expect(similarity(minhashSignature(base)!, minhashSignature(base)!)).toBe(1);
    expect(similarity(minhashSignature(base)!, minhashSignature(article(99))!)).toBeLessThan(0.1);
  });
  it('gives no signature to texts shorter than two shingles', () => {
    expect(minhashSignature('one two three four five')).toBeUndefined();
  });
});

describe('NearDuplicateIndex', () => {
  it('finds a syndicated copy among many unrelated documents and nothing for a fresh one', () => {
    const index = new NearDuplicateIndex(4);
    for (let i = 0; i < 500; i++) index.add(minhashSignature(article(1000 + i))!);
    const original = article(7);
    const at = index.add(minhashSignature(original)!);
    const copy = `Published by another site. ${original} Share this article.`;
    const hits = index.query(minhashSignature(copy)!, 0.7);
    expect(hits[0]?.index).toBe(at);
    expect(index.query(minhashSignature(article(8))!, 0.7)).toEqual([]);
    expect(index.size).toBe(501);
  });
});

describe('clusterDocuments', () => {
  it('puts exact and near copies with their first member and leaves different stories apart', () => {
    const a = article(11);
    const b = article(12);
    const out = clusterDocuments([a, b, a, `${a} Advertisement.`, article(13)]);
    expect(out.map((o) => [o.canonical, o.kind])).toEqual([
      [0, 'unique'],
      [1, 'unique'],
      [0, 'exact'],
      [0, 'near'],
      [4, 'unique'],
    ]);
  });
});
