// A value read from an outlet's own words, kept close to what the outlet printed.
import type { QuantityKind } from './kinds';

/** The hedges an outlet puts on a figure ("almost 4,000"); kept so a reader sees them. */
export type Hedge =
  | 'about'
  | 'almost'
  | 'as many as'
  | 'more than'
  | 'fewer than'
  | 'only'
  | 'exactly';

/** The unit a value is printed in. Counts have none; dates are calendar days. */
export type Unit = 'count' | 'km' | 'mi' | 'm' | 'day' | 'week' | 'month' | 'year' | 'hour' | 'date';

/** What a unit measures; only values of the same dimension can be compared. */
export type Dimension = 'count' | 'distance' | 'duration' | 'date';

export interface Interval {
  low: number;
  high: number;
}

export interface ReadValue {
  kind: QuantityKind;
  /** The verbatim words the value was read from. */
  words: string;
  /** The hedge word(s) as printed ("as many as"), or null. */
  hedgeWords: string | null;
  hedge: Hedge | null;
  /** The words of the figure itself, lower-cased ("a dozen", "six to seven", "4,000"). */
  figureWords: string;
  /** The figure(s) as printed, in `unit` (a range "6 to 7" gives low 6, high 7). */
  stated: Interval;
  unit: Unit;
  /** A vague amount ("dozens", "a handful") rather than a figure. */
  vague: boolean;
  /** What the outlet's words allow, hedge applied, in the dimension's base unit (km, days, counts). */
  range: Interval;
}

/** A value that cannot be read; the message names the words. */
export class UnreadableValueError extends Error {
  constructor(
    readonly words: string,
    reason: string,
  ) {
    super(`cannot read a value from "${words}": ${reason}`);
    this.name = 'UnreadableValueError';
  }
}
