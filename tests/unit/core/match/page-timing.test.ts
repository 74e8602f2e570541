import { describe, expect, it } from 'vitest';
import { pageTiming, storyDays } from '../../../../src/core/match/page-timing';

describe("a page's date against a story's days", () => {
  const days = storyDays('2018-07-10', ['2018-07-10', '2018-07-11', null]);

  it('takes the story’s date to a week after its last article as its days', () => {
    expect(pageTiming('2018-07-10', days)).toBe('in-story-days');
    expect(pageTiming('2018-07-09', days)).toBe('in-story-days'); // a time zone's day before
    expect(pageTiming('2018-07-18', days)).toBe('in-story-days');
    expect(pageTiming('2018-07-19', days)).toBe('outside-story-days');
    expect(pageTiming('2019-12-27', days)).toBe('outside-story-days');
    expect(pageTiming('2018-06-01', days)).toBe('outside-story-days');
  });

  it('reaches back to an article published before the story’s date', () => {
    expect(pageTiming('2018-07-02', storyDays('2018-07-10', ['2018-07-03']))).toBe('in-story-days');
  });

  it('says undated for no date, a garbled one, or a story with none', () => {
    expect(pageTiming(null, days)).toBe('undated');
    expect(pageTiming('2018-7-10', days)).toBe('undated');
    expect(pageTiming('2018-07-10', storyDays(null, [null]))).toBe('undated');
  });
});
