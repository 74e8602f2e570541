import { describe, expect, it } from 'vitest';
import { numberWordValue } from '../../../../src/core/english/numbers';

describe('numberWordValue', () => {
  it('gives the value of one number word', () => {
    expect(
      ['zero', 'seven', 'nineteen', 'forty', 'hundred', 'thousand', 'million', 'dozen'].map(numberWordValue),
    ).toEqual([0, 7, 19, 40, 100, 1000, 1_000_000, 12]);
  });

  it('knows no other word, not even names an object literal would inherit', () => {
    for (const word of ['constructor', 'tostring', 'valueof', 'dozens', 'forty-two', 'Ten'])
      expect(numberWordValue(word), word).toBeUndefined();
  });
});
