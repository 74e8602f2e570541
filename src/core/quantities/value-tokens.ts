// Splits a value's words into tokens: digit groups ("4,000", "6"), words, and dashes, after the
// same folding as page text (case, curly quotes, dash styles). "6km" and "four-mile" come apart
// into a figure and a unit, which is what the reader needs.
import { foldText } from '../text/fold';

export function tokenize(words: string): string[] {
  return foldText(words).text.match(/\d[\d,]*(?:\.\d+)?|[a-z]+|-/g) ?? [];
}

export function isDigits(token: string | undefined): boolean {
  return token !== undefined && /^\d/.test(token);
}

export function isDash(token: string | undefined): boolean {
  return token === '-';
}
