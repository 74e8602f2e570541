import { describe, expect, it } from 'vitest';
import { features, hybridScore } from '../../../../src/core/meaning/hybrid';
import { fitWeights, type Example } from '../../../../src/tools/eval/calibrate';

describe('calibration', () => {
  it('fits weights that rank stated pairs above the rest when one feature tells them apart', () => {
    // Deterministic pseudo-random pairs: stated when the discriminant's margin leads, whatever the similarity.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const examples: Example[] = Array.from({ length: 400 }, () => {
      const margin = random() * 0.4 - 0.2;
      const similarity = 0.3 + random() * 0.4;
      const stated = margin + (random() - 0.5) * 0.05 > 0.08;
      return {
        x: features(0, {
          similarity,
          window: similarity,
          margin: 0,
          spread: 0,
          distinct: similarity,
          distinctMargin: margin,
        }),
        stated,
      };
    });
    const w = fitWeights(examples);
    expect(w.distinctMargin).toBeGreaterThan(10);
    expect(Math.abs(w.similarity + w.distinct)).toBeLessThan(w.distinctMargin / 3);
    const score = (e: Example): number =>
      hybridScore(
        e.x[0]!,
        { similarity: e.x[2]!, window: 0, margin: 0, spread: e.x[3]!, distinct: e.x[4]!, distinctMargin: e.x[5]! },
        w,
      );
    const stated = examples.filter((e) => e.stated).map(score);
    const other = examples.filter((e) => !e.stated).map(score);
    expect(Math.min(...stated)).toBeGreaterThan(0.1);
    expect(other.filter((s) => s > 0.5).length).toBeLessThan(other.length * 0.05);
  });
});
