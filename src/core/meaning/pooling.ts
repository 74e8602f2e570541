// Token vectors → one unit-length vector per sentence, the way each model was trained to be used.
import type { Pooling } from './models';
import type { TokenBatch } from './token-batch';

/**
 * `hidden` is the model's last hidden state, [count, length, dimensions] row-major. Mean pooling
 * averages the real tokens (padding excluded); CLS pooling takes the first token's vector. Both
 * are then scaled to unit length so that a dot product is the cosine similarity.
 */
export function poolSentences(
  hidden: Float32Array,
  batch: TokenBatch,
  dimensions: number,
  pooling: Pooling,
): Float32Array[] {
  const { count, length, mask } = batch;
  if (hidden.length !== count * length * dimensions) {
    throw new Error(`hidden state has ${hidden.length} values, expected ${count}×${length}×${dimensions}`);
  }
  const out: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const v = new Float32Array(dimensions);
    if (pooling === 'cls') {
      v.set(hidden.subarray(i * length * dimensions, i * length * dimensions + dimensions));
    } else {
      let tokens = 0;
      for (let j = 0; j < length; j++) {
        if (mask[i * length + j] === 0n) continue;
        tokens++;
        const at = (i * length + j) * dimensions;
        for (let d = 0; d < dimensions; d++) v[d] = v[d]! + hidden[at + d]!;
      }
      for (let d = 0; d < dimensions; d++) v[d] = v[d]! / Math.max(1, tokens);
    }
    out.push(normalize(v));
  }
  return out;
}

export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let d = 0; d < v.length; d++) sum += v[d]! * v[d]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let d = 0; d < v.length; d++) v[d] = v[d]! / norm;
  return v;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}
