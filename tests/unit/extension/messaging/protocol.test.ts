// The one sender check every message handler goes through.
import { describe, expect, it } from 'vitest';
import { isFromThisExtension } from '../../../../src/extension/messaging/protocol';

describe('isFromThisExtension', () => {
  it('accepts only the extension’s own id', () => {
    expect(isFromThisExtension({ id: 'parallax-id' }, 'parallax-id')).toBe(true);
    expect(isFromThisExtension({ id: 'other-extension' }, 'parallax-id')).toBe(false);
    expect(isFromThisExtension({}, 'parallax-id')).toBe(false);
  });

  it('refuses everything once the extension is gone (an orphaned script has no id)', () => {
    expect(isFromThisExtension({ id: undefined }, undefined)).toBe(false);
    expect(isFromThisExtension({ id: 'parallax-id' }, undefined)).toBe(false);
  });
});
