// A quote's prefix and suffix pin it to its place in the article, as claims:check requires.
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, quoteContext } from '../../../../src/tools/pack-build/quote-context';

describe('quoteContext', () => {
  const text = 'The ferry left at 6.30pm. Fire broke out an hour later. The ferry left at 6.30pm again the next day.';

  it('takes up to 32 characters on each side, so a repeated quote is pinned to one occurrence', () => {
    const start = text.lastIndexOf('The ferry left at 6.30pm');
    const end = start + 'The ferry left at 6.30pm'.length;
    const { prefix, suffix } = quoteContext(text, start, end);
    expect(prefix).toBe(text.slice(start - CONTEXT_LENGTH, start));
    expect(prefix).toHaveLength(32);
    expect(suffix).toBe(' again the next day.');
    expect(text.indexOf(prefix + text.slice(start, end) + suffix)).toBe(start - 32);
  });

  it('is shorter at the start and end of the text', () => {
    expect(quoteContext(text, 0, 9)).toEqual({ prefix: '', suffix: text.slice(9, 41) });
  });

  it('never cuts an emoji in half', () => {
    const withEmoji = `${'x'.repeat(10)}❤️😀${'y'.repeat(31)}QUOTE`;
    const start = withEmoji.indexOf('QUOTE');
    const { prefix } = quoteContext(withEmoji, start, start + 5);
    expect(prefix.length).toBeLessThanOrEqual(32);
    expect(/^[\uDC00-\uDFFF]/.test(prefix)).toBe(false);
  });
});
