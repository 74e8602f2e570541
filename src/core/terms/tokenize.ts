// Splits text into the tokens terms are made of, over folded text (case, quotes, dashes,
// diacritics) with each token's range in the original, so that a match can be highlighted where
// the page wrote it.
import { foldText, originalRange } from '../text/fold';

export interface Token {
  kind: 'number' | 'abbreviation' | 'word';
  /**
   * Folded: a number's digits without separators ("4000"), an abbreviation's letters without
   * dots ("us"), a word without a possessive "'s" ("raqqa").
   */
  text: string;
  /** Range in the original text (a number's digits only; a possessive included). */
  start: number;
  end: number;
  /** A unit or suffix glued to a number ("6km", "12th"), folded, with its range. */
  suffix?: { text: string; start: number; end: number };
}

// A number with thousands separators or decimals, optionally glued to a unit ("6km"); an
// abbreviation with dots ("u.s."); or a word, possibly with an apostrophe ("raqqa's").
const TOKEN = /(\d+(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?)([a-z]+)?|[a-z](?:\.[a-z])+\.?|[a-z]+(?:'[a-z]+)?/g;

export function tokenize(original: string): Token[] {
  const folded = foldText(original);
  const range = (start: number, end: number) => originalRange(folded, original, start, end);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded.text); m !== null; m = TOKEN.exec(folded.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const digitsEnd = start + m[1].length;
      const digits = range(start, digitsEnd);
      const token: Token = { kind: 'number', text: m[1].replace(/,/g, ''), start: digits.start, end: digits.end };
      if (m[2] !== undefined) {
        const suffix = range(digitsEnd, end);
        token.suffix = { text: m[2], start: suffix.start, end: suffix.end };
      }
      tokens.push(token);
    } else {
      const at = range(start, end);
      const word = m[0];
      if (word.includes('.'))
        tokens.push({ kind: 'abbreviation', text: word.replace(/\./g, ''), start: at.start, end: at.end });
      else
        tokens.push({
          kind: 'word',
          text: word.endsWith("'s") ? word.slice(0, -2) : word,
          start: at.start,
          end: at.end,
        });
    }
  }
  return tokens;
}

const SENTENCE_OPENERS = new Set([
  '.',
  '!',
  '?',
  ':',
  '"',
  "'",
  '\u201C',
  '\u2018',
  '(',
  '-',
  '\u2013',
  '\u2014',
  '\u2022',
]);

/**
 * Whether original[start, end) is capitalised although it does not open a sentence: a name
 * (Raqqa, ISIS, Dillon), not a common word. In an all-capitals headline only an acronym counts.
 */
export function isCapitalisedName(original: string, start: number, end: number): boolean {
  const first = original.charCodeAt(start);
  if (!(first >= 65 && first <= 90)) return false;
  let k = start - 1;
  while (k >= 0 && (original[k] === ' ' || original[k] === '\u00A0')) k--;
  if (k < 0 || original[k] === '\n' || SENTENCE_OPENERS.has(original[k]!))
    return end - start > 1 && original.slice(start, end) === original.slice(start, end).toUpperCase();
  return true;
}
