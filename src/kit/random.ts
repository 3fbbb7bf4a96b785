/**
 * Seeded randomness for the core. Every engine that samples takes a `Random` built here from an explicit
 * seed, so runs are reproducible and no module touches Math.random. Backed by pure-rand's xoroshiro128+.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** An independent generator for sub-task `k` (e.g. one Monte Carlo run), stable for a given seed and k. */
  fork(k: number): Random;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  let spare: number | undefined;
  const next = () => uniformFloat64(rng);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    // Mix seed and k through a 32-bit hash so neighbouring k give unrelated streams.
    fork: (k) => createRandom(hash32(seed, k)),
  };
}

function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}
