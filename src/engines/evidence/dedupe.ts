/**
 * De-duplication: an exact content hash, and near-duplicate detection with MinHash signatures over word
 * 5-shingles indexed by LSH banding.
 * [Reference] A. Broder, "On the resemblance and containment of documents" (1997) — MinHash;
 * J. Leskovec, A. Rajaraman, J. Ullman, *Mining of Massive Datasets*, §3.4 — banding (b bands × r rows
 * make a pair with Jaccard s a candidate with probability 1 − (1 − s^r)^b);
 * P. Li, A. C. König, "b-Bit Minwise Hashing" (WWW 2010) — keeping 16 bits of each minimum.
 */

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 5;

/** MurmurHash3 x86_32 over the string's UTF-16 code units, two units per block. */
export function murmur32(text: string, seed = 0): number {
  let h = seed >>> 0;
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = (text.charCodeAt(i) & 0xffff) | ((text.charCodeAt(i + 1) & 0xffff) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    let k = text.charCodeAt(i) & 0xffff;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n * 2;
  return fmix32(h);
}

function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased word tokens (letters and digits), the unit of both the hash and the shingles. */
export function contentTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Exact-duplicate key: 64 bits (two seeded 32-bit hashes) of the normalised token stream, as hex. */
export function contentHash(text: string): string {
  const norm = contentTokens(text).join(' ');
  const a = murmur32(norm, 0x9747b28c).toString(16).padStart(8, '0');
  const b = murmur32(norm, 0x5bd1e995).toString(16).padStart(8, '0');
  return a + b;
}

const SEEDS = (() => {
  const s = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) s[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));
  return s;
})();

/** MinHash signature (16-bit minima) of the word 5-shingles; undefined below 2 shingles (too short to compare). */
export function minhashSignature(text: string): Uint16Array | undefined {
  const tokens = contentTokens(text);
  if (tokens.length < SHINGLE + 1) return undefined;
  const th = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) th[i] = murmur32(tokens[i]!);
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ th[i + j]!, 0x01000193);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = fmix32(h ^ SEEDS[k]!);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  const sig = new Uint16Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) sig[k] = mins[k]! & 0xffff;
  return sig;
}

/** Estimated Jaccard similarity of two signatures (share of equal minima, corrected for 16-bit collisions). */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>, aOffset = 0, bOffset = 0): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[aOffset + k] === b[bOffset + k]) same++;
  const p = same / SIGNATURE_SIZE;
  const c = 1 / 65536;
  return Math.max(0, (p - c) / (1 - c));
}

/** The LSH key of band `band` (mixes the band number in, so one table serves all bands). */
export function bandKey(sig: ArrayLike<number>, band: number, offset = 0): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[offset + band * ROWS + r]!, 0x01000193);
  return fmix32(h);
}

export function bandKeys(sig: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) out.push(bandKey(sig, b));
  return out;
}

export interface NearMatch {
  index: number;
  similarity: number;
}

/**
 * In-memory LSH index over typed arrays: signatures packed in one Uint16Array, one open-addressing table
 * of band-bucket heads (keys are not stored: a bucket's key is recomputed from its head's signature) and a
 * per-(document, band) next pointer. About 330 bytes per document.
 */
export class NearDuplicateIndex {
  private sigs: Uint16Array;
  private next: Int32Array;
  private heads: Int32Array;
  /** Which band each occupied slot's bucket belongs to. */
  private bandOfSlot: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    const cap = Math.max(16, expected);
    this.sigs = new Uint16Array(cap * SIGNATURE_SIZE);
    this.next = new Int32Array(cap * BANDS);
    const slots = nextPow2(cap * BANDS * 2);
    this.heads = new Int32Array(slots).fill(-1);
    this.bandOfSlot = new Uint8Array(slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds a signature; returns its index (0, 1, 2 … in insertion order). */
  add(sig: Uint16Array): number {
    const index = this.count;
    if ((index + 1) * SIGNATURE_SIZE > this.sigs.length) this.grow();
    this.sigs.set(sig, index * SIGNATURE_SIZE);
    this.count++;
    if ((this.count * BANDS) / (this.mask + 1) > 0.6) this.rehash();
    for (let b = 0; b < BANDS; b++) this.link(index, b);
    return index;
  }

  /** Stored documents whose estimated similarity to `sig` is at least `threshold`, best first. */
  query(sig: Uint16Array, threshold: number): NearMatch[] {
    const seen = new Set<number>();
    const out: NearMatch[] = [];
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const slot = this.findSlot(key, b, sig, 0, false);
      if (slot < 0) continue;
      for (let d = this.heads[slot]!; d >= 0; d = this.next[d * BANDS + b]!) {
        if (seen.has(d)) continue;
        seen.add(d);
        const s = similarity(sig, this.sigs, 0, d * SIGNATURE_SIZE);
        if (s >= threshold) out.push({ index: d, similarity: s });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.index - b.index);
  }

  private sameBand(a: ArrayLike<number>, aOff: number, doc: number, band: number): boolean {
    const o = doc * SIGNATURE_SIZE + band * ROWS;
    for (let r = 0; r < ROWS; r++) if (a[aOff + band * ROWS + r] !== this.sigs[o + r]) return false;
    return true;
  }

  /** Slot holding the bucket for (key, band); with `insert`, the empty slot where it would go. */
  private findSlot(key: number, band: number, sig: ArrayLike<number>, off: number, insert: boolean): number {
    let slot = key & this.mask;
    for (;;) {
      const head = this.heads[slot]!;
      if (head < 0) return insert ? slot : -1;
      // A slot belongs to a bucket of one band; the head's band rows identify it.
      if (this.headBand(slot) === band && this.sameBand(sig, off, head, band)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private headBand(slot: number): number {
    return this.bandOfSlot[slot]!;
  }

  private link(doc: number, band: number): void {
    const key = bandKey(this.sigs, band, doc * SIGNATURE_SIZE);
    const slot = this.findSlot(key, band, this.sigs, doc * SIGNATURE_SIZE, true);
    const head = this.heads[slot]!;
    this.next[doc * BANDS + band] = head;
    this.heads[slot] = doc;
    this.bandOfSlot[slot] = band;
  }

  private grow(): void {
    const cap = (this.sigs.length / SIGNATURE_SIZE) * 2;
    const sigs = new Uint16Array(cap * SIGNATURE_SIZE);
    sigs.set(this.sigs);
    this.sigs = sigs;
    const next = new Int32Array(cap * BANDS);
    next.set(this.next);
    this.next = next;
  }

  private rehash(): void {
    const slots = (this.mask + 1) * 2;
    this.heads = new Int32Array(slots).fill(-1);
    this.bandOfSlot = new Uint8Array(slots);
    this.mask = slots - 1;
    // Re-link in insertion order so chains keep newest-first order.
    for (let d = 0; d < this.count - 1; d++) for (let b = 0; b < BANDS; b++) this.link(d, b);
  }
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export interface ClusterAssignment {
  /** Index of the document in the batch. */
  index: number;
  /** Index of the cluster's canonical member (itself when it starts a cluster). */
  canonical: number;
  kind: 'unique' | 'exact' | 'near';
  similarity: number;
}

/**
 * Clusters a batch: exact copies by content hash, near copies by MinHash similarity ≥ threshold against the
 * canonical members seen so far. The first member of a cluster is its canonical member.
 */
export function clusterDocuments(texts: readonly string[], threshold = 0.7): ClusterAssignment[] {
  const byHash = new Map<string, number>();
  const index = new NearDuplicateIndex(texts.length);
  const canonicalOf: number[] = [];
  const out: ClusterAssignment[] = [];
  texts.forEach((text, i) => {
    const hash = contentHash(text);
    const exact = byHash.get(hash);
    if (exact !== undefined) {
      out.push({ index: i, canonical: exact, kind: 'exact', similarity: 1 });
      return;
    }
    byHash.set(hash, i);
    const sig = minhashSignature(text);
    if (sig) {
      const best = index.query(sig, threshold)[0];
      if (best) {
        const canonical = canonicalOf[best.index]!;
        out.push({ index: i, canonical, kind: 'near', similarity: best.similarity });
        byHash.set(hash, canonical);
        return;
      }
      canonicalOf[index.add(sig)] = i;
    }
    out.push({ index: i, canonical: i, kind: 'unique', similarity: 0 });
  });
  return out;
}
