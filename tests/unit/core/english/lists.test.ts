// How a list of outlets and a quotation read in the tooltip, popup and command-line tools.
import { describe, expect, it } from 'vitest';
import { listOf, plural, quoted, quotedExcerpt } from '../../../../src/core/english/lists';

describe('listOf', () => {
  it('joins names as English prose does', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['News Nation'])).toBe('News Nation');
    expect(listOf(['News Nation', '5Pillars'])).toBe('News Nation and 5Pillars');
    expect(listOf(['News Nation', '5Pillars', 'Al Bawaba'])).toBe('News Nation, 5Pillars and Al Bawaba');
  });
});

describe('quoted', () => {
  it('puts a quotation in double quotes', () => {
    expect(quoted('The convoy was six to seven kilometres long.')).toBe(
      '“The convoy was six to seven kilometres long.”',
    );
  });

  it('adds none where the quotation already opens with its own mark', () => {
    expect(quoted('"There was a huge number of people," he said.')).toBe(
      '"There was a huge number of people," he said.',
    );
    expect(quoted('“We took out around 4,000 people”')).toBe('“We took out around 4,000 people”');
  });

  it('quotes a passage that only ends with a mark: its opening mark is outside it', () => {
    expect(quoted('the aim was to spare lives, ‘by, with and through’')).toBe(
      '“the aim was to spare lives, ‘by, with and through’”',
    );
    expect(quoted('Even their children and women had suicide belts on."')).toBe(
      '“Even their children and women had suicide belts on."”',
    );
  });
});

describe('quotedExcerpt', () => {
  it('quotes a passage on one line by the same rule, cut at a word with an ellipsis', () => {
    expect(quotedExcerpt('some  4,000\npeople left', 90)).toBe('“some 4,000 people left”');
    expect(quotedExcerpt('The convoy carrying the group was 6km to 7km long, according to another driver', 40)).toBe(
      '“The convoy carrying the group was 6km…”',
    );
  });

  it("never doubles a passage's own opening mark, however it is cut", () => {
    const passage =
      "“Our intention was to spare lives,” Colonel Ryan Dillon, the coalition's spokesman, told the BBC in an interview.";
    expect(quotedExcerpt(passage, 200)).toBe(passage);
    expect(quotedExcerpt(passage, 40)).toBe('“Our intention was to spare lives,”…');
    expect(quotedExcerpt(passage, 40)).not.toMatch(/^““/);
  });

  it('quotes a passage that only ends with a mark, cut or whole', () => {
    expect(quotedExcerpt('Even their children had suicide belts on."', 80)).toBe(
      '“Even their children had suicide belts on."”',
    );
    expect(quotedExcerpt('He called it a “day of reckoning.”', 20)).toBe('“He called it a “day…”');
  });
});

describe('plural', () => {
  it("writes a noun's plural as English does, and leaves a plural as it is", () => {
    expect(
      ['boy', 'family', 'bus', 'coach', 'person', 'child', 'fighters', 'people', 'crew', 'Boy'].map(plural),
    ).toEqual(['boys', 'families', 'buses', 'coaches', 'people', 'children', 'fighters', 'people', 'crew', 'Boys']);
  });
});
