import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../../src/node/data';
import { extractTerms } from '../../../../src/core/terms/extract-terms';
import { compileLexicon, GENERIC_LEXICON } from '../../../../src/core/terms/lexicon';
import { stem } from '../../../../src/core/terms/stem';

// The Raqqa story's own names and words come from its pack, joined with the generic lexicon.
const RAQQA = compileLexicon([readPackFile('assets/packs/raqqa-convoy-2017.json').lexicon]);
const terms = (text: string, lexicon = RAQQA): string[] => extractTerms(text, lexicon).map((t) => t.term);

describe('extractTerms', () => {
  it('writes numbers one way whatever form the outlet used', () => {
    expect(terms('4,000 people')).toEqual(terms('4000 people'));
    expect(terms('ten trucks')).toEqual(['10', 'truck']);
    expect(terms('a dozen buses')).toEqual(['12', 'bus']);
    expect(terms('6km to 7km long')).toEqual(['6', 'km', '7', 'km', 'long']);
  });

  it('reads "four thousand" as the number 4,000, spanning both words', () => {
    expect(terms('some four thousand people')).toEqual(terms('some 4,000 people'));
    expect(terms('two hundred trucks')).toEqual(['200', 'truck']);
    expect(terms('3 million')).toEqual(['3000000']);
    expect(terms('a thousand')).toEqual(['1000']);
    const text = 'Some four thousand people';
    const [n] = extractTerms(text, RAQQA);
    expect(text.slice(n!.start, n!.end)).toBe('four thousand');
    // Two numbers apart are not one: "four, thousand" stays two.
    expect(terms('four, thousand')).toEqual(['4', '1000']);
  });

  it('maps the pack\'s names of the group to one term, but not the verb "is"', () => {
    for (const name of ['ISIS', 'ISIL', 'Daesh', 'Islamic State', 'IS'])
      expect(terms(`${name} fighters`)).toEqual(['isis', 'fighter']);
    expect(terms('The convoy is long')).toEqual(['convoy', 'long']);
  });

  it('knows no story by itself: without the pack, its names are words like any other', () => {
    expect(terms('Daesh fighters', GENERIC_LEXICON)).toEqual(['daesh', 'fighter']);
    expect(terms('Islamic State', GENERIC_LEXICON)).toEqual(['islamic', 'stat']);
    expect(terms('IS fighters', GENERIC_LEXICON)).toEqual(['fighter']);
    expect(new Set(terms('suicide belts', GENERIC_LEXICON))).not.toEqual(
      new Set(terms('explosive vests', GENERIC_LEXICON)),
    );
  });

  it('reads names of several words, stop words inside them included, and any variant in capitals that is a common word only as written', () => {
    const ferry = compileLexicon([
      {
        names: [
          ['Maritime Accident Investigation Office', 'MAIO'],
          ['Port of Carrow', 'Carrow Port'],
          ['WHO', 'World Health Organization'],
        ],
        terms: [],
      },
    ]);
    expect(terms('The Maritime Accident Investigation Office said', ferry)).toEqual(terms('The MAIO said', ferry));
    expect(terms('the Port of Carrow', ferry)).toEqual(['port-of-carrow']);
    expect(terms('Carrow Port', ferry)).toEqual(['port-of-carrow']);
    expect(terms('the WHO said', ferry)).toEqual(['who']);
    expect(terms('who said', ferry)).toEqual([]);
    const text = 'at the Port of Carrow today';
    const [name] = extractTerms(text, ferry);
    expect(text.slice(name!.start, name!.end)).toBe('Port of Carrow');
    expect(name!.proper).toBe(true);
  });

  it('reads names that share their first words: the longer one where the text goes on (whichever group comes first), the earlier begun where two overlap', () => {
    const names = compileLexicon([
      {
        names: [
          ['Islamic State', 'IS group'],
          ['Islamic State Province of Raqqa', 'ISPR'],
          ['State Province', 'SP'],
        ],
        terms: [],
      },
    ]);
    expect(terms('the Islamic State said', names)).toEqual(['islamic-state']);
    expect(terms('the Islamic State Province of Raqqa said', names)).toEqual(['islamic-state-province-of-raqqa']);
    // "State Province" begins inside "Islamic State": the name begun first keeps its words.
    expect(terms('Islamic State Province police', names)).toEqual(['islamic-state', 'provinc', 'polic']);
    expect(terms('a State Province', names)).toEqual(['state-province']);
  });

  it('reads a text of one word repeated, met by a name of that word repeated, as any other text', () => {
    const names = compileLexicon([
      {
        names: [
          ['ww ww ww ww ww ww ww ww ww xq', 'XQ'],
          ...Array.from({ length: 50 }, (_, i) => [
            `ww ww ww ww ww ww ww ww ww x${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`,
            `Q${i}`,
          ]),
        ],
        terms: [],
      },
    ]);
    const text = Array.from({ length: 2000 }, () => 'ww').join(' ');
    expect(terms(`${text} xq`, names)).toEqual([...Array<string>(1991).fill('ww'), 'ww-ww-ww-ww-ww-ww-ww-ww-ww-xq']);
  });

  it("joins two packs' groups that share a word instead of splitting the word", () => {
    const two = compileLexicon([
      { names: [], terms: [['master', 'captain']] },
      { names: [], terms: [['skipper', 'captain']] },
    ]);
    expect(terms('skipper', two)).toEqual(terms('master', two));
  });

  it('treats lorries and trucks, kilometres and kilometers alike', () => {
    expect(terms('lorries')).toEqual(terms('trucks'));
    expect(terms('six kilometres')).toEqual(terms('six kilometers'));
    expect(terms('six kilometres')).toEqual(terms('6 km'));
  });

  it('tells the United States from the pronoun "us"', () => {
    expect(terms('the U.S. and US forces')).toEqual(['usa', 'usa', 'forc']);
    expect(terms('told us')).toEqual([]);
  });

  it('stems word forms together', () => {
    expect(stem('fighting')).toBe(stem('fight'));
    expect(stem('trapped')).toBe(stem('traps'));
    expect(stem('arranged')).toBe(stem('arrange'));
  });

  it('maps general near-synonyms of news prose to one concept term, in any word form', () => {
    expect(terms('fighters fled')).toEqual(terms('fighters escaped'));
    expect(terms('the exodus')).toEqual(terms('the evacuation'));
    expect(terms('leaving')).toEqual(terms('left'));
    expect(terms('a secretly brokered truce')).toEqual(terms('a hidden, negotiated pact'));
    expect(terms('to spare lives')).toEqual(terms('to minimise casualties'));
    expect(terms('Raqqa was liberated')).toEqual(terms('Raqqa was captured'));
    expect(terms('Raqqa fell')).toEqual(terms('Raqqa was recaptured'));
    expect(terms('the coalition monitored it')).toEqual(terms('the coalition watched it'));
    expect(terms('suicide belts')).toEqual(terms('explosive vests'));
    expect(new Set(terms('booby-trapped'))).toEqual(new Set(terms('rigged')));
    expect(terms('smugglers')).toEqual(terms('traffickers'));
    expect(terms('devastated')).toEqual(terms('in ruins'));
  });

  it('keeps words outside the lexicon, and its concepts apart from each other', () => {
    expect(RAQQA.conceptOf(stem('convoy'))).toBe('convoy');
    expect(new Set(terms('escaped secret captured monitored smugglers ruins')).size).toBe(6);
    // "report"/"reporting" is not "reporter" (the press): it stays a word of its own.
    expect(terms('reporting')).toEqual(['report']);
  });

  it('gives each term its range in the original text', () => {
    const text = 'Almost 4,000 Islamic\u00A0State militants left';
    const found = extractTerms(text, RAQQA).map((t) => text.slice(t.start, t.end));
    expect(found).toEqual(['Almost', '4,000', 'Islamic\u00A0State', 'militants', 'left']);
  });

  it('marks capitalised words inside a sentence as names', () => {
    const found = extractTerms('Fighters left Raqqa with the SDF.', RAQQA);
    expect(found.filter((t) => t.proper).map((t) => t.term)).toEqual(['raqqa', 'sdf']);
  });
});
