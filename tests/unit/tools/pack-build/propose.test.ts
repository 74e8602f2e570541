// The summary a draft claim starts from: one outlet's sentence without its figures, which must read
// as a sentence (not a clause cut from one) and never carry a quotation mark without its partner.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../../../src/tools/pack-build/article-source';
import { findValues } from '../../../../src/tools/pack-build/find-values';
import { comparableKeys, proposePack, summaryDraft, unmatchedQuoteMarks } from '../../../../src/tools/pack-build/propose';
import type { Sentence } from '../../../../src/tools/pack-build/sentences';

function sentences(...texts: (string | [string, number])[]): Sentence[] {
  return texts.map((t, index) => {
    const [text, partOf] = typeof t === 'string' ? [t, undefined] : t;
    return { article: index, index, start: 0, end: text.length, text, ...(partOf === undefined ? {} : { partOf }) };
  });
}

function draft(members: Sentence[]) {
  return summaryDraft(members, new Map(members.map((s) => [s.index, []])), members.map(() => null));
}

describe('summaryDraft', () => {
  it('makes a clause of reported speech start as a sentence, and lists it for checking', () => {
    const result = draft(sentences(['that no sailings to Hensey would run until Thursday at the earliest.', 9], ['the ferry company said that there would be no sailings to Hensey for a week, and probably longer than that.', 8]));
    expect(result.summary).toBe('Draft: No sailings to Hensey would run until Thursday at the earliest.');
    expect(result.check).toMatch(/clause/);
  });

  it('starts a clause with a capital and lists it, even where it still does not read as a sentence', () => {
    const result = draft(sentences(['is also the capital of the caliphate.', 5], 'Raqqa, which fell this week, is also the capital of the self-proclaimed caliphate.'));
    expect(result).toMatchObject({ summary: 'Draft: Is also the capital of the caliphate.', sentence: 0, check: expect.stringMatching(/clause/) });
  });

  it('leaves out a wire dateline, which is the filing\'s and not the fact\'s', () => {
    expect(draft(sentences('PORT CARROW, March 15 (Northline) - Fire broke out aboard a passenger ferry on Friday evening.')).summary).toBe('Draft: Fire broke out aboard a passenger ferry on Friday evening.');
  });

  it('keeps the marks of reported speech, and drops the outer marks of a sentence that is all quotation', () => {
    expect(draft(sentences('“I have no doubt at all that the crew saved lives last night,” she said.')).summary).toBe('Draft: “I have no doubt at all that the crew saved lives last night,” she said.');
    expect(draft(sentences('"We were told to stay calm."')).summary).toBe('Draft: We were told to stay calm.');
  });

  it('never leaves a quotation mark without its partner', () => {
    const clause = draft(sentences(['some have vowed to return to France for a "day of reckoning."', 0]));
    expect(clause.summary).toBe('Draft: Some have vowed to return to France for a "day of reckoning."');
    const cut = draft(sentences(['I have no doubt at all that the crew saved lives last night,” she said.', 0]));
    expect(cut.summary).toBe('Draft: I have no doubt at all that the crew saved lives last night, she said.');
    expect(cut.check).toMatch(/quotation mark/);
  });
});

describe('unmatchedQuoteMarks', () => {
  it('finds a closing mark never opened, an opening mark never closed and an odd straight mark', () => {
    expect(unmatchedQuoteMarks('saved lives,” she said.')).toEqual([12]);
    expect(unmatchedQuoteMarks('“I have no doubt')).toEqual([0]);
    expect(unmatchedQuoteMarks('a "day of reckoning.')).toEqual([2]);
    expect(unmatchedQuoteMarks('“Calm,” she said, “and quick.”')).toEqual([]);
  });
});

describe('comparableKeys', () => {
  it('does not compare how long something lasted with how long ago something happened', () => {
    const command = findValues('Captain Marit Olsund, who has commanded the Northern Lark for nine years, called the passengers to their muster stations.');
    const cut = findValues('The union said the Northern Lark sailed with just 31 crew, down from 38 two years ago.');
    expect(command.map((v) => v.text)).toContain('nine years');
    expect(cut.map((v) => v.text)).toContain('two years');
    expect([...comparableKeys([command, cut])].filter((k) => k.startsWith('duration'))).toEqual([]);
  });

  it('still compares two lengths of time, and two times ago', () => {
    const burned = findValues('The fire burned for five hours.');
    const controlled = findValues('Firefighters took almost five hours to bring the blaze under control.');
    expect([...comparableKeys([burned, controlled])]).toContain('duration/');
    const built = findValues('The union says crew were cut three years ago.');
    const reduced = findValues('Crew numbers were reduced two years ago.');
    expect([...comparableKeys([built, reduced])].filter((k) => k.startsWith('duration'))).toHaveLength(1);
  });
});

describe('proposePack: reports to check', () => {
  const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025/articles';
  const articles = ['ferry-ropax-review.txt', 'northline-news-agency.txt', 'carrow-examiner.txt'].map((f) => readArticleSource(join(STORY, f)));
  const quotes = [
    "The Seafarers and Ferry Workers' Union (SFWU) says the Northern Lark's complement was reduced from 38 to 31 in 2023.",
    "The Seafarers and Ferry Workers' Union (SFWU) said crew numbers on the Northern Lark had been cut from 38 to 31 since 2023.",
    'more than 200 passengers were taken off the Northern Lark ferry when fire broke out on board.',
  ];
  const sentences: Sentence[] = quotes.map((text, index) => {
    const start = articles[index]!.text.indexOf(text);
    return { article: index, index, start, end: start + text.length, text };
  });

  it('lists a report that states none of the figures its claim compares, but others, as maybe another fact', () => {
    const proposal = proposePack({
      articles,
      sentences,
      facts: [{ seed: [0, 1], members: [0, 1, 2], cohesion: new Map([[0, 0.5], [1, 0.5], [2, 0.4]]) }],
      story: { id: 'ferry', title: 'Ferry', date: '2025-03-14' },
    });
    expect(proposal.toCheck).toEqual([{ sentence: 2, claim: proposal.pack.claims[0]!.id, why: expect.stringMatching(/other figures \(count of passenger\) than the claim compares \(.*date.*\): may report another fact/) }]);
  });
});
