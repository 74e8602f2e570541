// Figures the measuring tools print: medians of timings and ratios.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median time of `runs` calls, in milliseconds. */
export function medianMs(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** a / b to three decimals, or "n/a" when b is 0. */
export const ratio = (a: number, b: number): string => (b === 0 ? '  n/a' : (a / b).toFixed(3));
