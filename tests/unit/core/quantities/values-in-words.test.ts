// Values stated in words, read from an outlet's sentence: the titles it gives a person, where a
// movement ended, the words it quotes, and when two wordings name one thing.
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../../../src/core/quantities/places';
import { findQuotations, sameWords, versionsOfOneStatement } from '../../../../src/core/quantities/quotations';
import { nameOneThing, oneWordingEach, samePerson, sameWord } from '../../../../src/core/quantities/same-wording';
import { findTitles, titleWording } from '../../../../src/core/quantities/titles';

const titles = (sentence: string) =>
  findTitles(sentence).map((t) => ({ text: t.text, person: t.person, title: t.title, head: t.head }));

describe('findTitles', () => {
  it('reads a title before a name, its abbreviation written out, and not the place before it', () => {
    expect(
      titles('A medic and three navy SEALs have left the cave as well, Chiang Rai Gov. Narongsak Osatanakorn said.'),
    ).toEqual([{ text: 'Gov.', person: 'Narongsak Osatanakorn', title: 'governor', head: 'governor' }]);
    expect(titles('Deputy Chief Fire Officer Rhian Castell praised the crew.')).toEqual([
      {
        text: 'Deputy Chief Fire Officer',
        person: 'Rhian Castell',
        title: 'deputy chief fire officer',
        head: 'officer',
      },
    ]);
  });

  it('reads a title in apposition after a name, a former one included', () => {
    expect(
      titles('Narongsak Osatanaskorn, the former governor who has led the rescue, said it was mission impossible.'),
    ).toEqual([
      { text: 'the former governor', person: 'Narongsak Osatanaskorn', title: 'former governor', head: 'governor' },
    ]);
    expect(titles("Rhian Castell, the county's Chief Fire Officer, praised the crew.")[0]).toMatchObject({
      title: 'chief fire officer',
      head: 'officer',
    });
  });

  it('finds no title where a sentence names no one with one', () => {
    expect(
      titles('The Thai navy SEALs posted on their Facebook page that the rescue operation was successful.'),
    ).toEqual([]);
    expect(titleWording('Col.')).toBe('colonel');
  });
});

describe('findPlaces', () => {
  it('reads the named place a movement ended at', () => {
    expect(findPlaces('Passengers were landed at Skelby in the early hours.').map((p) => p.text)).toEqual(['Skelby']);
    expect(findPlaces('The ferry was later towed back to Port Carrow.').map((p) => p.text)).toEqual(['Port Carrow']);
    expect(
      findPlaces('Many of the fighters have since headed to Turkey, the report suggests.').map((p) => p.text),
    ).toEqual(['Turkey']);
  });

  it('does not read the scene of a fact, or a day after "to"', () => {
    expect(findPlaces('Twelve boys were trapped in a cave in northern Thailand.')).toEqual([]);
    expect(findPlaces('Sailings were suspended to Thursday.')).toEqual([]);
  });
});

describe('findQuotations', () => {
  it('reads the quoted words without their marks, across the sentences of one quotation', () => {
    const sentence =
      '“We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave,” the SEALs wrote.';
    expect(findQuotations(sentence).map((q) => q.text)).toEqual([
      'We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave',
    ]);
    expect(
      findQuotations('“All 12 ‘Wild Boars’ and coach have been extracted from the cave,” the SEALs said.').map(
        (q) => q.text,
      ),
    ).toEqual(['All 12 ‘Wild Boars’ and coach have been extracted from the cave']);
  });

  it('takes a name in quotation marks for no statement, nor a quotation cut off before its end', () => {
    expect(findQuotations('The rescue mission, dubbed "Mission Impossible", begins.')).toEqual([]);
    expect(findQuotations('The SEALs said it best on their Facebook page: "We are not sure i')).toEqual([]);
  });

  it('tells versions of one statement from two sentences of it, and the same words from other words', () => {
    const post = 'All 12 Wild Boars and coach have been extracted from the cave. All are safe';
    const translated =
      'We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave';
    expect(versionsOfOneStatement(post, translated)).toBe(true);
    expect(
      versionsOfOneStatement(
        "We didn't want anyone to leave",
        'They are the ones fighting and dying, they get to make the decisions',
      ),
    ).toBe(false);
    expect(sameWords('All 12 ‘Wild Boars’ and coach have been extracted from the cave', post)).toBe(true);
    expect(sameWords(post, translated)).toBe(false);
  });
});

describe('same wording', () => {
  it('knows one party, place or man written several ways', () => {
    expect(nameOneThing('the SEALs', 'the Thai Navy SEALS')).toBe(true);
    expect(nameOneThing('Skelby', 'Skelby pier')).toBe(true);
    expect(sameWord('osatanakorn', 'osottanakorn')).toBe(true);
    expect(nameOneThing('Skelby', 'Port Carrow')).toBe(false);
    expect(nameOneThing('the BBC', 'officials')).toBe(false);
    expect(samePerson('Narongsak Osottanakorn', 'Narongsak Osatanaskorn')).toBe(true);
    expect(samePerson('Col Ryan Dillon', 'Dillon')).toBe(true);
    expect(samePerson('Rhian Castell', 'Marit Olsund')).toBe(false);
  });

  it('gives each thing one wording, its longest', () => {
    expect(oneWordingEach(['the SEALs', 'the Thai Navy SEALS', 'the BBC', 'Navy SEALs'])).toEqual([
      'the Thai Navy SEALS',
      'the Thai Navy SEALS',
      'the BBC',
      'the Thai Navy SEALS',
    ]);
  });
});
