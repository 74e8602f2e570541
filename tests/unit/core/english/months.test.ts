import { describe, expect, it } from 'vitest';
import { monthNumber } from '../../../../src/core/english/months';

describe('monthNumber', () => {
  it('reads month names and the abbreviations written before a day', () => {
    expect(['january', 'may', 'october', 'oct', 'sept', 'sep', 'dec'].map(monthNumber)).toEqual([
      1, 5, 10, 10, 9, 9, 12,
    ]);
  });

  it('knows no other word', () => {
    for (const word of ['octo', 'mayday', 'constructor', 'October']) expect(monthNumber(word), word).toBeUndefined();
  });
});
