// The tooltip: a non-modal dialog attached to a passage, in the shadow root of the single host
// element Parallax adds to the page (appended to <html>, outside the article, created on first
// use). Positioned by @floating-ui/dom against the passage's range, and kept there while the
// page scrolls or resizes. Escape or a click outside closes it and focus goes back where it was.
//
// It always fits the viewport: it goes below the passage or above it, whichever has room, at
// most as tall as that room (and over the passage only when neither side has a useful height).
// What does not fit scrolls inside the dialog, under a header and above a footer that stay put;
// the footer then shows a fade and what is still below ("3 more outlets"), which scrolls on.
//
// The page must not be able to read, rewrite or press it: the shadow root is closed (the page's
// scripts get null for host.shadowRoot), and its buttons act only on the reader's own input
// (event.isTrusted), never on a click a script dispatched.
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { belowText, renderClaim, type Below } from './tooltip-content';
import { TOOLTIP_CSS } from './tooltip-styles';
import type { Passage } from './passages';

export const UI_HOST_TAG = 'parallax-ui';

export interface TooltipCallbacks {
  onClose(passage: Passage): void;
  onTurnOffSite(): void;
}

export interface Tooltip {
  open(passage: Passage, opts?: { focus?: boolean }): void;
  close(opts?: { restoreFocus?: boolean }): void;
  readonly current: Passage | null;
  /** Whether an event's path passes through Parallax's own UI. */
  contains(event: Event): boolean;
  isHost(node: Node): boolean;
  dispose(): void;
}

/** The <iframe> a range's document is shown in, when it is not the tooltip's own document. */
function frameOf(range: Range, doc: Document): HTMLIFrameElement | null {
  const rangeDoc = range.startContainer.ownerDocument;
  if (!rangeDoc || rangeDoc === doc) return null;
  try {
    return (rangeDoc.defaultView?.frameElement as HTMLIFrameElement | null) ?? null;
  } catch {
    return null;
  }
}

/** Moves a rect from a frame's viewport to the page's. */
function shifted(rect: DOMRect, frame: HTMLIFrameElement | null): DOMRect {
  if (!frame) return rect;
  const box = frame.getBoundingClientRect();
  return new DOMRect(rect.x + box.x + frame.clientLeft, rect.y + box.y + frame.clientTop, rect.width, rect.height);
}

function rangeReference(range: Range, doc: Document): VirtualElement {
  const frame = frameOf(range, doc);
  return {
    getBoundingClientRect: () => shifted(range.getBoundingClientRect(), frame),
    getClientRects: () => [...range.getClientRects()].map((rect) => shifted(rect, frame)),
    // Scrolling is followed through the page's own ancestors of the passage (or of its frame).
    contextElement: frame ?? range.startContainer.parentElement ?? undefined,
  };
}

/** The least height worth showing on one side of the passage; with less on both, it may cover the passage. */
const MIN_USEFUL_HEIGHT = 220;
const MAX_HEIGHT = 560;
const VIEWPORT_MARGIN = 8;

/** What of the dialog's content is below its visible part (above the footer). */
function measureBelow(box: HTMLElement, footer: HTMLElement): { below: Below; somethingBelow: boolean } {
  const fold = footer.getBoundingClientRect().top;
  const below: Below = { claims: 0, reports: 0 };
  for (const section of box.querySelectorAll<HTMLElement>('section.claim')) {
    if (section.getBoundingClientRect().top >= fold - 4) {
      below.claims += 1;
      continue;
    }
    // An outlet counts as below while its name is not in view (a quote cut short is "more below" too).
    for (const head of section.querySelectorAll('.report-head'))
      if (head.getBoundingClientRect().bottom > fold) below.reports += 1;
  }
  return { below, somethingBelow: box.scrollHeight - box.clientHeight - box.scrollTop > 2 };
}

/** A click handler for the tooltip's own buttons: the reader's clicks only. */
function trusted(handler: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) handler();
  };
}

export function createTooltip(doc: Document, callbacks: TooltipCallbacks): Tooltip {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let dialog: HTMLElement | null = null;
  let current: Passage | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let returnFocus: Element | null = null;
  let counter = 0;

  const ensureHost = (): ShadowRoot => {
    if (host && root && host.isConnected) return root;
    host = doc.createElement(UI_HOST_TAG);
    root = host.attachShadow({ mode: 'closed' });
    const sheet = new doc.defaultView!.CSSStyleSheet();
    sheet.replaceSync(TOOLTIP_CSS);
    root.adoptedStyleSheets = [sheet];
    doc.documentElement.append(host);
    return root;
  };

  const close = ({ restoreFocus = true } = {}): void => {
    const closing = current;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    dialog?.remove();
    dialog = null;
    current = null;
    if (restoreFocus && returnFocus instanceof HTMLElement && returnFocus.isConnected) {
      returnFocus.focus({ preventScroll: true });
    }
    returnFocus = null;
    if (closing) callbacks.onClose(closing);
  };

  const open = (passage: Passage, { focus = true } = {}): void => {
    const previousFocus = current ? returnFocus : doc.activeElement;
    if (current) close({ restoreFocus: false });
    const shadow = ensureHost();
    const titleId = `parallax-title-${++counter}`;
    const box = doc.createElement('div');
    box.className = 'tooltip';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-labelledby', titleId);
    // Read out on opening: the first fact's status and summary.
    box.setAttribute('aria-describedby', `${titleId}-claim-0-status ${titleId}-claim-0-summary`);
    // Focusable, and the element that scrolls: arrow keys and Page Down scroll it once it has focus.
    box.tabIndex = -1;

    const header = doc.createElement('header');
    const title = doc.createElement('h2');
    title.id = titleId;
    title.textContent =
      passage.claims.length > 1
        ? `How other outlets reported these ${passage.claims.length} facts`
        : 'How other outlets reported this';
    const closeButton = doc.createElement('button');
    closeButton.className = 'close';
    closeButton.type = 'button';
    closeButton.textContent = '×';
    closeButton.setAttribute('aria-label', 'Close');
    closeButton.addEventListener(
      'click',
      trusted(() => close()),
    );
    header.append(title, closeButton);
    box.append(header);

    const body = doc.createElement('div');
    body.className = 'body';
    passage.claims.forEach((claim, i) => body.append(renderClaim(doc, claim, `${titleId}-claim-${i}`)));
    box.append(body);

    const footer = doc.createElement('footer');
    // The cue that more follows: a fade over the last visible lines, and what is below.
    const more = doc.createElement('button');
    more.type = 'button';
    more.className = 'more-below';
    more.hidden = true;
    const moreText = doc.createElement('span');
    const moreArrow = doc.createElement('span');
    moreArrow.textContent = ' ↓';
    moreArrow.setAttribute('aria-hidden', 'true');
    more.append(moreText, moreArrow);
    more.addEventListener(
      'click',
      trusted(() => {
        const reduced = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
        const page = box.clientHeight - header.offsetHeight - footer.offsetHeight - 24;
        box.scrollBy({ top: Math.max(40, page), behavior: reduced ? 'auto' : 'smooth' });
      }),
    );
    footer.append(more);
    const turnOff = doc.createElement('button');
    turnOff.type = 'button';
    turnOff.className = 'turn-off';
    turnOff.textContent = 'Turn off on this site';
    turnOff.addEventListener(
      'click',
      trusted(() => {
        close();
        callbacks.onTurnOffSite();
      }),
    );
    footer.append(turnOff);
    box.append(footer);

    shadow.append(box);
    dialog = box;
    current = passage;
    returnFocus = previousFocus;

    const showBelow = (): void => {
      if (dialog !== box) return;
      const { below, somethingBelow } = measureBelow(box, footer);
      const text = belowText(below, somethingBelow);
      if (text === null && more.matches(':focus')) box.focus({ preventScroll: true });
      more.hidden = text === null;
      box.classList.toggle('scrolls-on', text !== null);
      if (text !== null && moreText.textContent !== text) moreText.textContent = text;
    };
    let belowPending = false;
    let measuredAt: string | null = null;
    box.addEventListener(
      'scroll',
      () => {
        if (belowPending) return;
        belowPending = true;
        doc.defaultView?.requestAnimationFrame(() => {
          belowPending = false;
          showBelow();
        });
      },
      { passive: true },
    );

    const reference = rangeReference(passage.range, doc);
    const place = (): void => {
      void computePosition(reference, box, {
        strategy: 'fixed',
        placement: 'bottom-start',
        // Placed against the passage's whole box (not one line), so the tooltip never covers the
        // rest of a passage that wraps.
        middleware: [
          offset(8),
          flip({ padding: VIEWPORT_MARGIN }),
          // The tooltip gets at most the room on its side of the passage (scrolling inside), so it
          // need not cover the passage it explains; with too little room on either side, a useful
          // height, and shift() below moves it over the passage, still inside the viewport.
          size({
            padding: VIEWPORT_MARGIN,
            apply({ availableHeight, elements }) {
              const viewport = doc.documentElement.clientHeight - 2 * VIEWPORT_MARGIN;
              const height = Math.min(MAX_HEIGHT, viewport, Math.max(availableHeight, MIN_USEFUL_HEIGHT));
              elements.floating.style.maxHeight = `${Math.max(0, Math.floor(height))}px`;
            },
          }),
          // crossAxis: when the passage scrolls out of view, the tooltip stays on screen at the edge.
          shift({ padding: VIEWPORT_MARGIN, crossAxis: true }),
        ],
      }).then(({ x, y }) => {
        if (dialog !== box) return;
        box.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        // What is below the fold changes with the size, not with the position (the page's
        // scrolling moves the tooltip on every frame: no layout reads for that).
        const shape = `${box.style.maxHeight} ${doc.documentElement.clientWidth}`;
        if (shape !== measuredAt) {
          measuredAt = shape;
          showBelow();
        }
      });
    };
    // A passage in a frame can scroll with the frame, which the page's ancestors do not see.
    stopAutoUpdate = autoUpdate(reference, box, place, { animationFrame: frameOf(passage.range, doc) !== null });
    if (focus) box.focus({ preventScroll: true });
  };

  return {
    open,
    close,
    get current() {
      return current;
    },
    contains(event) {
      return host !== null && event.composedPath().includes(host);
    },
    isHost(node) {
      return node === host;
    },
    dispose() {
      close({ restoreFocus: false });
      host?.remove();
      host = null;
      root = null;
    },
  };
}
