// Lists, plurals and quotations as English prose writes them, for every place that words a claim
// for a reader (tooltip, popup, options page, command-line tools).

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Plurals English forms otherwise, and nouns already plural or the same in both. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['person', 'people'],
  ['man', 'men'],
  ['woman', 'women'],
  ['child', 'children'],
  ['foot', 'feet'],
  ...[
    'people',
    'children',
    'men',
    'women',
    'police',
    'staff',
    'crew',
    'personnel',
    'cattle',
    'sheep',
    'aircraft',
    'media',
    'data',
  ].map((w): [string, string] => [w, w]),
]);

/** A noun's plural ("boy" → "boys", "family" → "families", "bus" → "buses"); a noun already plural as it is. */
export function plural(noun: string): string {
  const lower = noun.toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(lower);
  if (irregular !== undefined)
    return noun === lower ? irregular : irregular.charAt(0).toUpperCase() + irregular.slice(1);
  if (/[^su]s$/i.test(noun) || noun.length < 2) return noun;
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** Opening and closing quotation marks, straight and curly (and the low „ that opens German quotes). */
const OPENING_MARK = /^["'“”‘’„«»]/;

/**
 * The one rule for quoting a passage or a quote, in the tooltip, the popup, the options page and
 * the command line: in curly double quotation marks, unless it already opens with a quotation
 * mark of its own (“Our intention was…,” he said.), whose marks then say it is quoted (a second
 * mark beside them reads as a slip: ““Our). One that only ends with a mark is quoted: its
 * opening mark is outside the passage, and without one a reader cannot see where it starts.
 */
export function quoted(text: string): string {
  return OPENING_MARK.test(text) ? text : `“${text}”`;
}

/** A passage on one line, cut at a word near `maxChars` with "…", quoted by the rule of `quoted`. */
export function quotedExcerpt(text: string, maxChars: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const own = OPENING_MARK.test(line);
  let body = line;
  if (line.length > maxChars) {
    const cut = line.slice(0, maxChars);
    const space = cut.lastIndexOf(' ');
    body = `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return own ? body : `“${body}”`;
}
