// A small least-recently-used cache (a Map keeps insertion order; a hit is re-inserted at the end).
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {
    if (!(capacity > 0)) throw new Error(`LRU capacity must be positive, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, as a hit (made most recent), or undefined. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    return this.getOrCompute(key, () => undefined as V);
  }

  /** Stores a value computed elsewhere (asynchronously, say), evicting the least recent past capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  getOrCompute(key: K, compute: (key: K) => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, value);
      this.hits++;
      return value;
    }
    this.misses++;
    const value = compute(key);
    this.set(key, value);
    return value;
  }
}
