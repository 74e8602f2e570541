// Messages between the extension's own parts (content script, service worker, popup): their types
// live here, below every layer that sends or receives them, and so does the one sender check.
import {
  defineExtensionMessaging,
  type ExtensionMessage,
  type GetReturnType,
  type Message,
  type MaybePromise,
} from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { PageMatches } from '../../core/match/types';
import type { ClaimView } from '../../core/claim-view/types';
import type { ListActionResult, ListAnswer } from '../../core/lists/list-update';

/**
 * Matching by meaning for one answer: 'none', no model runs for this page (it names no known
 * story, or the model is unavailable); 'pending', sentences await the model: ask `matchMeaning`
 * for the fuller answer; 'done', every sentence that needs meaning was weighed by it.
 */
export type MeaningState = 'none' | 'pending' | 'done';

/** What the service worker answers for a page: its matches, and the claims they state as the tooltip shows them. */
export interface MatchResult {
  page: PageMatches;
  /** Claim views leave out the page's own outlet. */
  claims: Record<string, ClaimView>;
  /**
   * A claim as one passage states it, where the passage's own values ("This page") make it differ
   * from `claims`' view: by `passageClaimKey(match index, claim id)`. Absent: none.
   */
  passageClaims?: Record<string, ClaimView>;
  /** Absent: 'none'. */
  meaning?: MeaningState;
}

/** The key of `MatchResult.passageClaims` for the claim `claimId` of match `match` (its index in `page.matches`). */
export const passageClaimKey = (match: number, claimId: string): string => `${match}\u0000${claimId}`;

/** The view of a claim as the passage of match `match` states it. */
export function claimViewFor(
  result: Pick<MatchResult, 'claims' | 'passageClaims'>,
  match: number,
  claimId: string,
): ClaimView | undefined {
  return result.passageClaims?.[passageClaimKey(match, claimId)] ?? result.claims[claimId];
}

/** A keyboard command's way through the highlights. */
export type Direction = 'next' | 'previous';

/** One highlighted passage as the popup lists it. */
export interface HighlightSummary {
  /** Position in reading order; `focusHighlight` takes it back. */
  index: number;
  text: string;
  /** `differsOn`: what the outlets differ on, in the tooltip's words ("the figures"); empty unless they differ. */
  claims: { id: string; summary: string; status: ClaimView['status']; differsOn: string[] }[];
}

export interface TabHighlights {
  host: string;
  /** False when the reader turned Parallax off here or everywhere. */
  active: boolean;
  highlights: HighlightSummary[];
}

/**
 * One step of streaming a page's block texts to the service worker: replace `deleteCount` blocks
 * at `start` of version `base` of the session's list with `insert`, making version `version`.
 * A page's text goes as a series of these, each bounded (see page/block-stream.ts), so no message
 * is large; after the first, only what changed is sent.
 */
export interface BlockSplice {
  /** A content script's (one page's) stream; a new page load starts a new session. */
  session: string;
  base: number;
  version: number;
  start: number;
  deleteCount: number;
  insert: string[];
}

/**
 * Bounds on the text streamed to the service worker, which refuses anything past them. No message
 * carries more than `spliceChars` characters (a few milliseconds to serialise); a block longer
 * than `blockChars` is matched on its start; a page is read up to `pageChars` characters (a long
 * article has 50,000; a 5 MB page of 20,000 paragraphs fits).
 */
export interface BlockStreamLimits {
  readonly spliceChars: number;
  readonly spliceBlocks: number;
  readonly blockChars: number;
  readonly pageChars: number;
}

export const BLOCK_STREAM_LIMITS: BlockStreamLimits = Object.freeze({
  spliceChars: 64_000,
  spliceBlocks: 2_000,
  blockChars: 64_000,
  pageChars: 8_000_000,
});

/** The service worker does not hold the version a message builds on (it restarted, or evicted it): send the whole list again. */
export interface Resync {
  resync: true;
}

/** Match a session's blocks at `version`: the page's address, and its own date where it states one (YYYY-MM-DD). */
export interface PageMatchRequest {
  session: string;
  version: number;
  url: string;
  published?: string | null;
}

interface ProtocolMap {
  /** content → background: a step of the page's block texts (see BlockSplice). */
  spliceBlocks(data: BlockSplice): { ok: true } | Resync;
  /** content → background: match the session's blocks as they are at `version` (at once: by words, and by meaning where already known). */
  matchSession(data: PageMatchRequest): MatchResult | Resync;
  /** content → background: the same, after the model has weighed every sentence that needs it (slower; asked only after a 'pending' answer). */
  matchMeaning(data: PageMatchRequest): MatchResult | Resync;
  /** content → background: how many passages are highlighted, for the toolbar badge. */
  setHighlightCount(count: number): void;
  /** popup → content (tab): the tab's highlights. */
  listHighlights(): TabHighlights;
  /** popup → content (tab): scroll to a highlight and open its tooltip. */
  focusHighlight(index: number): void;
  /** background → extension pages (an open popup): the highlights of tab `tabId` changed. */
  highlightsChanged(tabId: number): void;
  /** background → content (tab): a keyboard command; move to the next/previous highlight and open it. */
  navigateHighlight(direction: Direction): void;
  /** background → content (tab): the reader's claim packs changed (added, switched, removed); match the page again. */
  packsChanged(): void;
  /** options → background: subscribe to the pack list at this https address (the page got the host permission first). */
  subscribeList(data: { address: string }): ListActionResult;
  /** options → background: update a list subscribed to, now. */
  updateList(data: { address: string }): ListActionResult;
  /** options → background: unsubscribe; the list's packs go. */
  unsubscribeList(data: { address: string }): ListActionResult;
  /** options → background: the reader's answer to a list's question (a new key, a newer version of their own story). */
  answerList(data: { address: string; answer: ListAnswer }): ListActionResult;
}

export type MessageType = keyof ProtocolMap;
export type ReceivedMessage<T extends MessageType> = Message<ProtocolMap, T> & ExtensionMessage;

const messaging = defineExtensionMessaging<ProtocolMap>();

export const sendMessage = messaging.sendMessage;

/** Messages a tab's content scripts take without an answer. */
type Notice = Extract<MessageType, 'packsChanged'>;

/**
 * Tells a tab's content scripts something they need not answer; false when the tab has none (a
 * browser page, a page opened before Parallax was installed). sendMessage to such a tab leaves the
 * browser's error unread, which Chromium then reports as an unchecked error on every broadcast;
 * the promise API reads it. The message has @webext-core/messaging's form (a type and a
 * timestamp), so the content script's onMessage handles it like any other.
 */
export async function notifyTab(tabId: number, type: Notice): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, { id: 0, type, data: undefined, timestamp: Date.now() });
    return true;
  } catch {
    return false;
  }
}

/** Only the extension itself may talk to its parts; a message from anywhere else is refused. */
export function isFromThisExtension(sender: { id?: string }, ownId: string | undefined): boolean {
  return ownId !== undefined && sender.id === ownId;
}

/**
 * Listens for one message type. Every handler goes through here, so every one refuses a message
 * that does not come from this extension (the refusal reaches the sender as an error).
 */
export function onMessage<T extends MessageType>(
  type: T,
  handler: (message: ReceivedMessage<T>) => void | MaybePromise<GetReturnType<ProtocolMap[T]>>,
): () => void {
  return messaging.onMessage(type, (message) => {
    if (!isFromThisExtension(message.sender, browser.runtime?.id))
      throw new Error(`Refused ${type}: not from this extension`);
    return handler(message);
  });
}
