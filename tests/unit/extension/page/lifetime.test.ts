// The content script's lifetime ends when the extension is gone, and for nothing else.
import { describe, expect, it, vi } from 'vitest';
import { createLifetime } from '../../../../src/extension/page/lifetime';

describe('createLifetime', () => {
  it('lives while the extension is there, and ends once when its id goes', () => {
    let runtime: { id?: string } | undefined = { id: 'abc' };
    const lifetime = createLifetime(() => runtime);
    const cleanup = vi.fn();
    lifetime.onEnd(cleanup);
    const handler = vi.fn();
    const guarded = lifetime.guard(handler);
    guarded(1);
    expect(handler).toHaveBeenCalledWith(1);
    expect(lifetime.signal.aborted).toBe(false);

    runtime = {}; // the extension was reloaded or removed: the orphaned script loses its id
    guarded(2);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(lifetime.signal.aborted).toBe(true);
    runtime = { id: 'abc' };
    expect(lifetime.alive()).toBe(false);
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('treats a throwing runtime (Firefox, after the extension is gone) as gone', () => {
    const lifetime = createLifetime(() => {
      throw new Error('dead object');
    });
    expect(lifetime.alive()).toBe(false);
  });

  it('runs a cleanup registered after the end at once', () => {
    const lifetime = createLifetime(() => undefined);
    lifetime.alive();
    const cleanup = vi.fn();
    lifetime.onEnd(cleanup);
    expect(cleanup).toHaveBeenCalledTimes(1);
  });
});

describe('ending', () => {
  it('runs every cleanup even when one throws (an orphaned script’s APIs throw)', () => {
    let runtime: { id?: string } = { id: 'abc' };
    const lifetime = createLifetime(() => runtime);
    const first = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    const second = vi.fn();
    lifetime.onEnd(first);
    lifetime.onEnd(second);
    runtime = {};
    expect(() => lifetime.alive()).not.toThrow();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
