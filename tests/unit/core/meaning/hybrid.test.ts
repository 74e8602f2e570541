import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, features, hybridScore, type MeaningWeights } from '../../../../src/core/meaning/hybrid';

describe('hybrid score', () => {
  const weights: MeaningWeights = {
    lexical: 6,
    lexicalPresent: 0.5,
    similarity: 1,
    spread: 2,
    distinct: 1,
    distinctMargin: 8,
    bias: -5,
  };
  const meaning = { similarity: 0.5, window: 0.55, margin: 0.02, spread: 0.05, distinct: 0.4, distinctMargin: 0.02 };

  it('rises with lexical evidence and with the lead in the story’s discriminant space, and stays in 0..1', () => {
    const base = hybridScore(0, meaning, weights);
    expect(hybridScore(0.4, meaning, weights)).toBeGreaterThan(base);
    expect(hybridScore(0, { ...meaning, distinctMargin: 0.2 }, weights)).toBeGreaterThan(base);
    expect(hybridScore(0, { ...meaning, distinctMargin: -0.2 }, weights)).toBeLessThan(base);
    for (const lexical of [0, 1]) {
      const s = hybridScore(
        lexical,
        { similarity: 1, window: 1, margin: 1, spread: 1, distinct: 1, distinctMargin: 1 },
        weights,
      );
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('reads features in the order the weights are named', () => {
    expect(features(0.3, meaning)).toEqual([0.3, 1, 0.5, 0.05, 0.4, 0.02]);
    expect(FEATURE_NAMES).toHaveLength(features(0, meaning).length);
  });
});
