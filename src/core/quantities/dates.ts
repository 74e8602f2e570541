// Reads a calendar date from an outlet's words: "October 12", "12 October 2017", "Oct. 12",
// "Friday night", "until Thursday", "in 2023". Outlets usually leave out the year (it comes from the
// story's date) and often give only a weekday, which is the one on or before the article's date
// ("on Friday"), or after it where the words look ahead ("until Thursday", "next Thursday"). An
// article with no date was still written on or after the story's date, so counting back from the
// story's date would put "on Saturday" (the day after a Friday fire) a week early; its weekday is
// instead the one nearest the story's date, up to three days before or after it.
import { monthNumber } from '../english/months';
import { formatDay } from './format';
import { UnreadableValueError } from './types';

export interface DateContext {
  /** The story's date (YYYY-MM-DD): supplies a missing year; when the article has no date, weekdays are the nearest to it. */
  storyDate?: string | undefined;
  /** The article's date (YYYY-MM-DD), which weekdays and "yesterday" count from; null when unknown. */
  articleDate?: string | null | undefined;
}

export interface ReadDate {
  /** Token index of the date's first and one-past-last word (for hedges around it). */
  start: number;
  end: number;
  /** Days since 1970-01-01, so that dates compare like numbers; a year spans all its days. */
  low: number;
  high: number;
  /** As a reader reads a date, "12 Oct 2017", or "2023" for a year. */
  display: string;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Words before a weekday that look ahead: "until Thursday" is the coming Thursday. */
const LOOKING_AHEAD = new Set(['until', 'till', 'next']);
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['tonight', 0],
  ['yesterday', -1],
  ['tomorrow', 1],
]);

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isYear = (token: string): boolean => /^\d{4}$/.test(token) && Number(token) >= 1000 && Number(token) < 3000;

export function readDate(tokens: readonly string[], words: string, context: DateContext): ReadDate {
  const monthAt = tokens.findIndex((t) => monthNumber(t) !== undefined);
  if (monthAt >= 0) {
    const month = monthNumber(tokens[monthAt]!)!;
    const dayAt = [monthAt + 1, monthAt - 1].find(
      (i) => /^\d{1,2}$/.test(tokens[i] ?? '') && Number(tokens[i]) >= 1 && Number(tokens[i]) <= 31,
    );
    if (dayAt !== undefined) {
      const yearAt = tokens.findIndex(isYear);
      const year =
        yearAt >= 0 ? Number(tokens[yearAt]) : context.storyDate ? Number(context.storyDate.slice(0, 4)) : NaN;
      if (!Number.isFinite(year)) throw new UnreadableValueError(words, 'no year, and no story date to take it from');
      const dayOfMonth = Number(tokens[dayAt]);
      const time = Date.UTC(year, month - 1, dayOfMonth);
      if (new Date(time).getUTCDate() !== dayOfMonth)
        throw new UnreadableValueError(words, `${year}-${month}-${dayOfMonth} is not a calendar date`);
      const day = time / DAY_MS;
      const first = Math.min(monthAt, dayAt);
      const last = Math.max(monthAt, dayAt, yearAt >= 0 ? yearAt : -1);
      // A weekday written before the date ("Thursday, March 20") belongs to it.
      const weekdayBefore = WEEKDAYS.includes(tokens[first - 1] ?? '') ? first - 1 : first;
      return { start: weekdayBefore, end: last + 1, low: day, high: day, display: formatDay(day, true) };
    }
  }
  const reference = context.articleDate ?? context.storyDate;
  const weekdayAt = tokens.findIndex((t) => WEEKDAYS.includes(t));
  if (weekdayAt >= 0) {
    if (reference === undefined)
      throw new UnreadableValueError(words, 'a weekday, and no article or story date to count from');
    const ref = dayOf(reference);
    const refWeekday = new Date(ref * DAY_MS).getUTCDay();
    const weekday = WEEKDAYS.indexOf(tokens[weekdayAt]!);
    const before = tokens.slice(0, weekdayAt);
    const back = (refWeekday - weekday + 7) % 7;
    let day: number;
    if (before.some((t) => LOOKING_AHEAD.has(t))) day = ref + ((weekday - refWeekday + 7) % 7 || 7);
    else if (context.articleDate == null) day = back <= 3 ? ref - back : ref + 7 - back;
    else if (before.at(-1) === 'last') day = ref - (back || 7);
    else day = ref - back;
    return { start: weekdayAt, end: weekdayAt + 1, low: day, high: day, display: formatDay(day, true) };
  }
  const relativeAt = tokens.findIndex((t, i) => RELATIVE_DAYS.has(t) || (t === 'last' && tokens[i + 1] === 'night'));
  if (relativeAt >= 0) {
    if (reference === undefined)
      throw new UnreadableValueError(words, `"${tokens[relativeAt]}", and no article or story date to count from`);
    const day = dayOf(reference) + (RELATIVE_DAYS.get(tokens[relativeAt]!) ?? -1);
    return {
      start: relativeAt,
      end: relativeAt + (tokens[relativeAt] === 'last' ? 2 : 1),
      low: day,
      high: day,
      display: formatDay(day, true),
    };
  }
  const yearAt = tokens.findIndex(isYear);
  if (yearAt >= 0) {
    const year = Number(tokens[yearAt]);
    return {
      start: yearAt,
      end: yearAt + 1,
      low: Date.UTC(year, 0, 1) / DAY_MS,
      high: Date.UTC(year, 11, 31) / DAY_MS,
      display: String(year),
    };
  }
  throw new UnreadableValueError(words, 'no date: no day and month, weekday or year');
}
