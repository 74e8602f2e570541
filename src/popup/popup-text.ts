// The popup's words, kept apart from the DOM so they can be tested and read in one place.
import { STATUS_WORDS } from '../core/claim-view/words';
import type { ClaimView } from '../core/claim-view/types';
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
 * A highlight as the list shows it: the facts it states (each by its summary), whether the outlets
 * differ on them, agree, or give nothing to compare (in the tooltip's words; never called
 * agreement), and a snippet of the passage as it reads on the page, so the reader knows which
 * sentence they are going to.
 */
export function passageLabel(highlight: HighlightSummary): {
  facts: string[];
  status: string;
  /** The passage's status: differ if the outlets differ on any of its facts, agree if on none but they agree on one. */
  tone: ClaimView['status'];
  snippet: string;
} {
  const count = (status: ClaimView['status']) => highlight.claims.filter((claim) => claim.status === status).length;
  const differing = count('differ');
  const agreeing = count('agree');
  const total = highlight.claims.length;
  const tone = differing > 0 ? 'differ' : agreeing > 0 ? 'agree' : 'not-compared';
  const some = (n: number) => (total > 1 && n < total ? ` on ${n} of ${total}` : '');
  return {
    facts: total > 0 ? highlight.claims.map((claim) => claim.summary) : [highlight.text],
    status: tone === 'differ' ? `${STATUS_WORDS.differ}${some(differing)}` : tone === 'agree' ? `${STATUS_WORDS.agree}${some(agreeing)}` : STATUS_WORDS['not-compared'],
    tone,
    snippet: snippetOf(highlight.text),
  };
}

/** The passage's text on one line, cut at a word near SNIPPET_CHARS, in quotation marks. */
export function snippetOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SNIPPET_CHARS) return `“${line}”`;
  const cut = line.slice(0, SNIPPET_CHARS);
  const space = cut.lastIndexOf(' ');
  return `“${(space > SNIPPET_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…”`;
}

export const UNAVAILABLE_TEXT =
  'Parallax does not run on this page. It works on web pages (http and https); browser pages ' +
  'and the extension store are closed to extensions. If you just installed Parallax, reload the page.';
