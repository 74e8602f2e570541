// The values a sentence states, found as the outlet's own words, ready for the core's reader.
import { GENERIC_LEXICON } from '../../../../src/core/terms/lexicon';
import { describe, expect, it } from 'vitest';
import { readValue } from '../../../../src/core/quantities/read-value';
import { datelineLength, findValues } from '../../../../src/core/quantities/find-values';

const found = (sentence: string) =>
  findValues(sentence, GENERIC_LEXICON).map((v) => `${v.kind}${v.of === undefined ? '' : `(${v.of})`}: ${v.text}`);

describe('findValues', () => {
  it.each([
    [
      'The Northern Lark was carrying 212 passengers and 31 crew, according to the company.',
      ['count(passenger): 212 passengers', 'count(crew): 31 crew'],
    ],
    ['Nearly 250 passengers were crammed on board.', ['count(passenger): Nearly 250 passengers']],
    [
      'Dozens of holidaymakers’ cars were left behind on the car deck below.',
      ['count(car): Dozens of holidaymakers’ cars'],
    ],
    [
      'He said that 250 ISIS militants were allowed to leave, along with 3,500 of their family members.',
      ['count(fighter): 250 ISIS militants', 'count(member): 3,500 of their family members'],
    ],
    [
      "The convoy was six to seven kilometres long and included almost 50 trucks, 13 buses, and more than 100 of ISIS' own vehicles.",
      [
        'distance: six to seven kilometres long',
        'count(truck): almost 50 trucks',
        'count(bus): 13 buses',
        "count(vehicle): more than 100 of ISIS' own vehicles",
      ],
    ],
    ['The ferry was about seven miles (11 km) off Carrow Head.', ['distance: about seven miles', 'distance: 11 km']],
    [
      'The Coast Guard logged the distress call at 1941, with the ship some six nautical miles out.',
      ['time-of-day: 1941', 'distance: some six nautical miles'],
    ],
    ['Passengers said the first alarm went off just after 8pm.', ['time-of-day: just after 8pm']],
    ['Brackwater said all passengers were off the vessel in under 40 minutes.', ['duration: under 40 minutes']],
    ['But it took more than an hour to get everyone off.', ['duration: more than an hour']],
    ['A 63-year-old man was airlifted to hospital.', ['age: 63-year-old']],
    ['A grandad, 68, was winched into a helicopter.', ['age: 68']],
    ['A man in his 60s was flown to hospital.', ['age: in his 60s']],
    ['The Northern Lark, built in 1998, has served the route for years.', ['age: built in 1998']],
    ['Fire broke out on Friday evening (March 14) as it crossed to Hensey.', ['date: on Friday evening (March 14)']],
    ['Brackwater has suspended the service until at least 20 March.', ['date: until at least 20 March']],
    ['The firm is offering passengers their money back plus a measly €200 each.', ['money: €200']],
    ['Every passenger would receive 250 euros in compensation.', ['money: 250 euros']],
  ])('%s', (sentence, values) => {
    expect(found(sentence)).toEqual(values);
  });

  it('leaves out what counts nothing: "one", a lone year, a figure with no noun, a wire dateline', () => {
    expect(found('One driver said there was a huge number of foreigners.')).toEqual([]);
    expect(found('As many as 20 people were taken to hospital, and two are fighting for their lives.')).toEqual([
      'count(people): As many as 20 people',
    ]);
    expect(found('PORT CARROW, March 15 (Northline) - Fire broke out aboard a passenger ferry.')).toEqual([]);
  });

  it('finds words the core reads as the values they are', () => {
    const context = { storyDate: '2025-03-14', articleDate: '2025-03-15' };
    for (const sentence of [
      'Nearly 250 passengers were crammed on board.',
      'It had left Port Carrow at 18:30.',
      'The ferry was about seven miles (11 km) off Carrow Head.',
      'Passengers are to receive refunds and €250 each.',
      'A man in his 60s was flown to hospital.',
    ]) {
      for (const value of findValues(sentence)) expect(() => readValue(value, context), value.text).not.toThrow();
    }
  });

  it('reads the ages of a group as its youngest and its oldest, so that 11–16 and 11–17 differ on the oldest', () => {
    const of = (sentence: string) =>
      findValues(sentence)
        .filter((v) => v.kind === 'age')
        .map((v) => [v.of, v.text]);
    expect(of('The 12 boys, aged from 11 to 16, and their coach ventured into the cave.')).toEqual([
      ['youngest', '11'],
      ['oldest', '16'],
    ]);
    expect(of('Members of the team, aged between about 11 and 17, entered the cave system.')).toEqual([
      ['youngest', 'about 11'],
      ['oldest', '17'],
    ]);
    expect(of('The boys, ages 11-16, and their 25-year-old assistant coach were trapped.')).toEqual([
      ['youngest', '11'],
      ['oldest', '16'],
      [undefined, '25-year-old'],
    ]);
  });

  it('leaves out a dateline written with a colon or a bullet', () => {
    expect(
      findValues('MAE SAI, Thailand, July 10, 2018 (AFP) : All 12 boys and their coach have been rescued.').map(
        (v) => v.text,
      ),
    ).toEqual(['12 boys']);
    expect(datelineLength('CHIANG RAI: If there is a story that needed a fairy-tale ending, this was it.')).toBe(
      'CHIANG RAI: '.length,
    );
  });

  it('counts a plural name the phrase ends with, and passes over a name before the noun', () => {
    expect(found('A medic and three Thai navy SEALs who had stayed with the boys have left.')).toEqual([
      'count(seal): three Thai navy SEALs',
    ]);
    expect(found('The last of the group were four Navy SEALs, including a doctor.')).toEqual([
      'count(seal): four Navy SEALs',
    ]);
    expect(found('12 Thai boys were rescued.')).toEqual(['count(boy): 12 Thai boys']);
  });

  it('reads a word in capitals before the noun as a name, not the verb it spells', () => {
    expect(found('But it also enabled many hundreds of IS fighters to escape.')).toEqual([
      'count(fighter): hundreds of IS fighters',
    ]);
    expect(found('Hundreds of fighters is the figure.')).toEqual(['count(fighter): Hundreds of fighters']);
    expect(found('About 300 is the figure they gave.')).toEqual([]);
  });
});
