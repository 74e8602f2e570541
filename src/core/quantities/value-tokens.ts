// Splits a value's words into tokens: digit groups ("4,000", "6"), words, and dashes, after the
// same folding as page text (case, curly quotes, dash styles). "6km" and "four-mile" come apart
// into a figure and a unit, which is what the reader needs.
import { foldText, originalRange } from '../text/fold';

// A figure's thousands commas are its own; a comma after it ("12, 2017", "250, along with") is not.
const TOKEN = /\d(?:[\d,]*\d)?(?:\.\d+)?|[a-z]+|-/g;

export function tokenize(words: string): string[] {
  return foldText(words).text.match(TOKEN) ?? [];
}

/** The tokens of `tokenize`, each with where it stands in the words as written. */
export interface TokenSpans {
  tokens: string[];
  /** Offsets in the original words of each token's first character and one past its last. */
  starts: number[];
  ends: number[];
}

export function tokenSpans(words: string): TokenSpans {
  const folded = foldText(words);
  const spans: TokenSpans = { tokens: [], starts: [], ends: [] };
  for (const match of folded.text.matchAll(TOKEN)) {
    const at = originalRange(folded, words, match.index, match.index + match[0].length);
    spans.tokens.push(match[0]);
    spans.starts.push(at.start);
    spans.ends.push(at.end);
  }
  return spans;
}

/** The words as written from token `first` to token `last` (inclusive). */
export function wordsBetween(words: string, spans: TokenSpans, first: number, last: number): string {
  return words.slice(spans.starts[first], spans.ends[last]);
}

export function isDigits(token: string | undefined): boolean {
  return token !== undefined && /^\d/.test(token);
}

export function isDash(token: string | undefined): boolean {
  return token === '-';
}
