import { describe, expect, it } from 'vitest';
import type { ValueKind } from '../../../../src/core/quantities/kinds';
import { readValue as readSpec, type ReadContext } from '../../../../src/core/quantities/read-value';
import { UnreadableValueError, type FigureValue } from '../../../../src/core/quantities/types';

const story = { storyDate: '2017-10-12' };

/** A figure read from words, as a pack's value of this kind (counts of fighters unless said). */
function readValue(text: string, kind: ValueKind, context: ReadContext = {}): FigureValue {
  const value = readSpec({ kind, of: kind === 'count' ? 'fighters' : undefined, text }, context);
  if (value.type !== 'figure') throw new Error('not a figure');
  return value;
}

describe('readValue: figures as outlets print them', () => {
  it.each([
    ['3,500 family members', 3500],
    ['250 ISIS militants', 250],
    ['Ten trucks', 10],
    ['four', 4],
    ['twenty-four', 24],
    ['two hundred and fifty', 250],
    ['a hundred', 100],
    ['a dozen buses', 12],
    ['two dozen', 24],
    ['4 thousand', 4000],
  ])('reads "%s" as %d', (words, n) => {
    const value = readValue(words, 'count');
    expect(value.range).toEqual({ low: n, high: n });
    expect(value.hedge).toBeNull();
    expect(value.vague).toBe(false);
  });

  it.each([
    ['dozens of trucks', 24, 99],
    ['a few dozen', 24, 60],
    ['hundreds', 200, 999],
    ['Thousands', 2000, 9999],
    ['a handful of fighters', 2, 9],
  ])('reads the vague amount "%s" as %d to %d', (words, low, high) => {
    const value = readValue(words, 'count');
    expect(value.range).toEqual({ low, high });
    expect(value.vague).toBe(true);
  });
});

describe('readValue: hedges are kept and widen the value', () => {
  it('keeps "almost" and allows a little under the figure', () => {
    const value = readValue('almost 4,000', 'count');
    expect(value.hedgeWords).toBe('almost');
    expect(value.hedge).toBe('almost');
    expect(value.stated).toEqual({ low: 4000, high: 4000 });
    expect(value.range.high).toBe(4000);
    expect(value.range.low).toBeLessThan(4000);
  });

  it('reads "as many as" as an upper bound', () => {
    const value = readValue('as many as 4,000', 'count');
    expect(value.hedge).toBe('as many as');
    expect(value.range.high).toBe(4000);
    expect(value.range.low).toBeLessThan(4000);
  });

  it('reads "more than" as open above', () => {
    const value = readValue("more than 100 of ISIS' own vehicles", 'count');
    expect(value.hedge).toBe('more than');
    expect(value.range).toEqual({ low: 100, high: Infinity });
  });

  it('reads "about" and "around" as either side of the figure', () => {
    for (const words of ['about 250', 'around 250']) {
      const value = readValue(words, 'count');
      expect(value.hedge).toBe('about');
      expect(value.range.low).toBeLessThan(250);
      expect(value.range.high).toBeGreaterThan(250);
    }
  });

  it('keeps "only" and "up to" as printed', () => {
    expect(readValue('only a few dozen fighters', 'count')).toMatchObject({
      hedgeWords: 'only',
      range: { low: 24, high: 60 },
    });
    expect(readValue('up to 30', 'count')).toMatchObject({ hedge: 'as many as', range: { high: 30 } });
  });
});

describe('readValue: distances and durations with units', () => {
  it.each([
    ['six to seven kilometres long', 6, 7],
    ['6km to 7km long', 6, 7],
    ['six or seven kilometers', 6, 7],
    ['6-7 km', 6, 7],
  ])('reads the range "%s" in km', (words, low, high) => {
    const value = readValue(words, 'distance');
    expect(value.unit).toBe('km');
    expect(value.range).toEqual({ low, high });
  });

  it('reads "four-mile" as four miles and converts it to km for comparison', () => {
    const value = readValue('four-mile', 'distance');
    expect(value.unit).toBe('mi');
    expect(value.stated).toEqual({ low: 4, high: 4 });
    expect(value.range.low).toBeCloseTo(6.437, 3);
  });

  it('reads durations in months', () => {
    expect(readValue('four-month', 'duration')).toMatchObject({ unit: 'month', stated: { low: 4, high: 4 } });
    expect(readValue('More than four months', 'duration')).toMatchObject({ hedge: 'more than', unit: 'month' });
  });

  it('reads a date, taking the year from the story when the quote leaves it out', () => {
    expect(readValue('October 12', 'date', story).figureWords).toBe('12 Oct 2017');
    expect(readValue('12 October 2016', 'date', story).figureWords).toBe('12 Oct 2016');
  });
});

describe('readValue: values that cannot be read name the words', () => {
  it.each([
    ['the convoy', 'count', 'no figure found'],
    ['six or seven', 'distance', 'no unit of length'],
    ['four', 'duration', 'no unit of time'],
    ['250 fighters and 3,500 family members', 'count', 'more than one figure'],
    ['6 km', 'count', 'cannot be measured in km'],
    ['6 months', 'distance', 'does not measure a distance'],
    ['the 12th', 'date', 'no date'],
    ['October 12', 'date', 'no year'],
    ['February 30', 'date', 'not a calendar date'],
    ['at noon and at 6pm', 'time-of-day', 'more than one time of day'],
    ['the evening', 'time-of-day', 'no time of day'],
    ['250 in compensation', 'money', 'no currency'],
    ['built in 1998', 'age', 'no story date'],
  ] as const)('refuses "%s" as %s', (words, kind, reason) => {
    const read = () => readValue(words, kind as ValueKind, kind === 'date' && words !== 'October 12' ? story : {});
    expect(read).toThrow(UnreadableValueError);
    expect(read).toThrow(`"${words}"`);
    expect(read).toThrow(reason);
  });
});

const ferry = { storyDate: '2025-03-14', articleDate: '2025-03-15' };

describe('readValue: the kinds any story uses', () => {
  it.each([
    ['19:41', 19 * 60 + 41],
    ['1941', 19 * 60 + 41],
    ['6.30pm', 18 * 60 + 30],
    ['8pm', 20 * 60],
    ['7.45 p.m.', 19 * 60 + 45],
    ['0610', 6 * 60 + 10],
    ['noon', 12 * 60],
  ])('reads the time of day "%s"', (words, minutes) => {
    expect(readValue(words, 'time-of-day').range).toEqual({ low: minutes, high: minutes });
  });

  it('reads the hedges of a time a quarter of an hour wide, so "just after 8pm" differs from 19:41', () => {
    expect(readValue('just after 8pm', 'time-of-day')).toMatchObject({
      hedgeWords: 'just after',
      range: { low: 1200, high: 1215 },
      display: 'just after 20:00',
    });
    expect(readValue('Shortly before 7.45pm', 'time-of-day').range).toEqual({ low: 1170, high: 1185 });
    expect(readValue('about 7.40pm', 'time-of-day').range).toEqual({ low: 1165, high: 1195 });
  });

  it('reads sums of money in their currency, from a sign, a word or the pack', () => {
    expect(readValue('€250', 'money')).toMatchObject({
      currency: 'EUR',
      range: { low: 250, high: 250 },
      display: '€250',
    });
    expect(readValue('250 euros', 'money')).toMatchObject({ currency: 'EUR', range: { low: 250, high: 250 } });
    expect(readValue('$1.2 million', 'money')).toMatchObject({
      currency: 'USD',
      range: { low: 1_200_000, high: 1_200_000 },
    });
    expect(readValue('£5m', 'money')).toMatchObject({ currency: 'GBP', range: { low: 5_000_000, high: 5_000_000 } });
    expect(readSpec({ kind: 'money', text: '250 in compensation', currency: 'EUR' })).toMatchObject({
      currency: 'EUR',
    });
    expect(() => readSpec({ kind: 'money', text: '€250', currency: 'USD' })).toThrow(
      'the words name EUR, the pack says USD',
    );
  });

  it('reads ages in years, decades, and as a year of build through the story date', () => {
    expect(readValue('63-year-old', 'age').range).toEqual({ low: 63, high: 63 });
    expect(readValue('68', 'age').range).toEqual({ low: 68, high: 68 });
    expect(readValue('in his 60s', 'age').range).toEqual({ low: 60, high: 69 });
    expect(readValue('in her late 60s', 'age').range).toEqual({ low: 66, high: 69 });
    expect(readValue('six-month-old', 'age').range.high).toBeCloseTo(0.5, 2);
    expect(readValue('built in 1998', 'age', ferry).range).toEqual({ low: 26, high: 27 });
    expect(readValue('1998-built', 'age', ferry).display).toBe('1998 (26–27 years)');
  });

  it('reads nautical miles, minutes and "an hour"', () => {
    expect(readValue('some six nautical miles', 'distance').range.low).toBeCloseTo(6 * 1.852 * 0.9, 6);
    expect(readValue('under 40 minutes', 'duration')).toMatchObject({ unit: 'minute', hedge: 'fewer than' });
    expect(readValue('almost an hour', 'duration')).toMatchObject({ unit: 'hour', stated: { low: 1, high: 1 } });
    expect(readValue('half an hour', 'duration').stated).toEqual({ low: 0.5, high: 0.5 });
  });

  it("reads a weekday in an undated article as the one nearest the story's date, not always the one before", () => {
    const undated = { storyDate: '2025-03-14', articleDate: null }; // a Friday
    // The day after a Friday event, as the dated articles read it, not the Saturday a week before.
    expect(readValue('on Saturday', 'date', undated).display).toBe('15 Mar 2025');
    expect(readValue('early on Saturday', 'date', { ...ferry, articleDate: '2025-03-15' }).display).toBe('15 Mar 2025');
    expect(readValue('on Friday', 'date', undated).display).toBe('14 Mar 2025');
    expect(readValue('last Friday', 'date', undated).display).toBe('14 Mar 2025');
    expect(readValue('on Thursday', 'date', undated).display).toBe('13 Mar 2025');
    expect(readValue('on Monday', 'date', undated).display).toBe('17 Mar 2025');
    expect(readValue('on Tuesday', 'date', undated).display).toBe('11 Mar 2025');
  });

  it('reads a weekday from the article\'s date: back for "Friday night", ahead for "until Thursday"', () => {
    expect(readValue('Friday night', 'date', ferry).display).toBe('14 Mar 2025');
    expect(readValue('until Thursday', 'date', ferry).display).toBe('20 Mar 2025');
    expect(
      readValue('until Thursday at the earliest', 'date', { storyDate: '2025-03-14', articleDate: null }),
    ).toMatchObject({ display: '20 Mar 2025 at the earliest', hedge: 'more than' });
    expect(readValue('last Friday', 'date', { ...ferry, articleDate: '2025-03-18' }).display).toBe('14 Mar 2025');
    expect(readValue('until at least Thursday, March 20', 'date', ferry)).toMatchObject({
      hedge: 'more than',
      display: 'until at least 20 Mar 2025',
    });
  });

  it('reads a year alone as the whole year', () => {
    const year = readValue('since 2023', 'date');
    expect(year.display).toBe('2023');
    expect(year.range.high - year.range.low).toBe(364);
  });

  it("keeps a wording as the curator's, compared without case, spacing or punctuation", () => {
    const a = readSpec({ kind: 'credit', text: 'The SDF', value: 'the SDF' });
    const b = readSpec({ kind: 'credit', text: 'It', value: 'The  SDF.' });
    expect(a).toMatchObject({ type: 'wording', wording: 'the SDF' });
    expect(a.type === 'wording' && b.type === 'wording' && a.key === b.key).toBe(true);
    expect(() => readSpec({ kind: 'place', text: 'north', value: ' ' })).toThrow("a place needs the curator's wording");
  });
});
