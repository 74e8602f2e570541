// A measuring hook on the worker's meaning service, for the end-to-end tests and
// npm run meaning:bench:browser: load the encoder and time it, embed texts, read the service's
// figures. It does nothing until called, and uses the service's own engine (never a second copy).
// Only the build for the tests installs it (background/test-hooks.ts).
import type { MeaningService, MeaningStats } from './meaning-service';

export interface MeaningProbe {
  /** Loads the model (once) and reports how long the cold load took, in ms. */
  load(): Promise<{ loadMs: number; model: string }>;
  /** Embeds the texts one by one (uncached); returns the vectors as plain arrays and the time taken. */
  embed(texts: string[]): Promise<{ vectors: number[][]; ms: number }>;
  /** The service's state: loaded or not, load time, sentences embedded and their time. */
  stats(): MeaningStats;
}

export function installMeaningProbe(service: MeaningService, scope: object = globalThis): void {
  const probe: MeaningProbe = {
    async load() {
      const engine = await service.engine();
      return { loadMs: service.stats().loadMs ?? NaN, model: engine.model };
    },
    async embed(texts) {
      const engine = await service.engine();
      const t0 = performance.now();
      const vectors: Float32Array[] = [];
      for (const text of texts) vectors.push(await engine.embed(text));
      return { vectors: vectors.map((v) => Array.from(v)), ms: performance.now() - t0 };
    },
    stats: () => service.stats(),
  };
  (scope as { parallaxMeaning?: MeaningProbe }).parallaxMeaning = probe;
}
