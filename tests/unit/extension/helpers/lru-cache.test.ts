import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../../src/extension/helpers/lru-cache';

describe('LruCache', () => {
  it('computes a value once and serves it again', () => {
    const cache = new LruCache<string, number>(2);
    let calls = 0;
    const len = (s: string) => (calls++, s.length);
    expect(cache.getOrCompute('abc', len)).toBe(3);
    expect(cache.getOrCompute('abc', len)).toBe(3);
    expect(calls).toBe(1);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new LruCache<string, string>(2);
    const seen: string[] = [];
    const id = (s: string) => (seen.push(s), s);
    cache.getOrCompute('a', id);
    cache.getOrCompute('b', id);
    cache.getOrCompute('a', id); // a is now the most recent
    cache.getOrCompute('c', id); // evicts b
    cache.getOrCompute('a', id);
    cache.getOrCompute('b', id);
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that cannot hold anything', () => {
    expect(() => new LruCache(0)).toThrow(/positive/);
  });
});
