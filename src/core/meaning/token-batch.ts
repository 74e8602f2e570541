// Text → the model's input tensors, with the model's own tokenizer (tokenizer.json read by
// @huggingface/tokenizers, the library transformers.js uses). A batch is padded only to its
// longest sentence, not to the tokenizer's fixed 128: padding costs as much compute as text.
import { Tokenizer } from '@huggingface/tokenizers';
import type { EncoderModel } from './models';

/** A batch of tokenised sentences, row-major [count, length], as BERT-style models take them. */
export interface TokenBatch {
  count: number;
  length: number;
  ids: BigInt64Array;
  /** 1 for a real token, 0 for padding. */
  mask: BigInt64Array;
  /** All 0: one segment per sentence. */
  typeIds: BigInt64Array;
}

export class SentenceTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly sepId: number;

  constructor(
    tokenizerJson: unknown,
    private readonly model: Pick<EncoderModel, 'maxTokens'>,
  ) {
    this.tokenizer = new Tokenizer(tokenizerJson as object, {});
    const sep = this.tokenizer.token_to_id('[SEP]');
    if (sep === undefined) throw new Error('tokenizer.json has no [SEP] token: not a BERT-style tokenizer');
    this.sepId = sep;
  }

  /** Token ids with [CLS] … [SEP], cut to maxTokens (keeping [SEP] last, as the model was trained). */
  encode(text: string): number[] {
    const ids = this.tokenizer.encode(text).ids;
    if (ids.length <= this.model.maxTokens) return ids;
    return [...ids.slice(0, this.model.maxTokens - 1), this.sepId];
  }

  /** Pads already-encoded sentences into one batch. */
  static batch(encoded: readonly (readonly number[])[]): TokenBatch {
    const count = encoded.length;
    const length = Math.max(1, ...encoded.map((e) => e.length));
    const ids = new BigInt64Array(count * length);
    const mask = new BigInt64Array(count * length);
    encoded.forEach((row, i) => {
      for (let j = 0; j < row.length; j++) {
        ids[i * length + j] = BigInt(row[j]!);
        mask[i * length + j] = 1n;
      }
    });
    return { count, length, ids, mask, typeIds: new BigInt64Array(count * length) };
  }
}
