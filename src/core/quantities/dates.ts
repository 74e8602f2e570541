// Reads a calendar date from an outlet's words ("October 12", "12 October 2017", "Oct. 12").
// Outlets usually leave out the year; it comes from the story's own date.
import { monthNumber } from '../english/months';
import { UnreadableValueError } from './types';

export interface ReadDate {
  /** Days since 1970-01-01, so that dates compare like numbers. */
  day: number;
  iso: string;
}

export function readDate(words: string, storyDate: string | undefined): ReadDate {
  const tokens = words.toLowerCase().match(/\d+|[a-z]+/g) ?? [];
  const monthAt = tokens.findIndex((t) => monthNumber(t) !== undefined);
  if (monthAt < 0) throw new UnreadableValueError(words, 'no month name');
  const month = monthNumber(tokens[monthAt]!)!;
  const numbers = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^\d+$/.test(t));
  const dayToken = numbers.find(({ t, i }) => Number(t) >= 1 && Number(t) <= 31 && Math.abs(i - monthAt) === 1);
  if (!dayToken) throw new UnreadableValueError(words, 'no day of the month next to the month');
  const yearToken = numbers.find(({ t }) => t.length === 4);
  const year = yearToken ? Number(yearToken.t) : storyDate ? Number(storyDate.slice(0, 4)) : NaN;
  if (!Number.isFinite(year)) throw new UnreadableValueError(words, 'no year, and no story date to take it from');
  const day = Number(dayToken.t);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCDate() !== day) throw new UnreadableValueError(words, `${year}-${month}-${day} is not a calendar date`);
  return { day: time / 86_400_000, iso: check.toISOString().slice(0, 10) };
}
