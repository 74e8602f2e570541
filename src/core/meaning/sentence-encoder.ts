// The sentence encoder: tokenizer → model → pooling, the same code in the extension and in Node.
// The model itself is injected (a ModelRunner over ONNX Runtime Web: src/meaning/ort-runner.ts),
// so this module needs no browser or Node API and the core stays testable anywhere.
import type { EncoderModel } from './models';
import { poolSentences } from './pooling';
import { SentenceTokenizer, type TokenBatch } from './token-batch';

/** Runs the model on one batch; returns its last hidden state, [count, length, dimensions]. */
export interface ModelRunner {
  run(batch: TokenBatch): Promise<Float32Array>;
}

/**
 * Sentences per model call. Sentences are sorted by length first so a batch pads little; batches
 * of this size keep the tensors small (a few MB) and still amortise the call overhead.
 */
const BATCH_SIZE = 8;

export class SentenceEncoder {
  private readonly tokenizer: SentenceTokenizer;

  constructor(
    readonly model: EncoderModel,
    tokenizerJson: unknown,
    private readonly runner: ModelRunner,
  ) {
    this.tokenizer = new SentenceTokenizer(tokenizerJson, model);
  }

  /** How many tokens the model will read for a text (its cost is about proportional). */
  tokenCount(text: string): number {
    return this.tokenizer.encode(text).length;
  }

  /** One unit-length vector per text, in the order given. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const encoded = texts.map((t) => this.tokenizer.encode(t));
    const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length);
    const out = new Array<Float32Array>(texts.length);
    for (let at = 0; at < order.length; at += BATCH_SIZE) {
      const rows = order.slice(at, at + BATCH_SIZE);
      const batch = SentenceTokenizer.batch(rows.map((i) => encoded[i]!));
      const hidden = await this.runner.run(batch);
      poolSentences(hidden, batch, this.model.dimensions, this.model.pooling).forEach((v, k) => {
        out[rows[k]!] = v;
      });
    }
    return out;
  }
}
