// Reading the values a highlighted passage itself states, of the kinds its fact's outlets give:
// what the "This page" row shows on a page of any outlet. Only what the passage states; a figure
// whose words do not say which kind it is, or say two, is left out.
import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../../../src/core/database/load';
import { readPassageValues } from '../../../../src/core/claim-view/passage-values';
import { raqqa, raqqaPack } from '../database/seed-texts';

const db = loadDatabase([raqqaPack()]);

/** The values read, as "kind/of: the figure's words (the words read)". */
function read(claimId: string, passage: string): string[] {
  return readPassageValues(db, db.claimById(raqqa(claimId))!, passage).map(
    ({ value }) => `${value.kind}${value.of ? `/${value.of}` : ''}: ${value.said} (${value.words})`,
  );
}

describe('readPassageValues', () => {
  it('reads a count of people named in general words, as written ("4000", not "4,000")', () => {
    expect(read('people-who-left', 'Report: Coalition secretly allowed 4000 ISIS members to leave Raqqa')).toEqual([
      'count/people: 4000 (4000 ISIS members)',
    ]);
  });

  it("tells what a count counts by the words the pack's outlets use for it, hedges kept", () => {
    const passage =
      'In response, a spokesman for the Western coalition against ISIS admitted that about 250 terrorists were allowed to leave the city along with 3,500 family members and that a Western official was present.';
    // "terrorists" is how News Nation names the fighters ("hundreds of Islamic State (ISIS) terrorists").
    expect(read('people-who-left', passage)).toEqual([
      'count/fighters: about 250 (about 250 terrorists)',
      'count/family-members: 3,500 (3,500 family members)',
    ]);
  });

  it("reads a total's parts for a fact that gives only the total", () => {
    // secret-deal-let-fighters-leave gives people and fighters; people are fighters and family members.
    const values = readPassageValues(
      db,
      db.claimById(raqqa('secret-deal-let-fighters-leave'))!,
      'about 250 terrorists were allowed to leave along with 3,500 family members',
    );
    expect(values.map((v) => v.value.of)).toEqual(['fighters', 'family-members']);
  });

  it('keeps nouns joined by "and" apart from a compound: "members and their relatives" are people, not family members', () => {
    expect(read('people-who-left', 'some 4000 ISIS members and their relatives were able to escape')).toEqual([
      'count/people: some 4000 (some 4000 ISIS members and their relatives)',
    ]);
    expect(
      read(
        'secret-deal-let-fighters-leave',
        'a secret deal that let hundreds of IS fighters and their families escape',
      ),
    ).toEqual(['count/people: hundreds (hundreds of IS fighters and their families)']);
  });

  it('reads past a possessor and a name in capitals ("IS"), which say whose, not what', () => {
    expect(read('convoy-vehicles', 'It included more than 100 of the Islamic State group’s own vehicles.')).toEqual([
      'count/own-vehicles: more than 100 (more than 100 of the Islamic State group’s own vehicles)',
    ]);
    expect(
      read('secret-deal-let-fighters-leave', 'But it also enabled many hundreds of IS fighters to escape.'),
    ).toEqual(['count/fighters: hundreds (hundreds of IS fighters)']);
  });

  it('never reads a total beside its own parts', () => {
    // The total of vehicles is trucks, buses and ISIS' own: "100 of ISIS vehicles" beside 50 trucks and 13 buses is some of them.
    expect(
      read('convoy-vehicles', 'a convoy of almost 50 trucks, 13 buses and more than 100 of ISIS vehicles.'),
    ).toEqual(['count/trucks: almost 50 (almost 50 trucks)', 'count/buses: 13 (13 buses)']);
  });

  it('reads distances, durations and dates by their units and months', () => {
    expect(
      read(
        'convoy-length',
        'the ISIS convoy departing Raqqa was up to seven kilometers long and included dozens of trucks',
      ),
    ).toEqual(['distance/convoy: up to seven kilometers (up to seven kilometers long)']);
    expect(read('battle-duration', 'arranged by local officials after four months of intense fighting')).toEqual([
      'duration: four months (four months)',
    ]);
    expect(read('battle-duration', 'The deal ended the four-month battle.')).toEqual([
      'duration: four-month (four-month)',
    ]);
    expect(read('departure-date', 'The convoy left on October 12, 2017, at night.')).toEqual([
      'date: October 12, 2017 (October 12, 2017)',
    ]);
  });

  it('reads counts of the things the fact counts, and leaves out what it does not', () => {
    // "one hundred other vehicles" are no count the pack's outlets give ("other" ones are not all vehicles, nor ISIS' own).
    expect(
      read(
        'convoy-vehicles',
        'included dozens of trucks, more than ten buses and an estimated one hundred other vehicles.',
      ),
    ).toEqual(['count/trucks: dozens (dozens of trucks)', 'count/buses: more than ten (more than ten buses)']);
  });

  it('leaves out figures whose words name nothing counted, or a point in time, or a year', () => {
    expect(read('people-who-left', 'Thousands were allowed to leave in 2017.')).toEqual([]);
    expect(read('battle-duration', 'The revelation comes a day after the defense secretary spoke.')).toEqual([]);
    expect(read('people-who-left', 'One driver said the 12th truck carried 4,000 dollars.')).toEqual([]);
  });

  it('leaves out figures of a kind the passage gives twice, and they contradict each other', () => {
    expect(
      read('convoy-length', 'The convoy was six kilometres long; the road ran 90 kilometres to the border.'),
    ).toEqual([]);
    expect(read('convoy-length', 'The convoy was 6km (3.7 miles) long.')).toHaveLength(2);
  });

  it("never takes a dateline's date for the fact's", () => {
    expect(read('departure-date', 'RAQQA, October 20 (Wire) - The convoy left the city at night.')).toEqual([]);
  });

  it('reads nothing for a fact whose outlets give no figure', () => {
    expect(
      read('western-officer-present', 'about 250 terrorists were allowed to leave and a Western official was present'),
    ).toEqual([]);
  });
});
