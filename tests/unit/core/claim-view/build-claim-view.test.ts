import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../../../src/core/database/load';
import { buildClaimView } from '../../../../src/core/claim-view/build-claim-view';
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
    expect(watchout).toMatchObject({
      outlet: 'Watchout News',
      published: '2017-11-17',
      attribution: 'truck drivers who transported the fighters',
    });
    const differing = watchout.values.filter((v) => v.differs).map((v) => watchout.quote.slice(v.start, v.end));
    expect(differing).toEqual(['a dozen buses']);
  });

  it('calls the page\'s own outlet "this page" in the reasons, and names the others', () => {
    const onPage = buildClaimView(db, raqqa('convoy-vehicles'), { excludeOutletId: 'watchout-news', score: 1 });
    const buses = onPage.reasons.find((r) => r.startsWith('buses'))!;
    expect(buses).toBe('buses: News Nation and The Straits Times say 13; this page says a dozen (12): differ');
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
    expect(view.reasons.find((r) => r.startsWith('people'))).toContain(
      'Al Bawaba says 3,750, as many as 4,000 and 4,000;',
    );
  });

  it('marks a contradiction in words: the outlet whose wording differs', () => {
    const view = buildClaimView(db, raqqa('coalition-admits-deal'), { excludeOutletId: 'news-nation', score: 1 });
    expect(view.status).toBe('differ');
    const fivePillars = view.reports.find((r) => r.outletId === '5pillars')!;
    expect(fivePillars.values.filter((v) => v.differs).map((v) => fivePillars.quote.slice(v.start, v.end))).toEqual([
      'neither the coalition, nor the Kurdish fighters, have commented',
    ]);
    expect(view.reasons).toEqual([
      'stance (coalition): this page, Watchout News and The Straits Times say admitted the deal; 5Pillars says had not commented: differ',
    ]);
  });

  it("sets the outlets' figures of the people in the convoy side by side, one row per outlet, this page's own first", () => {
    const view = buildClaimView(db, raqqa('people-who-left'), { excludeOutletId: 'watchout-news', score: 1 });
    const people = view.compared.find((k) => k.of === 'people')!;
    expect(people).toMatchObject({ type: 'figures', title: 'People', status: 'differ' });
    expect(people.rows.map((r) => r.label)).toEqual([
      'This page',
      'News Nation',
      'Al Bawaba',
      '5Pillars',
      'The Straits Times',
    ]);
    expect(people.rows[0]!.isPage).toBe(true);
    expect(people.rows.filter((r) => r.isPage)).toHaveLength(1);
    const said = (label: string) => people.rows.find((r) => r.label === label)!.values;
    // Hedges are ranges; each value is the outlet's own words, nothing computed beside its name.
    expect(said('5Pillars')).toEqual([{ text: 'Almost 4,000', computed: null, low: 3600, high: 4000, differs: false }]);
    expect(said('The Straits Times')[0]).toMatchObject({ text: 'around 4,000', computed: null, low: 3600, high: 4400 });
    // An implied total: its parts as the outlet wrote them, the sum drawn and labelled as Parallax's.
    expect(said('News Nation')[0]).toMatchObject({
      text: '250 fighters, 3,500 family members',
      computed: 'sum of its figures: 3,750',
      low: 3750,
      high: 3750,
    });
    // An outlet with several reports is one row, each distinct figure once.
    expect(said('Al Bawaba').map((v) => v.text)).toEqual([
      '250 ISIS militants, 3,500 of their family members',
      'as many as 4,000',
      '4,000',
    ]);
    // The kinds the outlets differ on come first.
    const statuses = view.compared.map((k) => k.status);
    expect(statuses.indexOf('agree')).toBeGreaterThan(statuses.lastIndexOf('differ'));
  });

  it('has no "This page" row on a page of no known outlet, and no quote of the page\'s outlet', () => {
    const view = buildClaimView(db, raqqa('people-who-left'), { excludeOutletId: null, score: 1 });
    expect(view.compared.flatMap((k) => k.rows).some((r) => r.isPage || r.label === 'This page')).toBe(false);
    expect(view.compared.find((k) => k.of === 'people')!.rows.map((r) => r.label)).toContain('Watchout News');
  });

  it('has nothing in `compared` for a fact the outlets state only in words of their own', () => {
    const view = buildClaimView(db, raqqa('deal-brokered-by-local-officials'), { excludeOutletId: null, score: 1 });
    expect(view.compared).toEqual([]);
    expect(view.reports.length).toBeGreaterThan(1);
  });

  it('compares whom the outlets credit for "a few dozen fighters" as wordings, where they differ', () => {
    const view = buildClaimView(db, raqqa('sdf-said-few-left'), { excludeOutletId: null, score: 1 });
    const credit = view.compared.find((k) => k.kind === 'credit')!;
    expect(credit).toMatchObject({ type: 'wordings', title: 'Whom they credit', status: 'differ' });
    expect(credit.rows.map((r) => [r.label, r.values.map((v) => v.text)])).toEqual([
      ['News Nation', ['the SDF']],
      ['Watchout News', ['the SDF']],
      ['The Straits Times', ['the coalition']],
    ]);
    expect(credit.rows.every((r) => r.values.every((v) => v.low === null && v.high === null))).toBe(true);
  });

  it('refuses an unknown claim id', () => {
    expect(() => buildClaimView(db, 'no-such-claim', { excludeOutletId: null, score: 1 })).toThrow(
      'no claim "no-such-claim"',
    );
  });
});

describe('buildClaimView on the page of an outlet outside the packs: "This page" from the passage', () => {
  const smm = 'Report: Coalition secretly allowed 4000 ISIS members to leave Raqqa';
  const mediaLine =
    'In response, a spokesman for the Western coalition against ISIS admitted that about 250 terrorists were allowed to leave the city along with 3,500 family members and that a Western official was present at the preceding negotiations but did not take an “active part” in forging the accord.';

  it('puts the figure the passage states first, as written, and compares it: 4000 differs from 3,750', () => {
    const view = buildClaimView(db, raqqa('people-who-left'), { excludeOutletId: null, score: 0.8, passage: smm });
    const people = view.compared.find((k) => k.of === 'people')!;
    expect(people.rows[0]).toEqual({
      label: 'This page',
      isPage: true,
      values: [{ text: '4000', computed: null, low: 4000, high: 4000, differs: true }],
    });
    expect(people.status).toBe('differ');
    expect(view.status).toBe('differ');
    expect(view.pageKinds).toBe(1);
    expect(view.reasons.find((r) => r.startsWith('people'))).toMatch(/this page says 4,000/);
  });

  it("lets the page's figure decide the status: a fact the outlets agree on differs when the page says otherwise", () => {
    const agreeing = buildClaimView(db, raqqa('convoy-length'), { excludeOutletId: null, score: 1 });
    expect(agreeing.status).toBe('agree');
    const page = buildClaimView(db, raqqa('convoy-length'), {
      excludeOutletId: null,
      score: 1,
      passage: 'The convoy was 20 kilometres long.',
    });
    expect(page.status).toBe('differ');
    expect(page.compared[0]!.rows[0]).toMatchObject({
      label: 'This page',
      values: [{ text: '20 kilometres', differs: true }],
    });
    // The outlets' quotes are marked where they disagree with the page.
    expect(page.reports.every((r) => r.values.every((v) => v.differs))).toBe(true);
  });

  it("sums the passage's parts as the outlets' are, the sum labelled as computed, never beside a name as the outlet's figure", () => {
    const view = buildClaimView(db, raqqa('people-who-left'), {
      excludeOutletId: null,
      score: 0.72,
      passage: mediaLine,
    });
    expect(view.pageKinds).toBe(3);
    const people = view.compared.find((k) => k.of === 'people')!;
    expect(people.rows[0]!.values).toEqual([
      {
        text: 'about 250 terrorists, 3,500 family members',
        computed: 'sum of its figures: about 3,750',
        low: 3725,
        high: 3775,
        differs: true,
      },
    ]);
    const watchout = people.rows.find((r) => r.label === 'Watchout News')!.values[0]!;
    expect(watchout.text).toBe('about 250 ISIS fighters, almost 4,000 members of their families');
    expect(watchout.computed).toBe('sum of its figures: about 4,250');
    // No row's own words are a figure Parallax made.
    for (const row of view.compared.flatMap((k) => k.rows))
      for (const value of row.values) expect(value.text).not.toMatch(/^(?:about )?(?:3,750|4,250)$/);
    expect(view.compared.find((k) => k.of === 'fighters')!.rows[0]!.values[0]!.text).toBe('about 250');
  });

  it("labels a range read from a vague word as read, beside the outlet's word alone", () => {
    const view = buildClaimView(db, raqqa('secret-deal-let-fighters-leave'), { excludeOutletId: null, score: 1 });
    const people = view.compared.find((k) => k.of === 'people')!;
    expect(people.rows.find((r) => r.label === 'Al Bawaba')!.values[0]).toMatchObject({
      text: 'Thousands',
      computed: 'range read from “thousands”: 2,000–9,999',
    });
  });

  it('keeps the pack\'s own reports as "This page" on a page of a pack\'s outlet, whatever the passage says', () => {
    const view = buildClaimView(db, raqqa('people-who-left'), {
      excludeOutletId: '5pillars',
      score: 1,
      passage: 'some 9,000 people left',
    });
    expect(view.compared.find((k) => k.of === 'people')!.rows[0]!.values.map((v) => v.text)).toEqual(['Almost 4,000']);
  });

  it('has no "This page" row where the passage states no figure of the fact', () => {
    const view = buildClaimView(db, raqqa('people-who-left'), {
      excludeOutletId: null,
      score: 1,
      passage: 'Many people left the city in a convoy.',
    });
    expect(view.pageKinds).toBe(0);
    expect(view.compared.flatMap((k) => k.rows).some((r) => r.isPage)).toBe(false);
  });
});
