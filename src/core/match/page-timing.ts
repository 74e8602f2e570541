// Whether a page is dated in a story's days. News of an event is written in the days around it:
// from the story's date (or its earliest article) to about a week after its latest article. A
// page dated then that names the story and states some of its facts is a report of it; a page
// about the same people a year later states the same background facts and is not. So the gate
// may open on less evidence for a page dated in the story's days (matcher.ts), keeps its full
// bar for one dated outside them, and is unchanged for a page that states no date.

/** Days after the story's last dated article in which a page is still news of it: a week's news cycle. */
export const DAYS_AFTER_STORY = 7;
/** A day before the story's first date: a page's date is in its own time zone, the pack's may not be. */
export const DAYS_BEFORE_STORY = 1;

export type PageTiming = 'in-story-days' | 'outside-story-days' | 'undated';

export interface StoryDays {
  /** Day numbers (days since 1970-01-01, UTC), inclusive. */
  first: number;
  last: number;
}

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as a day number, or null. */
function dayNumber(day: string | null | undefined): number | null {
  if (day === null || day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

/** A story's days: its date and its articles' dates, a day before the first to a week after the last. */
export function storyDays(storyDate: string | null, published: readonly (string | null)[]): StoryDays | null {
  const days = [storyDate, ...published].map(dayNumber).filter((d): d is number => d !== null);
  if (days.length === 0) return null;
  return { first: Math.min(...days) - DAYS_BEFORE_STORY, last: Math.max(...days) + DAYS_AFTER_STORY };
}

/** Where a page dated `pageDay` (YYYY-MM-DD, or null) falls against a story's days. */
export function pageTiming(pageDay: string | null | undefined, days: StoryDays | null): PageTiming {
  const day = dayNumber(pageDay);
  if (day === null || days === null) return 'undated';
  return day >= days.first && day <= days.last ? 'in-story-days' : 'outside-story-days';
}
