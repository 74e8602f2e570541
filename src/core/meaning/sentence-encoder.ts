// The sentence encoder: tokenizer → model → pooling, the same code in the extension and in Node.
// The model itself is injected (a ModelRunner over ONNX Runtime Web: ort-runner.ts),
// so this module needs no browser or Node API and the core stays testable anywhere.
import type { EncoderModel } from './models';
import { poolSentences } from './pooling';
import { SentenceTokenizer, type TokenBatch } from './token-batch';

/** Runs the model on one batch; returns its last hidden state, [count, length, dimensions]. */
export interface ModelRunner {
  run(batch: TokenBatch): Promise<Float32Array>;
}

/**
 * Sentences per model call: one. The shipped models are dynamically quantised (int8 scales are
 * computed over the whole input tensor), so a sentence batched with others, padding included,
 * gets a slightly different vector (cosine 0.98 to itself alone). One at a time, a sentence's
 * vector depends on its text only: it can be cached by text, and the extension and the Node tools
 * compute the same numbers. On one WebAssembly thread batching saved little time anyway.
 */
const BATCH_SIZE = 1;

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
    return this.encode(text).length;
  }

  private encode(text: string): number[] {
    return this.tokenizer.encode(this.model.prefix === undefined ? text : this.model.prefix + text);
  }

  /** One unit-length vector per text, in the order given. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const encoded = texts.map((t) => this.encode(t));
    const out = new Array<Float32Array>(texts.length);
    for (let at = 0; at < encoded.length; at += BATCH_SIZE) {
      const rows = encoded.map((_, i) => i).slice(at, at + BATCH_SIZE);
      const batch = SentenceTokenizer.batch(rows.map((i) => encoded[i]!));
      const hidden = await this.runner.run(batch);
      poolSentences(hidden, batch, this.model.dimensions, this.model.pooling).forEach((v, k) => {
        out[rows[k]!] = v;
      });
    }
    return out;
  }
}
