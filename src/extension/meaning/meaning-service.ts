// Matching by meaning in the service worker. The sentence encoder and the claims' vectors are
// loaded from the extension's own files when the first page needs them (one that passes the cheap
// test of naming a known story), once per worker life; if they cannot be loaded (no WebAssembly, a
// build without the model, vectors of another model), the failure is remembered and the worker
// matches by words alone from then on. Sentence vectors are cached by text, so a second visit, a
// second tab or a late paragraph embeds only sentences never seen. One model call at a time.
// The build ships the bundled packs' claim vectors; the claims of packs a reader added get theirs
// here, once per worker life and set of packs, through the same model.
import {
  ClaimVectors,
  ClaimVectorSets,
  serializeClaimVectors,
  type ClaimTexts,
  type ClaimVectorLookup,
} from '../../core/meaning/claim-vectors';
import { LruCache } from '../helpers/lru-cache';

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
  /** The shipped claims' vectors, once loaded. */
  readonly claimVectors: ClaimVectors | null;
  /**
   * Vectors for every claim of a set of packs: the shipped ones, and the others' texts embedded
   * (loading the model first if need be; a claim whose vectors were shipped is never embedded).
   * Null when the model cannot be loaded.
   */
  claimVectorsFor(claims: readonly ClaimTexts[]): Promise<ClaimVectorLookup | null>;
  /** The vectors already known for these texts (no model call). */
  known(texts: readonly string[]): Map<string, Float32Array>;
  /** Vectors for every text, loading the model first if need be; null when it cannot be loaded. */
  vectors(texts: readonly string[]): Promise<Map<string, Float32Array> | null>;
  /** The engine itself, loaded if need be (for the probe that measures it). */
  engine(): Promise<MeaningEngine>;
  stats(): MeaningStats;
}

export function createMeaningService(
  load: () => Promise<MeaningEngine>,
  now: () => number = () => performance.now(),
): MeaningService {
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

  /** The engine, or null when it cannot be loaded (the failure is remembered and logged once). */
  const engineOrNull = (): Promise<MeaningEngine | null> => getEngine().catch(() => null);

  /** Runs model calls one after another: ORT runs one session call at a time. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const embedTimed = async (loaded: MeaningEngine, text: string): Promise<Float32Array> => {
    const t0 = now();
    const vector = await loaded.embed(text);
    stats.embedded++;
    stats.embedMs += now() - t0;
    return vector;
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
      const loaded = await engineOrNull();
      if (loaded === null) return null;
      await inTurn(async () => {
        for (const text of new Set(texts)) {
          if (cache.get(text) === undefined) cache.set(text, await embedTimed(loaded, text));
        }
      });
      return known(texts);
    },
    async claimVectorsFor(claims) {
      const loaded = await engineOrNull();
      if (loaded === null) return null;
      const shipped = loaded.claimVectors;
      const missing = claims.filter((c) => !shipped.has(c.claimId));
      if (missing.length === 0) return shipped;
      const made = await inTurn(async () => {
        const out: { claimId: string; vectors: Float32Array[] }[] = [];
        for (const c of missing) {
          const vectors: Float32Array[] = [];
          for (const text of c.texts) {
            // Cached like sentences: a pack switched off and on again costs nothing.
            let vector = cache.get(text);
            if (vector === undefined) cache.set(text, (vector = await embedTimed(loaded, text)));
            vectors.push(vector);
          }
          out.push({ claimId: c.claimId, vectors });
        }
        return out;
      });
      // Through the shipped form (int8), so an added pack's claims compare as the bundled ones do.
      const model = { id: shipped.model, sha256: '', dimensions: shipped.dimensions };
      return new ClaimVectorSets([shipped, new ClaimVectors(serializeClaimVectors(model, made))]);
    },
    stats: () => ({ ...stats }),
  };
}
