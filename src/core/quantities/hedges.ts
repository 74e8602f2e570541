// The hedges outlets put on figures, and how far each lets the true value stray from the figure.
// The widths are a curator's reading of ordinary English, documented in docs/claim-database.md;
// they decide whether "almost 4,000" agrees with 3,750 (it does) or 13 with "a dozen" (it does not).
import type { ValueMeasure } from './kinds';
import type { Hedge, Interval } from './types';

/** Hedge phrases, as lower-case word sequences, each mapped to its meaning. Longest match wins. */
const HEDGE_PHRASES: ReadonlyArray<[string[], Hedge]> = (
  [
    ['as many as', 'as many as'],
    ['as much as', 'as many as'],
    ['as long as', 'as many as'],
    ['up to', 'as many as'],
    ['almost', 'almost'],
    ['nearly', 'almost'],
    ['just under', 'almost'],
    ['close to', 'almost'],
    ['about', 'about'],
    ['around', 'about'],
    ['approximately', 'about'],
    ['roughly', 'about'],
    ['some', 'about'],
    ['an estimated', 'about'],
    ['more than', 'more than'],
    ['over', 'more than'],
    ['at least', 'more than'],
    ['upwards of', 'more than'],
    ['fewer than', 'fewer than'],
    ['less than', 'fewer than'],
    ['under', 'fewer than'],
    ['just after', 'just after'],
    ['shortly after', 'just after'],
    ['soon after', 'just after'],
    ['just before', 'just before'],
    ['shortly before', 'just before'],
    ['until at least', 'more than'],
    ['only', 'only'],
    ['just', 'only'],
    ['exactly', 'exactly'],
  ] as Array<[string, Hedge]>
)
  .map(([phrase, hedge]): [string[], Hedge] => [phrase.split(' '), hedge])
  .sort((a, b) => b[0].length - a[0].length);

/** The hedge whose words end exactly at `end` in `words` (the words just before a figure). */
export function hedgeEndingAt(words: readonly string[], end: number): { hedge: Hedge; start: number } | null {
  for (const [phrase, hedge] of HEDGE_PHRASES) {
    const start = end - phrase.length;
    if (start < 0) continue;
    if (phrase.every((w, i) => words[start + i] === w)) return { hedge, start };
  }
  return null;
}

/** Hedges written after the figure: "until Thursday at the earliest", "200 or more". */
const TRAILING_HEDGES: ReadonlyArray<[string[], Hedge]> = (
  [
    ['at the earliest', 'more than'],
    ['or more', 'more than'],
    ['or later', 'more than'],
    ['at the latest', 'fewer than'],
    ['or less', 'fewer than'],
    ['or so', 'about'],
  ] as Array<[string, Hedge]>
).map(([phrase, hedge]): [string[], Hedge] => [phrase.split(' '), hedge]);

/** The hedge whose words start exactly at `start` in `words` (the words just after a figure). */
export function hedgeStartingAt(words: readonly string[], start: number): { hedge: Hedge; end: number } | null {
  for (const [phrase, hedge] of TRAILING_HEDGES) {
    if (phrase.every((w, i) => words[start + i] === w)) return { hedge, end: start + phrase.length };
  }
  return null;
}

/**
 * How far a hedge lets a time of day (minutes) or a date (days) stray: "about 7.40pm" is a quarter
 * of an hour either side, "about October 12" a day. Other figures stray in proportion.
 */
const FIXED_SLACK: Partial<Record<ValueMeasure, number>> = { time: 15, date: 1 };

/** How a hedge widens the figure(s) an outlet printed into the values its words allow. */
export function applyHedge(hedge: Hedge | null, stated: Interval, measure: ValueMeasure = 'count'): Interval {
  const slack = FIXED_SLACK[measure];
  if (slack !== undefined) {
    switch (hedge) {
      case 'about':
        return { low: stated.low - slack, high: stated.high + slack };
      case 'almost':
      case 'as many as':
      case 'just before':
        return { low: stated.low - slack, high: stated.high };
      case 'just after':
        return { low: stated.low, high: stated.high + slack };
      case 'more than':
        return { low: stated.low, high: Infinity };
      case 'fewer than':
        return { low: -Infinity, high: stated.high };
      default:
        return { ...stated };
    }
  }
  switch (hedge) {
    case 'about':
      return { low: stated.low * 0.9, high: stated.high * 1.1 };
    case 'almost':
    case 'just before':
      return { low: stated.low * 0.9, high: stated.high };
    case 'just after':
      return { low: stated.low, high: stated.high * 1.1 };
    case 'as many as':
      return { low: stated.low * 0.75, high: stated.high };
    case 'more than':
      return { low: stated.low, high: Infinity };
    case 'fewer than':
      return { low: 0, high: stated.high };
    default:
      return { ...stated };
  }
}
