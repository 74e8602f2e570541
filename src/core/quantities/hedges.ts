// The hedges outlets put on figures, and how far each lets the true value stray from the figure.
// The widths are a curator's reading of ordinary English, documented in docs/claim-database.md;
// they decide whether "almost 4,000" agrees with 3,750 (it does) or 13 with "a dozen" (it does not).
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

/** How a hedge widens the figure(s) an outlet printed into the values its words allow. */
export function applyHedge(hedge: Hedge | null, stated: Interval): Interval {
  switch (hedge) {
    case 'about':
      return { low: stated.low * 0.9, high: stated.high * 1.1 };
    case 'almost':
      return { low: stated.low * 0.9, high: stated.high };
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
