// What the rest of the extension asks of the page: the popup lists the tab's passages and opens
// one; the keyboard command moves to the next or previous one; the toolbar badge shows how many
// there are; the service worker says when the reader's claim packs changed. (Messages come only from the extension itself: see messaging/protocol.)
import { differingTopics } from '../../core/claim-view/words';
import { onMessage, sendMessage, type Direction, type TabHighlights } from '../messaging/protocol';
import { stepIndex } from './keyboard-navigation';
import type { Passage } from './passages';

export interface PopupBridgeDeps {
  passages(): readonly Passage[];
  active(): boolean;
  /** The passage whose tooltip is open, or the last one visited. */
  current(): number | null;
  open(passage: Passage, opts: { scroll: boolean }): void;
  /** Match the page again: the packs it was matched against changed. */
  rematch(): void;
}

/** Answers the popup and the keyboard command; returns a function that stops answering. */
export function answerExtension(deps: PopupBridgeDeps): () => void {
  const navigate = (direction: Direction): void => {
    const passages = deps.passages();
    const next = stepIndex(deps.current(), passages.length, direction);
    if (next !== null) deps.open(passages[next]!, { scroll: true });
  };
  const stops = [
    onMessage('listHighlights', (): TabHighlights => ({
      host: location.hostname,
      active: deps.active(),
      highlights: deps.passages().map((p) => ({
        index: p.index,
        text: p.text,
        claims: p.claims.map((c) => ({
          id: c.id,
          summary: c.summary,
          status: c.status,
          differsOn: differingTopics(c),
        })),
      })),
    })),
    onMessage('focusHighlight', ({ data }) => {
      const passage = deps.passages()[data];
      if (passage) deps.open(passage, { scroll: true });
    }),
    onMessage('navigateHighlight', ({ data }) => navigate(data)),
    onMessage('packsChanged', () => deps.rematch()),
  ];
  return () => stops.forEach((stop) => stop());
}

/** The toolbar badge: tells the service worker the count when it changes. */
export function createBadge(): { show(count: number): void } {
  let shown = -1;
  return {
    show(count) {
      if (count === shown) return;
      shown = count;
      sendMessage('setHighlightCount', count).catch(() => {});
    },
  };
}
