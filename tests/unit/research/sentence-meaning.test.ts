import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/meaning/pooling';
import { clauseWindows, sentenceMeaning } from '../../../src/research/sentence-meaning';

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

describe('clause windows', () => {
  it('splits a two-fact sentence at its clause boundary and keeps the whole sentence first', () => {
    const s =
      'Some four thousand people, gunmen and their families, rode out of the besieged city in hired lorries while the world was told the battle was simply being won';
    const windows = clauseWindows(s);
    expect(windows[0]).toBe(s);
    expect(windows).toContain('while the world was told the battle was simply being won');
    expect(windows.some((w) => w.startsWith('Some four thousand people,') && !w.includes('while'))).toBe(true);
  });

  it('leaves a sentence without clause breaks whole, and never cuts a piece under four words', () => {
    expect(clauseWindows('The column rolled out on 12 October.')).toEqual(['The column rolled out on 12 October.']);
    const windows = clauseWindows(
      'In Raqqa, the deal was struck by local officials and tribal elders after weeks of talks.',
    );
    for (const w of windows.slice(1)) expect(w.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  });
});
