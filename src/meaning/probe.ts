// A measuring hook for phase 1 of matching by meaning (issue 11): lets the end-to-end test and
// bench:browser load the encoder in the service worker and time it, before the matcher uses it.
// It does nothing until called: an ordinary page never loads the model.
import type { SentenceEncoder } from '../core/meaning/sentence-encoder';
import { loadExtensionEncoder } from './extension-encoder';

export interface MeaningProbe {
  /** Loads the model (once) and reports how long the cold load took, in ms. */
  load(): Promise<{ loadMs: number; model: string }>;
  /** Embeds the texts; returns the vectors as plain arrays and the time taken. */
  embed(texts: string[]): Promise<{ vectors: number[][]; ms: number }>;
}

export function installMeaningProbe(scope: object = globalThis): void {
  let encoder: Promise<SentenceEncoder> | null = null;
  let loadMs = 0;
  const load = (): Promise<SentenceEncoder> => {
    if (encoder === null) {
      const t0 = performance.now();
      encoder = loadExtensionEncoder().then((e) => {
        loadMs = performance.now() - t0;
        return e;
      });
      // A failed load may be retried (e.g. after the model is installed and the extension reloaded).
      encoder.catch(() => (encoder = null));
    }
    return encoder;
  };
  const probe: MeaningProbe = {
    async load() {
      const e = await load();
      return { loadMs, model: e.model.id };
    },
    async embed(texts) {
      const e = await load();
      const t0 = performance.now();
      const vectors = await e.embed(texts);
      return { vectors: vectors.map((v) => Array.from(v)), ms: performance.now() - t0 };
    },
  };
  (scope as { parallaxMeaning?: MeaningProbe }).parallaxMeaning = probe;
}
