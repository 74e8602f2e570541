// Reads one figure starting at a token: digits with thousands commas ("3,500"), number words
// ("ten", "twenty-four", "a hundred"), dozens ("a dozen", "two dozen"), or a vague amount
// ("dozens", "a few dozen", "hundreds", "a handful") which stands for a range of counts.
import { DOZEN, MULTIPLIERS, NUMBERS_UNDER_TWENTY, TENS } from '../english/numbers';
import { nauticalMile, NAUTICAL, unitForWord } from './units';
import { isDash, isDigits } from './value-tokens';
import type { Interval } from './types';

/**
 * Vague amounts and the counts they allow. Readers hear "dozens" as more than two dozen and fewer
 * than a hundred, "a handful" as a few up to about nine; see docs/claim-database.md.
 */
const VAGUE: ReadonlyArray<[string[], Interval]> = (
  [
    ['a few dozen', { low: 24, high: 60 }],
    ['few dozen', { low: 24, high: 60 }],
    ['several dozen', { low: 24, high: 99 }],
    ['dozens', { low: 24, high: 99 }],
    ['a few hundred', { low: 200, high: 500 }],
    ['several hundred', { low: 200, high: 999 }],
    ['hundreds', { low: 200, high: 999 }],
    ['a few thousand', { low: 2_000, high: 5_000 }],
    ['several thousand', { low: 2_000, high: 9_999 }],
    ['tens of thousands', { low: 20_000, high: 99_999 }],
    ['thousands', { low: 2_000, high: 9_999 }],
    ['a handful', { low: 2, high: 9 }],
    ['handful', { low: 2, high: 9 }],
    ['a couple', { low: 2, high: 3 }],
    ['a few', { low: 2, high: 5 }],
    ['several', { low: 3, high: 9 }],
  ] as Array<[string, Interval]>
)
  .map(([phrase, range]): [string[], Interval] => [phrase.split(' '), range])
  .sort((a, b) => b[0].length - a[0].length);

export interface ReadFigure {
  interval: Interval;
  vague: boolean;
  /** Index of the first token after the figure. */
  end: number;
}

export function readFigureAt(tokens: readonly string[], start: number): ReadFigure | null {
  for (const [phrase, range] of VAGUE) {
    if (phrase.every((w, i) => tokens[start + i] === w)) {
      return { interval: { ...range }, vague: true, end: start + phrase.length };
    }
  }
  const exact = readExactAt(tokens, start);
  return exact && { interval: { low: exact.value, high: exact.value }, vague: false, end: exact.end };
}

function readExactAt(tokens: readonly string[], start: number): { value: number; end: number } | null {
  const first = tokens[start];
  if (first === undefined) return null;
  if (isDigits(first)) {
    if (first.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(first)) return null;
    let value = Number(first.replace(/,/g, ''));
    let end = start + 1;
    const next = tokens[end];
    const multiplier = next === 'dozen' ? DOZEN : MULTIPLIERS.get(next ?? '');
    if (multiplier !== undefined) {
      value *= multiplier;
      end += 1;
    }
    return Number.isFinite(value) ? { value, end } : null;
  }
  // "a dozen", "a hundred", "a thousand", "half a dozen", "an hour", "half an hour"
  const isArticle = (t: string | undefined): boolean => t === 'a' || t === 'an';
  if (first === 'half' && isArticle(tokens[start + 1])) {
    if (tokens[start + 2] === 'dozen') return { value: DOZEN / 2, end: start + 3 };
    if (namesUnit(tokens, start + 2)) return { value: 0.5, end: start + 2 };
  }
  if (isArticle(first)) {
    const next = tokens[start + 1];
    if (namesUnit(tokens, start + 1)) return { value: 1, end: start + 1 };
    if (first === 'an') return null;
    if (next === 'dozen') return { value: DOZEN, end: start + 2 };
    if (MULTIPLIERS.has(next ?? '')) {
      return readWordsAt(['one', ...tokens.slice(start + 1)], 0, start);
    }
    return null;
  }
  return readWordsAt(tokens, start, 0);
}

/** Number words: "four", "twenty-four", "two hundred and fifty", "three thousand five hundred". */
function readWordsAt(tokens: readonly string[], start: number, offset: number): { value: number; end: number } | null {
  let total = 0;
  let current = 0;
  let i = start;
  let read = false;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    const small = NUMBERS_UNDER_TWENTY.get(token);
    const tens = TENS.get(token);
    const multiplier = MULTIPLIERS.get(token);
    if (small !== undefined) {
      current += small;
    } else if (tens !== undefined) {
      current += tens;
      // "twenty-four"
      const unit = isDash(tokens[i + 1]) ? NUMBERS_UNDER_TWENTY.get(tokens[i + 2] ?? '') : undefined;
      if (unit !== undefined) {
        current += unit;
        i += 2;
      }
    } else if (token === 'hundred' && read) {
      // "two hundred": multiplies the words before it, which a larger scale may multiply again.
      current = (current || 1) * 100;
    } else if (multiplier !== undefined && read) {
      // "three thousand five hundred": a scale closes a group.
      total += (current || 1) * multiplier;
      current = 0;
    } else if (token === 'dozen' && read) {
      current *= DOZEN;
    } else if (token === 'and' && read && MULTIPLIERS.has(tokens[i - 1] ?? '') && isNumberWord(tokens[i + 1])) {
      // "two hundred and fifty"
    } else {
      break;
    }
    read = true;
    i += 1;
  }
  return read ? { value: total + current, end: i + offset } : null;
}

function isNumberWord(token: string | undefined): boolean {
  return token !== undefined && (NUMBERS_UNDER_TWENTY.has(token) || TENS.has(token));
}

/** Whether tokens[at] starts a unit ("hour", "nautical miles"): "an hour" is one hour. */
function namesUnit(tokens: readonly string[], at: number): boolean {
  const token = tokens[at];
  if (token === undefined) return false;
  return unitForWord(token) !== null || (token === NAUTICAL && nauticalMile(tokens[at + 1]) !== null);
}
