import { describe, expect, it } from 'vitest';
import { buildClaimView } from '../../../../src/core/claim-view/build-claim-view';
import { differingTopics, kindTitle, statusHeadline, statusWords, STATUS_WORDS } from '../../../../src/core/claim-view/words';
import { loadDatabase } from '../../../../src/core/database/load';
import { raqqa, raqqaPack } from '../database/seed-texts';

const db = loadDatabase([raqqaPack()]);
const headline = (id: string) => statusHeadline(buildClaimView(db, raqqa(id), { excludeOutletId: null, score: 1 }));

describe('statusHeadline', () => {
  it('says what the outlets differ on, in a reader\'s words', () => {
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
});
