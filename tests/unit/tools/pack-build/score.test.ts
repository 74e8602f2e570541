// The measurement pack:build prints: curated facts found, proposed claims that are real, by where
// their quotes sit in the articles.
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  placeQuote,
  scorePack,
  spannedClaims,
  type SpannedClaim,
  markedFacts,
  scoreAgainstMarkers,
} from '../../../../src/tools/pack-build/score';

const span = (article: string, start: number, end: number) => ({ article, start, end });

describe('scorePack', () => {
  const curated: SpannedClaim[] = [
    { id: 'convoy-length', spans: [span('a', 10, 30), span('b', 100, 120), span('c', 5, 15)] },
    { id: 'buses', spans: [span('a', 40, 60), span('b', 130, 150)] },
    { id: 'one-outlet', spans: [span('a', 200, 220)] },
  ];

  it('finds a curated claim when one proposed claim overlaps its quotes in two outlets', () => {
    const proposed: SpannedClaim[] = [
      { id: 'p1', spans: [span('a', 0, 35), span('b', 110, 125)] }, // a whole sentence around the clause
      { id: 'p2', spans: [span('a', 40, 60), span('c', 40, 60)] }, // only one outlet's quote is the fact's
      { id: 'p3', spans: [span('a', 300, 320), span('b', 300, 320)] },
    ];
    const score = scorePack(proposed, curated);
    expect(score.findable).toEqual(['convoy-length', 'buses']);
    expect(score.singleOutlet).toEqual(['one-outlet']);
    expect(score.found).toEqual(['convoy-length']);
    expect(score.missed).toEqual(['buses']);
    expect(score.real).toEqual(['p1']);
    expect(score.unreal).toEqual(['p2', 'p3']);
    // p1's two reports, and p2's report from the one outlet whose quote is the buses claim's.
    expect(score.reportsThatBelong).toBe(3);
    expect(score.reports).toBe(6);
  });
});

describe('spannedClaims', () => {
  const texts = new Map([
    ['https://www.a.example/x', { url: 'https://www.a.example/x', text: 'One. The ferry left. Two. The ferry left.' }],
  ]);

  it('places quotes by their article address, at the occurrence the prefix pins', () => {
    const pack = {
      articles: [{ id: 'a-1', url: 'https://a.example/x/' }],
      claims: [{ id: 'c', reports: [{ article: 'a-1', quote: 'The ferry left.', prefix: 'Two. ', suffix: '' }] }],
    };
    expect(spannedClaims(pack, texts)).toEqual({
      claims: [{ id: 'c', spans: [span(addressKey('https://a.example/x'), 26, 41)] }],
      unplaced: [],
    });
  });

  it('reads a facts.json and lists quotes it cannot place', () => {
    const facts = {
      articles: [{ id: 'a-1', url: 'https://a.example/x' }],
      facts: [{ id: 'f', reports: [{ article: 'a-1', quote: 'Not in the text.' }] }],
    };
    expect(spannedClaims(facts, texts).unplaced).toEqual(['f: a-1: "Not in the text."']);
  });

  it('placeQuote: -1 when the quote is nowhere', () => {
    expect(placeQuote('abc', 'x', '', '')).toBe(-1);
  });
});

describe('scoreAgainstMarkers', () => {
  const facts = markedFacts({
    _doc: 'notes are left out',
    duration: { marker: String.raw`\b1[78][ -]days?\b`, required: true },
    ages: { marker: 'aged (from |between )?(about )?11', required: true },
    cheers: { marker: 'cheers', required: false },
  })!;

  it("holds a fact where one claim quotes it from two articles, and counts the reports on their claim's fact", () => {
    const claims = [
      {
        reports: [
          { article: 'a', quote: 'They had been stranded for 17 days.' },
          { article: 'b', quote: 'ending a grueling 18-day ordeal' },
          { article: 'c', quote: 'Cheers erupted outside.' },
        ],
      },
      {
        reports: [
          { article: 'a', quote: 'The boys, aged from 11 to 16, went in.' },
          { article: 'a', quote: 'Aged between about 11 and 17.' },
        ],
      },
    ];
    const score = scoreAgainstMarkers(claims, facts);
    expect(score.required).toEqual(['duration', 'ages']);
    expect(score.held).toEqual(['duration']);
    expect([score.onFact, score.reports]).toEqual([4, 5]);
  });

  it('reads only a file of markers', () => {
    expect(markedFacts({ story: {}, facts: [] })).toBeNull();
    expect(markedFacts([])).toBeNull();
  });
});
