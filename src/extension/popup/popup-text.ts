// The popup's words, kept apart from the DOM so they can be tested and read in one place.
import { STATUS_WORDS, statusWords } from '../../core/claim-view/words';
import { listOf, quotedExcerpt } from '../../core/english/lists';
import type { ClaimView } from '../../core/claim-view/types';
import type { HighlightSummary } from '../messaging/protocol';

/** The site list's verdict on this tab's site: off, and by which stored entry. */
export interface SiteOff {
  /** The stored key that turns it off: the site's own, or a parent domain's. */
  coveredBy: string;
  /** The site's own key. */
  ownKey: string;
}

/** What the live region says about this tab's highlights. */
export function countText(globalEnabled: boolean, siteOff: SiteOff | undefined, count: number): string {
  if (!globalEnabled) return 'Parallax is turned off on all sites.';
  if (siteOff) return 'Highlights are turned off on this site.';
  if (count === 0) return 'No passage on this page states a fact Parallax knows.';
  return count === 1 ? '1 passage highlighted on this tab' : `${count} passages highlighted on this tab`;
}

/** Why the site switch is off when a parent domain's entry covers it. */
export function coveredNote(siteOff: SiteOff | undefined): string | undefined {
  if (!siteOff || siteOff.coveredBy === siteOff.ownKey) return undefined;
  return `Off because ${siteOff.coveredBy} and its subdomains are turned off. Turning it on here turns ${siteOff.coveredBy} back on too.`;
}

/** Longest snippet of the passage's own text shown in the list (the rest is cut with "…"). */
export const SNIPPET_CHARS = 90;

/**
 * A highlight as the list shows it: the facts it states (each by its summary), its status in the
 * tooltip's words (see passageStatus; nothing to compare is never called agreement), and a snippet
 * of the passage as it reads on the page, so the reader knows which sentence they are going to
 * (two passages stating the same fact differ there).
 */
export function passageLabel(highlight: HighlightSummary): {
  summaries: string[];
  status: string;
  /** The passage's status: differ if the outlets differ on any of its facts, agree if on none but they agree on one. */
  tone: ClaimView['status'];
  snippet: string;
} {
  const { claims } = highlight;
  const tone = claims.some((c) => c.status === 'differ')
    ? 'differ'
    : claims.some((c) => c.status === 'agree')
      ? 'agree'
      : 'not-compared';
  return {
    summaries: claims.length > 0 ? claims.map((claim) => claim.summary) : [highlight.text],
    status: passageStatus(claims),
    tone,
    snippet: snippetOf(highlight.text),
  };
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * A passage's status. One fact: the tooltip's own headline ("Outlets differ on the figures"). Several:
 * how many, then the most telling status, counted in words: "2 facts: outlets differ on one (the
 * figures)", "3 facts: outlets agree on two" (the third has nothing to compare), "2 facts: outlets agree on both".
 */
export function passageStatus(claims: HighlightSummary['claims']): string {
  if (claims.length === 0) return STATUS_WORDS['not-compared'];
  if (claims.length === 1) return statusWords(claims[0]!.status, claims[0]!.differsOn);
  const total = claims.length;
  const of = (status: ClaimView['status']) => claims.filter((c) => c.status === status);
  /** "one", "two"; "both" or "all three" when it is every fact. */
  const howMany = (n: number) => (n < total ? numberWord(n) : total === 2 ? 'both' : `all ${numberWord(total)}`);
  const head = `${total} facts: `;
  const differing = of('differ');
  if (differing.length > 0) {
    const topics = [...new Set(differing.flatMap((c) => c.differsOn))];
    return `${head}${lowerFirst(STATUS_WORDS.differ)} on ${howMany(differing.length)}${topics.length > 0 ? ` (${listOf(topics)})` : ''}`;
  }
  // "Agree on one" of two leaves the other unnamed, never called agreement: short enough for one line.
  const agreeing = of('agree').length;
  if (agreeing === 0) return `${head}nothing to compare on ${total === 2 ? 'either' : 'any'}`;
  return `${head}${lowerFirst(STATUS_WORDS.agree)} on ${howMany(agreeing)}`;
}

/** The passage's text on one line, cut at a word near SNIPPET_CHARS, quoted by the one rule (core/english's quoted). */
export function snippetOf(text: string): string {
  return quotedExcerpt(text, SNIPPET_CHARS);
}

export const UNAVAILABLE_TEXT =
  'Parallax does not run on this page. It works on web pages (http and https); browser pages ' +
  'and the extension store are closed to extensions. If you just installed Parallax, reload the page.';
