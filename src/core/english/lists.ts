// Lists and quotations as English prose writes them, for every place that words a claim for a
// reader (tooltip, popup, command-line tools).

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Opening and closing quotation marks, straight and curly (and the low „ that opens German quotes). */
const QUOTE_MARKS = /^["'“”‘’„«»]|["'“”‘’«»]$/;

/** The text in double quotes, unless it already starts or ends with a quotation mark of its own. */
export function quoted(text: string): string {
  return QUOTE_MARKS.test(text) ? text : `"${text}"`;
}
