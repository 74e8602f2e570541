// Splits a value's words into lower-case tokens: digit groups ("4,000", "6"), words, and dashes.
// "6km" and "four-mile" come apart into a figure and a unit, which is what the reader needs.

export function tokenize(words: string): string[] {
  const normalised = words.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  return normalised.match(/\d[\d,]*(?:\.\d+)?|[a-z]+|[-\u2010-\u2015]/g) ?? [];
}

export function isDigits(token: string | undefined): boolean {
  return token !== undefined && /^\d/.test(token);
}

export function isDash(token: string | undefined): boolean {
  return token !== undefined && /^[-\u2010-\u2015]$/.test(token);
}
