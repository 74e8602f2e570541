import { describe, expect, it } from 'vitest';
import { compareReports, NOTHING_TO_COMPARE } from '../../../../src/core/quantities/compare';
import { readValue } from '../../../../src/core/quantities/read-value';
import type { ValueSpec } from '../../../../src/core/quantities/types';
import { seededRandom } from '../../../../src/node/helpers/seeded-random';

/** The Raqqa story's counts and measures, as its pack states them. */
const SPECS: Record<string, Omit<ValueSpec, 'text'>> = {
  fighters: { kind: 'count', of: 'fighters' },
  'family-members': { kind: 'count', of: 'family-members' },
  people: { kind: 'count', of: 'people' },
  trucks: { kind: 'count', of: 'trucks' },
  buses: { kind: 'count', of: 'buses' },
  'weapons-trucks': { kind: 'count', of: 'trucks-of-weapons' },
  'convoy-length': { kind: 'distance', of: 'convoy' },
  duration: { kind: 'duration' },
  date: { kind: 'date' },
};
const TOTALS = [{ of: 'people', parts: ['fighters', 'family-members'] }];

function report(label: string, ...values: Array<[string, string]>) {
  return {
    label,
    values: values.map(([kind, words]) => readValue({ ...SPECS[kind]!, text: words }, { storyDate: '2017-10-12' })),
  };
}

describe('compareReports', () => {
  it('a "four-mile" convoy agrees with one "6 to 7 km long"', () => {
    const result = compareReports([
      report('5Pillars', ['convoy-length', 'four-mile']),
      report('Straits Times', ['convoy-length', '6km to 7km long']),
    ]);
    expect(result.status).toBe('agree');
    expect(result.reasons[0]).toBe('distance (convoy): 5Pillars says 4 mi (6.4 km); Straits Times says 6–7 km: agree');
    expect(result.reasons[0]).toContain('4 mi (6.4 km)');
    expect(result.reasons[0]).toContain('6–7 km');
    expect(result.differs).toEqual([[false], [false]]);
  });

  it('a ten-mile convoy differs from one 6 to 7 km long', () => {
    const result = compareReports([
      report('A', ['convoy-length', 'ten-mile']),
      report('B', ['convoy-length', 'six to seven kilometres']),
    ]);
    expect(result.status).toBe('differ');
  });

  it('"a dozen buses" differs from "13 buses", and only the buses are marked', () => {
    const result = compareReports([
      report('Watchout News', ['trucks', 'almost 50 of their trucks'], ['buses', 'a dozen buses']),
      report('News Nation', ['trucks', 'almost 50 trucks'], ['buses', '13 buses']),
    ]);
    expect(result.status).toBe('differ');
    expect(result.differs).toEqual([
      [false, true],
      [false, true],
    ]);
    const buses = result.kinds.find((k) => k.of === 'buses');
    expect(buses?.reason).toBe('buses: Watchout News says a dozen (12); News Nation says 13: differ');
    expect(result.kinds.find((k) => k.of === 'trucks')?.status).toBe('agree');
  });

  it('sets "almost 4,000 militants and their families" beside "250 fighters and 3,500 family members"', () => {
    const result = compareReports(
      [
        report('5Pillars', ['people', 'Almost 4,000']),
        report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
      ],
      TOTALS,
    );
    const people = result.kinds.find((k) => k.of === 'people');
    // A total is one figure a reader takes in, its parts beside it, never a sum written out.
    expect(people?.reason).toBe('people: 5Pillars says almost 4,000; News Nation says 3,750: agree');
    expect(people?.entries.find((e) => e.report === 1)).toMatchObject({
      display: '3,750',
      parts: ['250 fighters', '3,500 family members'],
      range: { low: 3750, high: 3750 },
    });
    expect(people?.status).toBe('agree');
  });

  it('marks the parts of a summed total when the total differs', () => {
    const result = compareReports(
      [
        report('Al Bawaba', ['people', '4,000 people']),
        report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
      ],
      TOTALS,
    );
    expect(result.status).toBe('differ');
    expect(result.differs).toEqual([[true], [true, true]]);
  });

  it('marks only the disputed part of a differing total, not a part every outlet agrees on', () => {
    const result = compareReports(
      [
        report(
          'Watchout News',
          ['fighters', 'about 250 ISIS fighters'],
          ['family-members', 'almost 4,000 members of their families'],
        ),
        report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
        report('Al Bawaba', ['people', '4,000 people']),
      ],
      TOTALS,
    );
    expect(result.kinds.find((k) => k.of === 'fighters')?.status).toBe('agree');
    expect(result.kinds.find((k) => k.of === 'people')?.status).toBe('differ');
    // 250 fighters agree everywhere: only the family counts (and Al Bawaba's total) are marked.
    expect(result.differs).toEqual([[false, true], [false, true], [true]]);
  });

  it('does not sum a total from some of its parts only, and has then nothing to compare', () => {
    const result = compareReports([report('A', ['people', '4,000']), report('B', ['fighters', '250'])], TOTALS);
    expect(result.kinds).toEqual([]);
    expect(result.status).toBe('not-compared');
    expect(result.reasons).toEqual([NOTHING_TO_COMPARE]);
  });

  it('sums only the totals the pack names', () => {
    const reports = [
      report('A', ['people', 'almost 4,000']),
      report('B', ['fighters', '250'], ['family-members', '3,500']),
    ];
    expect(compareReports(reports).status).toBe('not-compared');
    expect(compareReports(reports, TOTALS).status).toBe('agree');
  });

  it('"only a handful" differs from "only a few dozen"; "ten trucks" from "dozens of trucks"', () => {
    expect(
      compareReports([
        report('A', ['fighters', 'only a handful of fighters']),
        report('B', ['fighters', 'only a few dozen fighters']),
      ]).status,
    ).toBe('differ');
    expect(
      compareReports([
        report('A', ['weapons-trucks', 'Ten trucks']),
        report('B', ['weapons-trucks', 'dozens of trucks']),
      ]).status,
    ).toBe('differ');
  });

  it('"more than four months" agrees with "four-month"; different dates differ', () => {
    expect(
      compareReports([report('A', ['duration', 'More than four months']), report('B', ['duration', 'four-month'])])
        .status,
    ).toBe('agree');
    expect(compareReports([report('A', ['date', 'October 12']), report('B', ['date', 'October 17'])]).status).toBe(
      'differ',
    );
  });

  it('never compares values of different kinds or of different things, nor a report with itself', () => {
    const result = compareReports([report('A', ['trucks', '13'], ['buses', '12'])]);
    expect(result.kinds).toEqual([]);
    expect(result.status).toBe('not-compared');
  });

  it('compares wordings: the same wording agrees, another differs, and both are marked', () => {
    const credit = (label: string, text: string, value: string) => ({
      label,
      values: [readValue({ kind: 'credit', text, value })],
    });
    const result = compareReports([
      credit('News Nation', 'It', 'the SDF'),
      credit('Watchout News', 'The SDF', 'The SDF'),
      credit('The Straits Times', 'coalition forces', 'the coalition'),
    ]);
    expect(result.status).toBe('differ');
    expect(result.reasons).toEqual([
      'credited to: News Nation and Watchout News say the SDF; The Straits Times says the coalition: differ',
    ]);
    expect(result.differs).toEqual([[true], [true], [true]]);
    expect(compareReports([credit('A', 'It', 'the SDF'), credit('B', 'The SDF', 'the SDF')]).status).toBe('agree');
  });

  it('compares sums of money only in one currency', () => {
    const money = (label: string, text: string) => ({ label, values: [readValue({ kind: 'money', text })] });
    expect(compareReports([money('A', '€250'), money('B', '€200')]).status).toBe('differ');
    expect(compareReports([money('A', '€250'), money('B', '$200')]).status).toBe('not-compared');
  });
});

describe('compareReports on many reports', () => {
  // The rule as first written: a value differs when any other report's value of its kind does not
  // fit it (a range that does not overlap, another wording). The comparison no longer tries every
  // pair (a claim of 36,000 reports held the service worker 20 s); it must say the same.
  const pairwise = (values: { report: number; low: number; high: number; key: string | null }[]) =>
    values.map((a) =>
      values.some((b) => {
        if (a.report === b.report) return false;
        if (a.key !== null || b.key !== null) return a.key !== b.key;
        const slack = 1e-9 * Math.max(1, ...[a.low, b.high, b.low, a.high].filter(Number.isFinite).map(Math.abs));
        return a.low > b.high + slack || b.low > a.high + slack;
      }),
    );

  it('marks the same values as comparing every pair, for figures with open ends and for wordings', () => {
    const random = seededRandom(18);
    for (let round = 0; round < 200; round++) {
      const wordings = round % 3 === 0;
      const values = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
        const low = Math.floor(random() * 20);
        const high = random() < 0.1 ? Infinity : low + Math.floor(random() * 4);
        return {
          report: Math.floor(random() * 5),
          low: random() < 0.1 ? -Infinity : low,
          high,
          key: wordings ? `k${Math.floor(random() * 3)}` : null,
        };
      });
      const reports = Array.from({ length: 5 }, (_, r) => ({
        label: `Outlet ${r}`,
        values: values
          .filter((v) => v.report === r)
          .map((v) =>
            v.key === null
              ? ({
                  type: 'figure',
                  kind: 'count',
                  of: 'people',
                  measure: 'count',
                  words: '',
                  hedgeWords: null,
                  hedge: null,
                  figureWords: '',
                  stated: v,
                  unit: 'count',
                  currency: null,
                  vague: false,
                  range: { low: v.low, high: v.high },
                  display: `${v.low}–${v.high}`,
                  said: `${v.low}–${v.high}`,
                } as const)
              : ({
                  type: 'wording',
                  kind: 'place',
                  of: null,
                  measure: 'words',
                  words: '',
                  wording: v.key,
                  key: v.key,
                  display: v.key,
                } as const),
          ),
      }));
      const ordered = reports.flatMap((r, i) => values.filter((v) => v.report === i));
      const expected = pairwise(ordered);
      const { differs } = compareReports(reports);
      expect(differs.flat()).toEqual(expected);
    }
  });
});
