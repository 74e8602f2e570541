// Finds an outlet's verbatim quote at its exact place in the page (a W3C TextQuoteSelector: quote,
// prefix, suffix). Pages and captured articles differ in whitespace, quote styles and case, so
// both sides are folded and whitespace runs squeezed before comparing; prefix and suffix pick
// the right one when the quote occurs more than once.
import { foldText } from '../text/fold';

export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
}

interface Comparable {
  text: string;
  /** Original offset of each comparable character. */
  offsets: number[];
}

function comparable(original: string): Comparable {
  const folded = foldText(original);
  const chars: string[] = [];
  const offsets: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < folded.text.length; i++) {
    const ch = folded.text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
      pendingSpace = chars.length > 0;
      continue;
    }
    if (pendingSpace) {
      chars.push(' ');
      offsets.push(folded.offsets[i]! - 1);
      pendingSpace = false;
    }
    chars.push(ch);
    offsets.push(folded.offsets[i]!);
  }
  return { text: chars.join(''), offsets };
}

/** Characters that agree going outward from the quote: how well the context fits. */
function contextFit(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let fit = 0;
  for (let k = 1; k <= prefix.length && start - k >= 0; k++) {
    if (text[start - k] !== prefix[prefix.length - k]) break;
    fit++;
  }
  for (let k = 0; k < suffix.length && end + k < text.length; k++) {
    if (text[end + k] !== suffix[k]) break;
    fit++;
  }
  return fit;
}

/** A selector folded like the page, so a quote anchored on many pages is folded once. */
export interface PreparedSelector {
  prepared: { quote: string; prefix: string; suffix: string };
}

export function prepareSelector(selector: QuoteSelector): PreparedSelector {
  return {
    prepared: {
      quote: comparable(selector.quote).text,
      prefix: comparable(selector.prefix).text,
      suffix: comparable(selector.suffix).text,
    },
  };
}

/** A prepared page text, so several quotes can be anchored without folding the page each time. */
export class QuoteAnchorer {
  private readonly page: Comparable;

  constructor(private readonly original: string) {
    this.page = comparable(original);
  }

  /** The quote's range in the original text, or null when the page does not contain it. */
  anchor(selector: QuoteSelector | PreparedSelector): { start: number; end: number } | null {
    const { quote, prefix, suffix } = ('prepared' in selector ? selector : prepareSelector(selector)).prepared;
    if (quote.length === 0) return null;
    const text = this.page.text;
    let bestStart = -1;
    let bestFit = -1;
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      // A space is squeezed out at the edges of prefix and suffix; allow for it.
      const fit =
        contextFit(text, at, at + quote.length, prefix.length ? prefix + ' ' : '', suffix.length ? ' ' + suffix : '') +
        contextFit(text, at, at + quote.length, prefix, suffix);
      if (fit > bestFit) {
        bestFit = fit;
        bestStart = at;
      }
    }
    if (bestStart < 0) return null;
    const start = this.page.offsets[bestStart]!;
    const end = this.page.offsets[bestStart + quote.length - 1]! + 1;
    return { start, end: Math.min(end, this.original.length) };
  }
}
