/** The result cache: computes once per key, evicts the least recently used, respects its byte budget. */
import { describe, expect, it } from 'vitest';
import { ResultCache } from './context.js';

describe('ResultCache', () => {
  it('computes a key once and returns the same bytes after', () => {
    const cache = new ResultCache();
    let calls = 0;
    const compute = () => (calls++, '{"a":1}');
    expect(cache.get('k', compute).toString()).toBe('{"a":1}');
    expect(cache.get('k', compute).toString()).toBe('{"a":1}');
    expect(calls).toBe(1);
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new ResultCache(2);
    let calls = 0;
    const c = (v: string) => () => (calls++, v);
    cache.get('a', c('1'));
    cache.get('b', c('2'));
    cache.get('a', c('1')); // a is now the most recent
    cache.get('c', c('3')); // evicts b
    expect(calls).toBe(3);
    cache.get('a', c('1'));
    expect(calls).toBe(3);
    cache.get('b', c('2'));
    expect(calls).toBe(4);
  });

  it('keeps within its byte budget and does not keep oversized results', () => {
    const cache = new ResultCache(100, 40);
    let calls = 0;
    const c = (n: number) => () => (calls++, 'x'.repeat(n));
    cache.get('big', c(11)); // over a quarter of 40 bytes: returned, not kept
    cache.get('big', c(11));
    expect(calls).toBe(2);
    for (const k of ['a', 'b', 'c', 'd', 'e']) cache.get(k, c(10)); // 50 bytes: a is evicted
    cache.get('e', c(10));
    expect(calls).toBe(7);
    cache.get('a', c(10));
    expect(calls).toBe(8);
  });
});
