// Messages between the extension's own parts (content script, service worker, popup).
// Every handler must check that `sender.id === browser.runtime.id`: only the extension itself may talk.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageMatches } from '../core/match/types';
import type { ClaimView } from '../core/claim-view/types';

/** One highlighted passage as the popup lists it. */
export interface HighlightSummary {
  /** Position in reading order; `focusHighlight` takes it back. */
  index: number;
  text: string;
  claims: { id: string; summary: string; status: ClaimView['status'] }[];
}

export interface TabHighlights {
  host: string;
  /** False when the reader turned Parallax off here or everywhere. */
  active: boolean;
  highlights: HighlightSummary[];
}

interface ProtocolMap {
  /** content → background: match the page's blocks; claim views leave out the page's outlet. */
  matchBlocks(data: { url: string; blocks: string[] }): {
    page: PageMatches;
    claims: Record<string, ClaimView>;
  };
  /** content → background: how many passages are highlighted, for the toolbar badge. */
  setHighlightCount(count: number): void;
  /** popup → content (tab): the tab's highlights. */
  listHighlights(): TabHighlights;
  /** popup → content (tab): scroll to a highlight and open its tooltip. */
  focusHighlight(index: number): void;
  /** background → extension pages (an open popup): the highlights of tab `tabId` changed. */
  highlightsChanged(tabId: number): void;
  /** background → content (tab): a keyboard command; move to the next/previous highlight and open it. */
  navigateHighlight(direction: 'next' | 'previous'): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Only the extension itself may talk to its parts; a message from anywhere else is refused. */
export function isFromThisExtension(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}
