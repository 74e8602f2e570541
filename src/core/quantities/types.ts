// A value read from an outlet's own words, kept close to what the outlet printed.
import type { ValueKind, ValueMeasure } from './kinds';

/** The hedges an outlet puts on a figure ("almost 4,000", "just after 8pm"); kept so a reader sees them. */
export type Hedge =
  'about' | 'almost' | 'as many as' | 'more than' | 'fewer than' | 'only' | 'exactly' | 'just after' | 'just before';

/** The unit a figure is printed in. Counts have none; dates are calendar days, times minutes. */
export type Unit =
  | 'count'
  | 'km'
  | 'mi'
  | 'nmi'
  | 'm'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'year'
  | 'date'
  | 'time'
  | 'money';

/** What a unit measures; only figures of one dimension convert into each other. */
export type Dimension = 'count' | 'distance' | 'duration' | 'date';

export interface Interval {
  low: number;
  high: number;
}

/** A value as a pack states it: its kind, what it is of, the outlet's words, and for wordings the curator's. */
export interface ValueSpec {
  kind: ValueKind;
  of?: string | undefined;
  text: string;
  /** The curator's normalised wording (place, name, credit, stance). */
  value?: string | undefined;
  /** ISO 4217 code, for a sum of money whose words name no currency. */
  currency?: string | undefined;
}

interface ValueBase {
  kind: ValueKind;
  /** What the value is of ("fighters", "landing"), or null. */
  of: string | null;
  measure: ValueMeasure;
  /** The verbatim words the value was read from. */
  words: string;
}

/** A figure read from the outlet's words: a range of numbers in the measure's base unit. */
export interface FigureValue extends ValueBase {
  type: 'figure';
  /**
   * The figure's own words as the outlet wrote them, its hedge and unit with it, nothing more:
   * "almost 4,000" (from "almost 4,000 members of their families"), "four-mile", "Thousands".
   * What a reader is shown beside the outlet's name.
   */
  said: string;
  /** The hedge word(s) as printed ("as many as"), or null. */
  hedgeWords: string | null;
  hedge: Hedge | null;
  /** The words of the figure itself, lower-cased ("a dozen", "six to seven", "4,000"). */
  figureWords: string;
  /** The figure(s) as printed, in `unit` (a range "6 to 7" gives low 6, high 7). */
  stated: Interval;
  unit: Unit;
  /** ISO 4217 code of a sum of money; null for any other figure. */
  currency: string | null;
  /** A vague amount ("dozens", "a handful", "in his 60s") rather than a figure. */
  vague: boolean;
  /**
   * What the outlet's words allow, hedge applied, in the measure's base unit: counts, km, days,
   * years of age, days since 1970 for dates, minutes since midnight for times, the currency's unit.
   */
  range: Interval;
  /** How the value is written in a reason ("almost 50", "4 mi (6.4 km)", "19:41", "€250"). */
  display: string;
}

/** A fact stated in words: compared by the curator's normalised wording. */
export interface WordingValue extends ValueBase {
  type: 'wording';
  /** The curator's wording, as written ("the SDF"); shown in reasons. */
  wording: string;
  /** The wording folded for comparison: case, spacing and punctuation ignored. */
  key: string;
  display: string;
}

export type ReadValue = FigureValue | WordingValue;

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
