import { describe, expect, it } from 'vitest';
import { stepIndex } from '../../../../src/extension/page/keyboard-navigation';

describe('stepIndex', () => {
  it('starts at the first passage going forward and at the last going back', () => {
    expect(stepIndex(null, 4, 'next')).toBe(0);
    expect(stepIndex(null, 4, 'previous')).toBe(3);
  });

  it('moves one passage and wraps around at either end', () => {
    expect(stepIndex(1, 4, 'next')).toBe(2);
    expect(stepIndex(3, 4, 'next')).toBe(0);
    expect(stepIndex(0, 4, 'previous')).toBe(3);
  });

  it('has nowhere to go without passages, and restarts when the remembered one is gone', () => {
    expect(stepIndex(null, 0, 'next')).toBeNull();
    expect(stepIndex(7, 3, 'next')).toBe(0);
  });
});
