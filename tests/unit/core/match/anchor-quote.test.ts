import { describe, expect, it } from 'vitest';
import { QuoteAnchorer } from '../../../../src/core/match/anchor-quote';

describe('QuoteAnchorer', () => {
  it('finds a quote despite different quote marks, case of spaces and line breaks', () => {
    const page = 'He said: “We didn’t want\n  anyone to leave,” said Col. Dillon.';
    const range = new QuoteAnchorer(page).anchor({
      quote: '"We didn\'t want anyone to leave,"',
      prefix: 'He said: ',
      suffix: ' said',
    });
    expect(range).not.toBeNull();
    expect(page.slice(range!.start, range!.end)).toBe('“We didn’t want\n  anyone to leave,”');
  });

  it('uses prefix and suffix to pick the right occurrence of a repeated quote', () => {
    const page = 'First, ten trucks left. Later, ten trucks left again.';
    const range = new QuoteAnchorer(page).anchor({ quote: 'ten trucks left', prefix: 'Later, ', suffix: ' again' });
    expect(range).toEqual({
      start: page.lastIndexOf('ten trucks left'),
      end: page.lastIndexOf('ten trucks left') + 'ten trucks left'.length,
    });
  });

  it('returns null when the page does not contain the quote', () => {
    expect(new QuoteAnchorer('Nothing here.').anchor({ quote: 'ten trucks', prefix: '', suffix: '' })).toBeNull();
  });
});
