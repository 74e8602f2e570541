import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../../src/core/database/load';
import { buildClaimView } from '../../../src/core/claim-view/build-claim-view';
import { raqqa, raqqaPack } from '../database/seed-texts';

const db = loadDatabase([raqqaPack()]);

describe('buildClaimView', () => {
  it("leaves out the page's own outlet", () => {
    const view = buildClaimView(db, raqqa('convoy-length'), { excludeOutletId: 'straits-times', score: 0.8 });
    expect(view.reports.map((r) => r.outletId)).not.toContain('straits-times');
    expect(view.reports.map((r) => r.outlet)).toEqual(['News Nation', 'Al Bawaba', '5Pillars']);
    expect(view.score).toBe(0.8);
  });

  it('shows every outlet on a page of no known outlet', () => {
    const view = buildClaimView(db, raqqa('convoy-length'), { excludeOutletId: null, score: 1 });
    expect(view.reports).toHaveLength(4);
  });

  it('carries the verbatim quote, outlet, date, credit and the value spans that differ', () => {
    const view = buildClaimView(db, raqqa('convoy-vehicles'), { excludeOutletId: 'news-nation', score: 1 });
    expect(view.status).toBe('differ');
    expect(view.reasons.join('\n')).toContain('buses');
    expect(view.note).toMatch(/5Pillars/);
    const watchout = view.reports.find((r) => r.outletId === 'watchout-news')!;
    expect(watchout).toMatchObject({ outlet: 'Watchout News', published: '2017-11-17', attribution: 'truck drivers who transported the fighters' });
    const differing = watchout.values.filter((v) => v.differs).map((v) => watchout.quote.slice(v.start, v.end));
    expect(differing).toEqual(['a dozen buses']);
  });

  it('calls the page\'s own outlet "this page" in the reasons, and names the others', () => {
    const onPage = buildClaimView(db, raqqa('convoy-vehicles'), { excludeOutletId: 'watchout-news', score: 1 });
    const buses = onPage.reasons.find((r) => r.startsWith('buses'))!;
    expect(buses).toBe('buses: 13 (News Nation, The Straits Times) vs 12 (this page): differ');
    expect(buses).toContain('(this page)');
    expect(buses).not.toContain('Watchout News');
    expect(buses).toContain('News Nation');
    const elsewhere = buildClaimView(db, raqqa('convoy-vehicles'), { excludeOutletId: null, score: 1 });
    expect(elsewhere.reasons.find((r) => r.startsWith('buses'))).toContain('Watchout News');
  });

  it('says there is nothing to compare, never that outlets agree, when they give no values to set side by side', () => {
    const view = buildClaimView(db, raqqa('deal-brokered-by-local-officials'), { excludeOutletId: null, score: 1 });
    expect(view.status).toBe('not-compared');
    expect(view.reasons).toEqual(['nothing to compare: no two outlets give a figure or other value of the same kind']);
  });

  it('names each outlet once per reason, however many reports it has', () => {
    const view = buildClaimView(db, raqqa('people-who-left'), { excludeOutletId: null, score: 1 });
    for (const reason of view.reasons) {
      for (const outlet of ['News Nation', 'Al Bawaba', 'Watchout News', '5Pillars', 'The Straits Times']) {
        expect(reason.split(outlet).length - 1, `${outlet} in "${reason}"`).toBeLessThanOrEqual(1);
      }
    }
    expect(view.reasons.find((r) => r.startsWith('people'))).toContain('3,750 = 250 + 3,500 / as many as 4,000 / 4,000 (Al Bawaba)');
  });

  it('marks a contradiction in words: the outlet whose wording differs', () => {
    const view = buildClaimView(db, raqqa('coalition-admits-deal'), { excludeOutletId: 'news-nation', score: 1 });
    expect(view.status).toBe('differ');
    const fivePillars = view.reports.find((r) => r.outletId === '5pillars')!;
    expect(fivePillars.values.filter((v) => v.differs).map((v) => fivePillars.quote.slice(v.start, v.end))).toEqual(['neither the coalition, nor the Kurdish fighters, have commented']);
    expect(view.reasons).toEqual(['stance (coalition): admitted the deal (this page, Watchout News, The Straits Times) vs had not commented (5Pillars): differ']);
  });

  it('refuses an unknown claim id', () => {
    expect(() => buildClaimView(db, 'no-such-claim', { excludeOutletId: null, score: 1 })).toThrow('no claim "no-such-claim"');
  });
});
