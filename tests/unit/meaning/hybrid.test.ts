import { describe, expect, it } from 'vitest';
import { clauseWindows, FEATURE_NAMES, features, hybridScore, sentenceMeaning, type MeaningWeights } from '../../../src/core/meaning/hybrid';
import { normalize } from '../../../src/core/meaning/pooling';
import { fitWeights, type Example } from '../../../scripts/meaning/calibrate';

const unit = (...xs: number[]): Float32Array => normalize(Float32Array.from(xs));

describe('sentence meaning evidence', () => {
  // Two claims of a story: A points along x, B along y; z is what the story's sentences share.
  const claimA = [unit(1, 0, 1)];
  const claimB = [unit(0, 1, 1), unit(0, 0.9, 1)];

  it('credits a claim stated in one clause of a sentence that states two facts', () => {
    const whole = unit(1, 1, 1);
    const [a, b] = sentenceMeaning([whole, unit(1, 0, 0.5), unit(0, 1, 0.5)], [claimA, claimB]);
    // The whole sentence sits between the claims; each clause window sits near one of them.
    expect(a!.window).toBeGreaterThan(a!.similarity);
    expect(b!.window).toBeGreaterThan(b!.similarity);
    expect(a!.margin).toBeGreaterThan(0);
    expect(b!.margin).toBeGreaterThan(0);
  });

  it('gives a claim a negative margin when another claim is closer in every window', () => {
    const [a, b] = sentenceMeaning([unit(0.1, 1, 1)], [claimA, claimB]);
    expect(b!.margin).toBeGreaterThan(0);
    expect(a!.margin).toBeCloseTo(-b!.margin, 6);
    expect(a!.spread).toBeLessThan(0);
    expect(b!.spread).toBeGreaterThan(0);
  });

  it('takes the closest of a claim’s texts (its summary or any outlet’s quote)', () => {
    const [, b] = sentenceMeaning([unit(0, 0.9, 1)], [claimA, claimB]);
    expect(b!.similarity).toBeCloseTo(1, 5);
  });
});

describe('hybrid score', () => {
  const weights: MeaningWeights = { lexical: 6, lexicalPresent: 0.5, similarity: 1, spread: 2, distinct: 1, distinctMargin: 8, bias: -5 };
  const meaning = { similarity: 0.5, window: 0.55, margin: 0.02, spread: 0.05, distinct: 0.4, distinctMargin: 0.02 };

  it('rises with lexical evidence and with the lead in the story’s discriminant space, and stays in 0..1', () => {
    const base = hybridScore(0, meaning, weights);
    expect(hybridScore(0.4, meaning, weights)).toBeGreaterThan(base);
    expect(hybridScore(0, { ...meaning, distinctMargin: 0.2 }, weights)).toBeGreaterThan(base);
    expect(hybridScore(0, { ...meaning, distinctMargin: -0.2 }, weights)).toBeLessThan(base);
    for (const lexical of [0, 1]) {
      const s = hybridScore(lexical, { similarity: 1, window: 1, margin: 1, spread: 1, distinct: 1, distinctMargin: 1 }, weights);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('reads features in the order the weights are named', () => {
    expect(features(0.3, meaning)).toEqual([0.3, 1, 0.5, 0.05, 0.4, 0.02]);
    expect(FEATURE_NAMES).toHaveLength(features(0, meaning).length);
  });
});

describe('clause windows', () => {
  it('splits a two-fact sentence at its clause boundary and keeps the whole sentence first', () => {
    const s = 'Some four thousand people, gunmen and their families, rode out of the besieged city in hired lorries while the world was told the battle was simply being won';
    const windows = clauseWindows(s);
    expect(windows[0]).toBe(s);
    expect(windows).toContain('while the world was told the battle was simply being won');
    expect(windows.some((w) => w.startsWith('Some four thousand people,') && !w.includes('while'))).toBe(true);
  });

  it('leaves a sentence without clause breaks whole, and never cuts a piece under four words', () => {
    expect(clauseWindows('The column rolled out on 12 October.')).toEqual(['The column rolled out on 12 October.']);
    const windows = clauseWindows('In Raqqa, the deal was struck by local officials and tribal elders after weeks of talks.');
    for (const w of windows.slice(1)) expect(w.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  });
});

describe('calibration', () => {
  it('fits weights that rank stated pairs above the rest when one feature tells them apart', () => {
    // Deterministic pseudo-random pairs: stated when the discriminant's margin leads, whatever the similarity.
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const examples: Example[] = Array.from({ length: 400 }, () => {
      const margin = random() * 0.4 - 0.2;
      const similarity = 0.3 + random() * 0.4;
      const stated = margin + (random() - 0.5) * 0.05 > 0.08;
      return { x: features(0, { similarity, window: similarity, margin: 0, spread: 0, distinct: similarity, distinctMargin: margin }), stated };
    });
    const w = fitWeights(examples);
    expect(w.distinctMargin).toBeGreaterThan(10);
    expect(Math.abs(w.similarity + w.distinct)).toBeLessThan(w.distinctMargin / 3);
    const score = (e: Example): number => hybridScore(e.x[0]!, { similarity: e.x[2]!, window: 0, margin: 0, spread: e.x[3]!, distinct: e.x[4]!, distinctMargin: e.x[5]! }, w);
    const stated = examples.filter((e) => e.stated).map(score);
    const other = examples.filter((e) => !e.stated).map(score);
    expect(Math.min(...stated)).toBeGreaterThan(0.1);
    expect(other.filter((s) => s > 0.5).length).toBeLessThan(other.length * 0.05);
  });
});
