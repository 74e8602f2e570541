// Units a value may be printed in, and how each converts to its dimension's base unit, so that a
// "four-mile" convoy can be set beside one "6 to 7 km long".
import type { QuantityKind } from '../database/schema';
import type { Dimension, Unit } from './types';

interface UnitInfo {
  unit: Unit;
  dimension: Dimension;
  /** Multiply a figure in this unit by this to get the base unit (km for distance, days for duration). */
  toBase: number;
}

const MILE_IN_KM = 1.609344;
const MONTH_IN_DAYS = 365.25 / 12;

const UNIT_WORDS: Record<string, UnitInfo> = {};
function define(words: string[], info: UnitInfo) {
  for (const word of words) UNIT_WORDS[word] = info;
}
define(['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers'], { unit: 'km', dimension: 'distance', toBase: 1 });
define(['mi', 'mile', 'miles'], { unit: 'mi', dimension: 'distance', toBase: MILE_IN_KM });
define(['m', 'metre', 'metres', 'meter', 'meters'], { unit: 'm', dimension: 'distance', toBase: 0.001 });
define(['hour', 'hours', 'hr', 'hrs'], { unit: 'hour', dimension: 'duration', toBase: 1 / 24 });
define(['day', 'days'], { unit: 'day', dimension: 'duration', toBase: 1 });
define(['week', 'weeks'], { unit: 'week', dimension: 'duration', toBase: 7 });
define(['month', 'months'], { unit: 'month', dimension: 'duration', toBase: MONTH_IN_DAYS });
define(['year', 'years'], { unit: 'year', dimension: 'duration', toBase: 365.25 });

export function unitForWord(word: string): UnitInfo | null {
  return UNIT_WORDS[word] ?? null;
}

export function toBase(unit: Unit): number {
  if (unit === 'count' || unit === 'date') return 1;
  const info = Object.values(UNIT_WORDS).find((u) => u.unit === unit);
  return info ? info.toBase : 1;
}

export function dimensionOfKind(kind: QuantityKind): Dimension {
  switch (kind) {
    case 'convoy-length':
      return 'distance';
    case 'duration':
      return 'duration';
    case 'date':
      return 'date';
    default:
      return 'count';
  }
}

/** How a unit is written in a summary ("km", "mi", "months"). */
export function unitLabel(unit: Unit, plural: boolean): string {
  switch (unit) {
    case 'count':
    case 'date':
      return '';
    case 'km':
    case 'mi':
    case 'm':
      return unit;
    default:
      return plural ? `${unit}s` : unit;
  }
}
