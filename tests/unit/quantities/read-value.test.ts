import { describe, expect, it } from 'vitest';
import { readValue } from '../../../src/core/quantities/read-value';
import { UnreadableValueError } from '../../../src/core/quantities/types';

const story = { storyDate: '2017-10-12' };

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
    const value = readValue(words, 'fighters');
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
    const value = readValue(words, 'fighters');
    expect(value.range).toEqual({ low, high });
    expect(value.vague).toBe(true);
  });
});

describe('readValue: hedges are kept and widen the value', () => {
  it('keeps "almost" and allows a little under the figure', () => {
    const value = readValue('almost 4,000', 'people');
    expect(value.hedgeWords).toBe('almost');
    expect(value.hedge).toBe('almost');
    expect(value.stated).toEqual({ low: 4000, high: 4000 });
    expect(value.range.high).toBe(4000);
    expect(value.range.low).toBeLessThan(4000);
  });

  it('reads "as many as" as an upper bound', () => {
    const value = readValue('as many as 4,000', 'people');
    expect(value.hedge).toBe('as many as');
    expect(value.range.high).toBe(4000);
    expect(value.range.low).toBeLessThan(4000);
  });

  it('reads "more than" as open above', () => {
    const value = readValue("more than 100 of ISIS' own vehicles", 'vehicles');
    expect(value.hedge).toBe('more than');
    expect(value.range).toEqual({ low: 100, high: Infinity });
  });

  it('reads "about" and "around" as either side of the figure', () => {
    for (const words of ['about 250', 'around 250']) {
      const value = readValue(words, 'fighters');
      expect(value.hedge).toBe('about');
      expect(value.range.low).toBeLessThan(250);
      expect(value.range.high).toBeGreaterThan(250);
    }
  });

  it('keeps "only" and "up to" as printed', () => {
    expect(readValue('only a few dozen fighters', 'fighters')).toMatchObject({ hedgeWords: 'only', range: { low: 24, high: 60 } });
    expect(readValue('up to 30', 'fighters')).toMatchObject({ hedge: 'as many as', range: { high: 30 } });
  });
});

describe('readValue: distances and durations with units', () => {
  it.each([
    ['six to seven kilometres long', 6, 7],
    ['6km to 7km long', 6, 7],
    ['six or seven kilometers', 6, 7],
    ['6-7 km', 6, 7],
  ])('reads the range "%s" in km', (words, low, high) => {
    const value = readValue(words, 'convoy-length');
    expect(value.unit).toBe('km');
    expect(value.range).toEqual({ low, high });
  });

  it('reads "four-mile" as four miles and converts it to km for comparison', () => {
    const value = readValue('four-mile', 'convoy-length');
    expect(value.unit).toBe('mi');
    expect(value.stated).toEqual({ low: 4, high: 4 });
    expect(value.range.low).toBeCloseTo(6.437, 3);
  });

  it('reads durations in months', () => {
    expect(readValue('four-month', 'duration')).toMatchObject({ unit: 'month', stated: { low: 4, high: 4 } });
    expect(readValue('More than four months', 'duration')).toMatchObject({ hedge: 'more than', unit: 'month' });
  });

  it('reads a date, taking the year from the story when the quote leaves it out', () => {
    expect(readValue('October 12', 'date', story).figureWords).toBe('2017-10-12');
    expect(readValue('12 October 2016', 'date', story).figureWords).toBe('2016-10-12');
  });
});

describe('readValue: values that cannot be read name the words', () => {
  it.each([
    ['the convoy', 'fighters', 'no figure found'],
    ['six or seven', 'convoy-length', 'no unit of length'],
    ['four', 'duration', 'no unit of time'],
    ['250 fighters and 3,500 family members', 'fighters', 'more than one figure'],
    ['6 km', 'fighters', 'cannot be measured in km'],
    ['6 months', 'convoy-length', 'does not measure convoy-length'],
    ['the 12th', 'date', 'no month name'],
    ['October 12', 'date', 'no year'],
    ['February 30', 'date', 'not a calendar date'],
  ] as const)('refuses "%s" as %s', (words, kind, reason) => {
    const read = () => readValue(words, kind, kind === 'date' && words !== 'October 12' ? story : {});
    expect(read).toThrow(UnreadableValueError);
    expect(read).toThrow(`"${words}"`);
    expect(read).toThrow(reason);
  });
});
