import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../../src/core/database/load';
import { buildClaimView } from '../../../src/core/claim-view/build-claim-view';
import { bundledDatabase } from '../database/seed-texts';

const db = loadDatabase(bundledDatabase());

describe('buildClaimView', () => {
  it("leaves out the page's own outlet", () => {
    const view = buildClaimView(db, 'convoy-length', { excludeOutletId: 'straits-times', score: 0.8 });
    expect(view.reports.map((r) => r.outletId)).not.toContain('straits-times');
    expect(view.reports.map((r) => r.outlet)).toEqual(['News Nation', 'Al Bawaba', '5Pillars']);
    expect(view.score).toBe(0.8);
  });

  it('shows every outlet on a page of no known outlet', () => {
    const view = buildClaimView(db, 'convoy-length', { excludeOutletId: null, score: 1 });
    expect(view.reports).toHaveLength(4);
  });

  it('carries the verbatim quote, outlet, date, credit and the value spans that differ', () => {
    const view = buildClaimView(db, 'convoy-vehicles', { excludeOutletId: 'news-nation', score: 1 });
    expect(view.status).toBe('differ');
    expect(view.reasons.join('\n')).toContain('buses');
    expect(view.note).toMatch(/5Pillars/);
    const watchout = view.reports.find((r) => r.outletId === 'watchout-news')!;
    expect(watchout).toMatchObject({ outlet: 'Watchout News', published: '2017-11-17', attribution: 'truck drivers who transported the fighters' });
    const differing = watchout.values.filter((v) => v.differs).map((v) => watchout.quote.slice(v.start, v.end));
    expect(differing).toEqual(['a dozen buses']);
  });

  it('calls the page\'s own outlet "this page" in the reasons, and names the others', () => {
    const onPage = buildClaimView(db, 'convoy-vehicles', { excludeOutletId: 'watchout-news', score: 1 });
    const buses = onPage.reasons.find((r) => r.startsWith('buses'))!;
    expect(buses).toContain('(this page)');
    expect(buses).not.toContain('Watchout News');
    expect(buses).toContain('News Nation');
    const elsewhere = buildClaimView(db, 'convoy-vehicles', { excludeOutletId: null, score: 1 });
    expect(elsewhere.reasons.find((r) => r.startsWith('buses'))).toContain('Watchout News');
  });

  it('refuses an unknown claim id', () => {
    expect(() => buildClaimView(db, 'no-such-claim', { excludeOutletId: null, score: 1 })).toThrow('no claim "no-such-claim"');
  });
});
