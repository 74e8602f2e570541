// Matching by meaning in the service worker. The sentence encoder and the claims' vectors are
// loaded from the extension's own files when the first page needs them (one that passes the cheap
// test of naming a known story), once per worker life; if they cannot be loaded (no WebAssembly, a
// build without the model, vectors of another model), the failure is remembered and the worker
// matches by words alone from then on. Sentence vectors are cached by text, so a second visit, a
// second tab or a late paragraph embeds only sentences never seen. One model call at a time.
import type { ClaimVectors } from '../core/meaning/claim-vectors';
import { LruCache } from './lru-cache';

/** What loading gives: a way to embed one sentence, and the claims' vectors to compare it with. */
export interface MeaningEngine {
  model: string;
  embed(text: string): Promise<Float32Array>;
  claimVectors: ClaimVectors;
}

/** Sentences whose vectors are kept: a long article has ~100; 1.5 KB each, this is about 6 MB. */
export const SENTENCE_CACHE_SIZE = 4000;

export interface MeaningStats {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  model?: string;
  /** Cold load: reading the files, compiling ORT's WebAssembly, creating the session. */
  loadMs?: number;
  error?: string;
  /** Sentences that went through the model, and the time they took. */
  embedded: number;
  embedMs: number;
}

export interface MeaningService {
  /** False once loading failed: pages are matched by words alone for the rest of the worker's life. */
  readonly usable: boolean;
  /** The claims' vectors, once loaded. */
  readonly claimVectors: ClaimVectors | null;
  /** The vectors already known for these texts (no model call). */
  known(texts: readonly string[]): Map<string, Float32Array>;
  /** Vectors for every text, loading the model first if need be; null when it cannot be loaded. */
  vectors(texts: readonly string[]): Promise<Map<string, Float32Array> | null>;
  /** The engine itself, loaded if need be (for the probe that measures it). */
  engine(): Promise<MeaningEngine>;
  stats(): MeaningStats;
}

export function createMeaningService(load: () => Promise<MeaningEngine>, now: () => number = () => performance.now()): MeaningService {
  const cache = new LruCache<string, Float32Array>(SENTENCE_CACHE_SIZE);
  let loading: Promise<MeaningEngine> | null = null;
  let engine: MeaningEngine | null = null;
  const stats: MeaningStats = { state: 'idle', embedded: 0, embedMs: 0 };
  // Model calls one after another: ORT runs one session call at a time.
  let queue: Promise<unknown> = Promise.resolve();

  const getEngine = (): Promise<MeaningEngine> => {
    if (loading === null) {
      const t0 = now();
      stats.state = 'loading';
      loading = load().then(
        (loaded) => {
          engine = loaded;
          Object.assign(stats, { state: 'ready', model: loaded.model, loadMs: now() - t0 });
          return loaded;
        },
        (error: unknown) => {
          Object.assign(stats, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
          console.warn('[Parallax] matching by meaning is off, words only:', error);
          throw error;
        },
      );
    }
    return loading;
  };

  const known = (texts: readonly string[]): Map<string, Float32Array> => {
    const out = new Map<string, Float32Array>();
    for (const text of texts) {
      const v = cache.get(text);
      if (v !== undefined) out.set(text, v);
    }
    return out;
  };

  return {
    get usable() {
      return stats.state !== 'failed';
    },
    get claimVectors() {
      return engine?.claimVectors ?? null;
    },
    known,
    engine: getEngine,
    async vectors(texts) {
      let loaded: MeaningEngine;
      try {
        loaded = await getEngine();
      } catch {
        return null;
      }
      const run = queue.then(async () => {
        for (const text of new Set(texts)) {
          if (cache.get(text) !== undefined) continue;
          const t0 = now();
          cache.set(text, await loaded.embed(text));
          stats.embedded++;
          stats.embedMs += now() - t0;
        }
      });
      queue = run.catch(() => undefined);
      await run;
      return known(texts);
    },
    stats: () => ({ ...stats }),
  };
}
