// The summary a draft claim starts from: one outlet's sentence without its figures, which must read
// as a sentence (not a clause cut from one) and never carry a quotation mark without its partner.
import { describe, expect, it } from 'vitest';
import { summaryDraft, unmatchedQuoteMarks } from '../../../src/pack-build/propose';
import type { Sentence } from '../../../src/pack-build/sentences';

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

  it('prefers a whole sentence to a shorter clause', () => {
    const result = draft(sentences(['is also the capital of the caliphate.', 5], 'Raqqa is also the capital of the self-proclaimed caliphate.'));
    expect(result).toMatchObject({ summary: 'Draft: Raqqa is also the capital of the self-proclaimed caliphate.', sentence: 1, check: null });
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
