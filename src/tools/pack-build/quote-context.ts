// A quote's prefix and suffix, as a W3C TextQuoteSelector has them: the text right before and
// right after it in the article, up to 32 characters, so the quote is found again at its place
// even when its words occur twice.

/** How much context a pack keeps on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export function quoteContext(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair (an emoji) in half: the half would not be text.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
