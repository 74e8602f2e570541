// A pack's preparation is charged claim by claim to its pack, and stopped once over its budget.
import { describe, expect, it } from 'vitest';
import { PackBudget, PackTooSlow } from '../../../../src/core/database/pack-budget';

describe('PackBudget', () => {
  it('charges each piece of work to the story it was for, and stops the one over its budget', () => {
    let clock = 0;
    const budget = new PackBudget(10, () => clock);
    budget.charge('quick');
    clock += 4;
    budget.charge('slow');
    clock += 8;
    budget.charge('quick'); // slow has spent 8
    clock += 4;
    budget.charge('slow'); // quick has spent 8
    clock += 3;
    let stopped: unknown;
    try {
      budget.charge('quick');
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(PackTooSlow);
    expect((stopped as PackTooSlow).pack).toBe('slow');
    expect((stopped as PackTooSlow).elapsedMs).toBe(11);
  });

  it('never stops an exempt story, and charges nothing between phases', () => {
    let clock = 0;
    const budget = new PackBudget(
      5,
      () => clock,
      (pack) => pack === 'bundled',
    );
    budget.charge('bundled');
    clock += 100;
    budget.charge('added');
    clock += 3;
    budget.settle();
    clock += 100; // between phases: nobody's work
    budget.charge('added');
    clock += 1;
    expect(() => budget.settle()).not.toThrow();
    budget.charge('added');
    clock += 2; // 6 ms in all: over
    expect(() => budget.settle()).toThrow(PackTooSlow);
  });
});
