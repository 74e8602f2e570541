import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../../src/core/terms/extract-terms';
import { GENERIC_LEXICON } from '../../../../src/core/terms/lexicon';
import { withQuantityTerms } from '../../../../src/core/terms/match-terms';

const terms = (text: string): string[] => extractTerms(text, GENERIC_LEXICON).map((t) => t.term);

describe('withQuantityTerms', () => {
  it('adds what a number counts and the month a day dates', () => {
    expect(withQuantityTerms(terms('almost 50 trucks'))).toContain('#truck');
    expect(withQuantityTerms(terms('on October 12'))).toContain('#octob');
    expect(withQuantityTerms(terms('a four-month battle'))).toContain('#month');
  });
});
