import { describe, expect, it } from 'vitest';
import { buildClaimView } from '../../../../src/core/claim-view/build-claim-view';
import {
  computedNote,
  differingTopics,
  kindTitle,
  readerSummary,
  statusHeadline,
  statusWords,
  STATUS_WORDS,
} from '../../../../src/core/claim-view/words';
import { readValue } from '../../../../src/core/quantities/read-value';
import type { FigureValue, ValueSpec } from '../../../../src/core/quantities/types';
import { loadDatabase } from '../../../../src/core/database/load';
import { raqqa, raqqaPack } from '../database/seed-texts';

const db = loadDatabase([raqqaPack()]);
const headline = (id: string) => statusHeadline(buildClaimView(db, raqqa(id), { excludeOutletId: null, score: 1 }));

describe('statusHeadline', () => {
  it("says what the outlets differ on, in a reader's words", () => {
    expect(headline('convoy-vehicles')).toBe('Outlets differ on the figures');
    expect(headline('sdf-said-few-left')).toBe('Outlets differ on the figures and whom they credit');
    expect(headline('coalition-admits-deal')).toBe('Outlets differ on the coalition’s stance');
    expect(headline('convoy-destination')).toBe('Outlets differ on the place');
  });

  it('says the outlets agree only where their values were compared, and never calls nothing to compare agreement', () => {
    expect(headline('convoy-length')).toBe('Outlets agree');
    expect(headline('deal-brokered-by-local-officials')).toBe('Same fact, nothing to compare');
    expect(STATUS_WORDS['not-compared']).not.toMatch(/agree/i);
  });
});

describe('statusWords', () => {
  it('gives the popup, from a status and its differing topics, the very headline the tooltip shows', () => {
    const views = db.claims.map((c) => buildClaimView(db, c.id, { excludeOutletId: null, score: 1 }));
    expect(views.some((v) => differingTopics(v).length > 1)).toBe(true);
    for (const view of views) expect(statusWords(view.status, differingTopics(view))).toBe(statusHeadline(view));
    expect(differingTopics(views.find((v) => v.status !== 'differ')!)).toEqual([]);
  });
});

describe('kindTitle', () => {
  it('names each kind as a reader would', () => {
    expect(kindTitle('count', 'family-members')).toBe('Family members');
    expect(kindTitle('distance', 'convoy')).toBe('Distance (convoy)');
    expect(kindTitle('credit', null)).toBe('Whom they credit');
    expect(kindTitle('time-of-day', null)).toBe('Time of day');
  });

  it("writes what a count counts in the plural, as a person would, whatever the pack's slug", () => {
    // pack:build names a count by its noun's singular: "Boy: 12" reads wrong.
    expect(kindTitle('count', 'boy')).toBe('Boys');
    expect(kindTitle('count', 'family')).toBe('Families');
    expect(kindTitle('count', 'bus')).toBe('Buses');
    expect(kindTitle('count', 'person')).toBe('People');
    expect(kindTitle('count', 'people')).toBe('People');
    expect(kindTitle('count', 'buses')).toBe('Buses');
    expect(kindTitle('count', 'trucks-of-weapons')).toBe('Trucks of weapons');
    expect(kindTitle('count', 'foreign-fighter')).toBe('Foreign fighters');
  });
});

describe('computedNote', () => {
  const figure = (spec: ValueSpec): FigureValue => readValue(spec, { storyDate: '2017-10-12' }) as FigureValue;
  const note = (...specs: ValueSpec[]) => computedNote({ figures: specs.map(figure), display: 'about 4,250' });

  it('says what Parallax read from the words, as its own reading', () => {
    expect(note({ kind: 'count', of: 'people', text: 'thousands' })).toBe('range read from “thousands”: 2,000–9,999');
    expect(note({ kind: 'count', of: 'buses', text: 'a dozen buses' })).toBe('read as 12');
    expect(note({ kind: 'distance', text: 'four-mile' })).toBe('read as 6.4 km');
    expect(
      note(
        { kind: 'count', of: 'fighters', text: 'about 250 fighters' },
        { kind: 'count', of: 'family-members', text: 'almost 4,000 members' },
      ),
    ).toBe('sum of its figures: about 4,250');
  });

  it('says nothing where the words say it themselves', () => {
    expect(note({ kind: 'count', of: 'people', text: 'almost 4,000' })).toBeNull();
    expect(note({ kind: 'count', of: 'trucks', text: 'Ten trucks' })).toBeNull();
    expect(note({ kind: 'duration', text: 'four-month' })).toBeNull();
    expect(note({ kind: 'date', text: 'October 12' })).toBeNull();
  });
});

describe('readerSummary', () => {
  const reports = [
    {
      outlet: 'FastGoal',
      quote:
        'A daring rescue mission in the treacherous confines of a flooded cave has saved all 12 boys and their coach, ending a grueling 18-day ordeal.',
    },
    { outlet: 'The New Paper', quote: 'They had been stranded in the cave for 17 days.' },
  ];

  it("never shows a draft's placeholder: the outlet quote closest to it stands in, quoted and named", () => {
    expect(readerSummary('Draft: They had been stranded in the cave for [how long].', reports)).toBe(
      '“They had been stranded in the cave for 17 days.” (The New Paper)',
    );
    expect(readerSummary('On [when], [how many] boys entered the cave.', reports)).toMatch(
      /^“.*” \((?:FastGoal|The New Paper)\)$/,
    );
  });

  it('keeps a written summary as it is', () => {
    expect(readerSummary('How long the group was trapped in the cave.', reports)).toBe(
      'How long the group was trapped in the cave.',
    );
  });

  it("drops the placeholders when no outlet's quote is left to show", () => {
    expect(readerSummary('Draft: They had been stranded in the cave for [how long].', [])).toBe(
      'They had been stranded in the cave for ….',
    );
  });
});
