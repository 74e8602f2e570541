// The content script's own time: the synchronous work it does on the page's main thread, summed,
// excluding time spent waiting for storage or the service worker. Published as a performance
// measure ("parallax:own-time", duration = total ms) so benchmarks can read it from the page.
export interface OwnTimer {
  measure<T>(work: () => T): T;
  /** Adds time measured elsewhere (the page's reading, summed over its slices). */
  add(ms: number): void;
  readonly totalMs: number;
  publish(name: string): void;
}

export function createOwnTimer(perf: Performance): OwnTimer {
  let total = 0;
  return {
    measure(work) {
      const start = perf.now();
      try {
        return work();
      } finally {
        total += perf.now() - start;
      }
    },
    add(ms) {
      total += ms;
    },
    get totalMs() {
      return total;
    },
    publish(name) {
      try {
        perf.measure(name, { start: 0, duration: total });
      } catch {
        // User Timing unavailable: timing is informative only.
      }
    },
  };
}
