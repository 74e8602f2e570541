// The terms the matcher compares for a text, shared by the build-time index builder and the
// run-time matcher so that a claim and a page passage are read the same way: the extracted terms
// plus a quantity term for each number.
import { MONTH_NAMES } from '../english/months';
import { extractTerms } from './extract-terms';
import type { Lexicon } from './lexicon';
import { stem } from './stem';

/** Quantity terms ("#truck") restate words already counted; they add evidence, not length. */
export function isQuantityTerm(term: string): boolean {
  return term[0] === '#';
}

/** Month names as extractTerms writes them (stemmed: "october" → "octob"). */
const MONTH_TERMS = new Set(MONTH_NAMES.map((month) => stem(month)));

/**
 * Adds a quantity term for each number: "#" + the word it counts (the next two terms: "50 trucks",
 * "4,000 ISIS fighters", "four-month battle") or the month it dates ("October 12", "12 October").
 * A sentence giving a count of trucks then meets a claim that counts trucks, whatever the number,
 * and a number alone ("13") carries no weight of its own beyond its own term.
 */
export function withQuantityTerms(terms: readonly string[]): string[] {
  const out = [...terms];
  for (let i = 0; i < terms.length; i++) {
    if (!/^\d/.test(terms[i]!)) continue;
    for (const j of [i - 1, i + 1, i + 2]) {
      const t = terms[j];
      if (t === undefined || /^\d/.test(t)) continue;
      if (j === i - 1 && !MONTH_TERMS.has(t)) continue;
      out.push('#' + t);
    }
  }
  return out;
}

/** The terms the matcher compares for a text: normalised words plus quantity terms. */
export function matchTerms(text: string, lexicon: Lexicon): string[] {
  return withQuantityTerms(extractTerms(text, lexicon).map((t) => t.term));
}
