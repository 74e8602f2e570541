// The popup's words, kept apart from the DOM so they can be tested and read in one place.
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

/**
 * A highlight as the list shows it: its first claim's summary (a passage stating several facts
 * would otherwise fill the popup), how many more it states, and whether the outlets differ.
 */
export function passageLabel(highlight: HighlightSummary): {
  summary: string;
  more: string | undefined;
  differs: boolean;
} {
  const [first, ...rest] = highlight.claims;
  return {
    summary: first?.summary ?? highlight.text,
    more: rest.length === 0 ? undefined : rest.length === 1 ? 'and 1 more fact' : `and ${rest.length} more facts`,
    differs: highlight.claims.some((claim) => claim.status === 'differ'),
  };
}

export const UNAVAILABLE_TEXT =
  'Parallax does not run on this page. It works on web pages (http and https); browser pages ' +
  'and the extension store are closed to extensions. If you just installed Parallax, reload the page.';
