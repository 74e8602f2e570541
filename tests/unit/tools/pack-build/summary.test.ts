// A claim's summary and id for readers who never see a review: the most central outlet's words
// made neutral (no credit, no dateline, none of the disputed figures, titles or quoted words, no
// "Draft:" and no brackets), and an id a person reads the fact in.
import { describe, expect, it } from 'vitest';
import {
  claimIdFromSummary,
  neutralSummary,
  unmatchedQuoteMarks,
  type SummaryCandidate,
} from '../../../../src/tools/pack-build/summary';

const candidate = (text: string, more: Partial<SummaryCandidate> = {}): SummaryCandidate => ({
  text,
  fromSentenceStart: text,
  cohesion: 0.5,
  credit: null,
  disputed: [],
  ...more,
});

describe('neutralSummary', () => {
  it('leaves out the figures the outlets dispute, with the words that led to them', () => {
    expect(
      neutralSummary([
        candidate('They had been stranded in the cave for 17 days.', {
          disputed: [{ kind: 'duration', text: '17 days' }],
        }),
      ]),
    ).toBe('They had been stranded in the cave.');
    expect(
      neutralSummary([
        candidate('Yesterday the last four boys and their coach were taken out safely.', {
          disputed: [{ kind: 'count', text: 'four boys' }],
        }),
      ]),
    ).toBe('Yesterday the last boys and their coach were taken out safely.');
    expect(
      neutralSummary([
        candidate('It took more than an hour to get everyone off.', {
          disputed: [{ kind: 'duration', text: 'more than an hour' }],
        }),
      ]),
    ).toBe('It took some time to get everyone off.');
  });

  it('keeps the figures the outlets agree on', () => {
    expect(neutralSummary([candidate('Divers have rescued 12 boys and their football coach.')])).toBe(
      'Divers have rescued 12 boys and their football coach.',
    );
  });

  it('asks what the outlets answer differently when nothing but the subject is left', () => {
    const ages = candidate('The 12 boys, aged from 11 to 16', { disputed: [{ kind: 'age', text: '16' }] });
    expect(neutralSummary([ages])).toBe('How old the 12 boys are.');
  });

  it('leaves out the credit and the dateline, and reads a part of a sentence with its subject', () => {
    expect(
      neutralSummary([
        candidate('The fire began on the vehicle deck, the fire service said.', { credit: 'the fire service' }),
      ]),
    ).toBe('The fire began on the vehicle deck.');
    const part = candidate('ending a grueling 18-day ordeal', {
      fromSentenceStart:
        'A rescue mission has saved all 12 boys and their soccer coach, ending a grueling 18-day ordeal',
      disputed: [{ kind: 'duration', text: '18-day' }],
    });
    expect(neutralSummary([part])).toBe(
      'A rescue mission has saved all 12 boys and their soccer coach, ending a grueling ordeal.',
    );
  });

  it('says whose words they are where the outlets quote a statement differently', () => {
    const quoted = candidate(
      '“All 12 ‘Wild Boars’ and coach have been extracted from the cave,” the SEALs said in a Facebook post.',
      {
        credit: 'the SEALs',
        disputed: [{ kind: 'quotation', text: 'All 12 ‘Wild Boars’ and coach have been extracted from the cave' }],
      },
    );
    expect(neutralSummary([quoted])).toBe('What the SEALs said in a Facebook post.');
  });

  it('prefers the central outlet whose words read as a sentence of their own', () => {
    const pronoun = candidate('They said it was over.', { cohesion: 0.6 });
    const named = candidate('The rescue chief said the operation was over.', { cohesion: 0.55 });
    expect(neutralSummary([pronoun, named])).toBe('The rescue chief said the operation was over.');
  });

  it('never writes "Draft:", a bracket, or a quotation mark without its partner', () => {
    const cut = neutralSummary([candidate('I have no doubt at all that the crew saved lives last night,” she said.')]);
    expect(unmatchedQuoteMarks(cut)).toEqual([]);
    expect(cut).not.toMatch(/Draft:|\[/);
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

describe('claimIdFromSummary', () => {
  it('is the leading words of the summary that say something', () => {
    expect(claimIdFromSummary('They had been stranded in the cave.')).toBe('stranded-cave');
    expect(claimIdFromSummary('What the SEALs said in a Facebook post.')).toBe('what-seals-said-facebook-post');
    expect(claimIdFromSummary('How old the 12 boys are.')).toBe('how-old-12-boys');
    expect(claimIdFromSummary('The 12th boy and his coach were the last of the team to be rescued.')).toBe(
      '12th-boy-coach-last-team',
    );
  });
});
