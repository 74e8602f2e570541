import { describe, expect, it } from 'vitest';
import { foldPunctuation, foldText, originalRange } from '../../../../src/core/text/fold';

describe('foldText', () => {
  it('folds case, curly quotes, dashes, non-breaking spaces and diacritics', () => {
    expect(foldText('“We didn’t” — Café\u00A0Raqqa').text).toBe('"we didn\'t" - cafe raqqa');
  });

  it('maps every folded character back to its original offset', () => {
    const original = 'Ré\u00A0“Q”';
    const folded = foldText(original);
    expect(folded.text).toBe('re "q"');
    const at = folded.text.indexOf('q');
    expect(original.slice(folded.offsets[at]!, folded.offsets[at]! + 1)).toBe('Q');
    expect(originalRange(folded, original, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it('keeps characters outside the basic plane whole', () => {
    const original = 'a 😀 b';
    const folded = foldText(original);
    const range = originalRange(folded, original, 2, folded.text.indexOf(' b'));
    expect(original.slice(range.start, range.end)).toBe('😀');
  });
});

describe('foldPunctuation', () => {
  it('writes curly quotes and dash styles as ASCII, and leaves case, accents and spaces', () => {
    expect(foldPunctuation('“We didn’t” — Café\u00A0Raqqa ‘2–3’ kmʼs')).toBe(
      "\"We didn't\" - Café\u00A0Raqqa '2-3' km's",
    );
  });
});
