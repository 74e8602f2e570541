// Sentence embeddings for the experiments, cached on disk by model and text (.cache/embeddings/),
// so that re-running a calibration does not re-run the model over every page. Timing figures are
// never taken from the cache: meaning-eval.ts times the model on uncached runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EncoderModelId } from '../core/meaning/models';
import type { SentenceEncoder } from '../core/meaning/sentence-encoder';
import { ROOT } from '../node/paths';

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly path: string;
  private dirty = false;

  constructor(model: EncoderModelId) {
    this.path = join(ROOT, '.cache/embeddings', `${model}.json`);
    if (existsSync(this.path)) {
      const stored = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
      for (const [text, b64] of Object.entries(stored))
        this.vectors.set(text, new Float32Array(new Uint8Array(Buffer.from(b64, 'base64')).buffer));
    }
  }

  /** Vectors for the texts, computing (and remembering) only those not seen before. */
  async embed(encoder: SentenceEncoder, texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))];
    if (missing.length > 0) {
      const vectors = await encoder.embed(missing);
      missing.forEach((t, i) => this.vectors.set(t, vectors[i]!));
      this.dirty = true;
    }
    return texts.map((t) => this.vectors.get(t)!);
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(text);
  }

  save(): void {
    if (!this.dirty) return;
    const out: Record<string, string> = {};
    for (const [text, v] of this.vectors)
      out[text] = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(out));
    this.dirty = false;
  }
}
