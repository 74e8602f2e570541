// English number words, the one table both readers use: term extraction writes "ten" as 10 so it
// meets "10", and value reading works out "two hundred and fifty" for a comparison. Maps, not
// object literals, so that a word such as "constructor" is never taken for a number.

/** Number words below twenty. */
export const NUMBERS_UNDER_TWENTY: ReadonlyMap<string, number> = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((word, n) => [word, n]),
);

export const TENS: ReadonlyMap<string, number> = new Map(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, i) => [word, 20 + 10 * i]),
);

/** Words that multiply the number before them: "four thousand" is 4,000, as "4,000" is. */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
]);

/** "a dozen buses", "two dozen". */
export const DOZEN = 12;

/** The value of one number word ("ten", "forty", "thousand", "dozen"), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return (
    NUMBERS_UNDER_TWENTY.get(word) ?? TENS.get(word) ?? MULTIPLIERS.get(word) ?? (word === 'dozen' ? DOZEN : undefined)
  );
}
