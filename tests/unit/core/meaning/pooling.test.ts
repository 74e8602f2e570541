import { describe, expect, it } from 'vitest';
import { cosine, poolSentences } from '../../../../src/core/meaning/pooling';
import { SentenceTokenizer } from '../../../../src/core/meaning/token-batch';

// Two sentences of 3 and 1 tokens padded to 3, with 2-dimensional token vectors.
const batch = SentenceTokenizer.batch([[101, 7, 102], [101]]);
const hidden = Float32Array.from([
  3,
  0,
  /**/ 1,
  0,
  /**/ 2,
  0, // sentence 0: tokens [3,0] [1,0] [2,0]
  0,
  5,
  /**/ 9,
  9,
  /**/ 9,
  9, // sentence 1: token [0,5], then padding that must not count
]);

describe('pooling', () => {
  it('pads a batch to its longest sentence and masks the padding', () => {
    expect(batch.length).toBe(3);
    expect([...batch.mask]).toEqual([1n, 1n, 1n, 1n, 0n, 0n]);
  });

  it('mean pooling averages the real tokens only, then scales to unit length', () => {
    const [a, b] = poolSentences(hidden, batch, 2, 'mean');
    expect([...a!]).toEqual([1, 0]);
    expect([...b!]).toEqual([0, 1]); // the padding's [9,9] would have tilted it
  });

  it('CLS pooling takes the first token', () => {
    const [a] = poolSentences(hidden, batch, 2, 'cls');
    expect([...a!]).toEqual([1, 0]);
  });

  it('refuses a hidden state of the wrong size', () => {
    expect(() => poolSentences(hidden.subarray(2), batch, 2, 'mean')).toThrow(/expected 2×3×2/);
  });

  it('cosine of unit vectors', () => {
    expect(cosine(Float32Array.from([0.6, 0.8]), Float32Array.from([0.6, 0.8]))).toBeCloseTo(1);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 1]))).toBe(0);
  });
});
