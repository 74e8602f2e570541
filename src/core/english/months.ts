// English month names, the one table for dates read from quotes, the month a number dates in
// term extraction ("October 12"), abbreviations that never end a sentence ("Oct. 12"), and the
// benchmark's synthetic claims.

export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Abbreviations written before a day ("Oct. 12", "Sept 3"); "may" needs none. */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/** The month (1–12) a lower-case name or abbreviation stands for, or undefined. */
export function monthNumber(word: string): number | undefined {
  const at = MONTH_NAMES.indexOf(word);
  return at >= 0 ? at + 1 : MONTH_ABBREVIATIONS.get(word);
}
