// Units a value may be printed in, the words that name them, and how each converts to its
// dimension's base unit, so that a "four-mile" convoy can be set beside one "6 to 7 km long".
// Term extraction uses the same words, so "kilometres" and "km" are one term.
import type { Dimension, Unit } from './types';

interface UnitInfo {
  unit: Unit;
  dimension: Dimension;
  /** Multiply a figure in this unit by this to get the base unit (km for distance, days for duration). */
  toBase: number;
}

const MILE_IN_KM = 1.609344;
const NAUTICAL_MILE_IN_KM = 1.852;
const MONTH_IN_DAYS = 365.25 / 12;

const UNITS: ReadonlyArray<UnitInfo & { words: readonly string[] }> = [
  {
    unit: 'km',
    dimension: 'distance',
    toBase: 1,
    words: ['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers'],
  },
  { unit: 'mi', dimension: 'distance', toBase: MILE_IN_KM, words: ['mi', 'mile', 'miles'] },
  { unit: 'm', dimension: 'distance', toBase: 0.001, words: ['m', 'metre', 'metres', 'meter', 'meters'] },
  // "nautical miles" is two words (see NAUTICAL below); "nmi" is the abbreviation.
  { unit: 'nmi', dimension: 'distance', toBase: NAUTICAL_MILE_IN_KM, words: ['nmi'] },
  { unit: 'minute', dimension: 'duration', toBase: 1 / 1440, words: ['minute', 'minutes', 'min', 'mins'] },
  { unit: 'hour', dimension: 'duration', toBase: 1 / 24, words: ['hour', 'hours', 'hr', 'hrs'] },
  { unit: 'day', dimension: 'duration', toBase: 1, words: ['day', 'days'] },
  { unit: 'week', dimension: 'duration', toBase: 7, words: ['week', 'weeks'] },
  { unit: 'month', dimension: 'duration', toBase: MONTH_IN_DAYS, words: ['month', 'months'] },
  { unit: 'year', dimension: 'duration', toBase: 365.25, words: ['year', 'years'] },
];

const UNIT_OF_WORD = new Map<string, UnitInfo>(
  UNITS.flatMap((info) => info.words.map((word) => [word, info] as const)),
);

/** The unit a lower-case word names ("kilometres" → km), or null. */
export function unitForWord(word: string): UnitInfo | null {
  return UNIT_OF_WORD.get(word) ?? null;
}

/** "nautical miles": the one unit written as two words; its first word, then a mile word. */
export const NAUTICAL = 'nautical';

/** The nautical mile, for "nautical" followed by a word naming miles. */
export function nauticalMile(nextWord: string | undefined): UnitInfo | null {
  return nextWord !== undefined && UNIT_OF_WORD.get(nextWord)?.unit === 'mi' ? UNIT_OF_WORD.get('nmi')! : null;
}

export function toBase(unit: Unit): number {
  return UNITS.find((info) => info.unit === unit)?.toBase ?? 1;
}

/** How a unit is written in a summary ("km", "mi", "months"). */
export function unitLabel(unit: Unit, plural: boolean): string {
  switch (unit) {
    case 'count':
    case 'date':
    case 'time':
    case 'money':
      return '';
    case 'km':
    case 'mi':
    case 'nmi':
    case 'm':
      return unit;
    default:
      return plural ? `${unit}s` : unit;
  }
}
