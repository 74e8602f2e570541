// The tooltip: a non-modal dialog anchored to a passage, in the shadow root of the single host
// element Parallax adds to the page (appended to <html>, outside the article, created on first
// use). Positioned by @floating-ui/dom against the passage's range, and kept there while the
// page scrolls or resizes. Escape or a click outside closes it and focus goes back where it was.
//
// The page must not be able to read, rewrite or press it: the shadow root is closed (the page's
// scripts get null for host.shadowRoot), and its buttons act only on the reader's own input
// (event.isTrusted), never on a click a script dispatched.
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { renderClaim } from './tooltip-content';
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
    box.tabIndex = -1;

    const header = doc.createElement('header');
    const title = doc.createElement('h2');
    title.id = titleId;
    title.textContent = passage.claims.length > 1 ? `How other outlets reported these ${passage.claims.length} facts` : 'How other outlets reported this';
    const closeButton = doc.createElement('button');
    closeButton.className = 'close';
    closeButton.type = 'button';
    closeButton.textContent = '×';
    closeButton.setAttribute('aria-label', 'Close');
    closeButton.addEventListener('click', trusted(() => close()));
    header.append(title, closeButton);
    box.append(header);

    for (const claim of passage.claims) box.append(renderClaim(doc, claim));

    const footer = doc.createElement('footer');
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

    const reference = rangeReference(passage.range, doc);
    const place = (): void => {
      void computePosition(reference, box, {
        strategy: 'fixed',
        placement: 'bottom-start',
        // Anchored to the passage's whole box (not one line), so the tooltip never covers the
        // rest of a passage that wraps.
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          // The tooltip gets at most the room on its side of the passage (scrolling inside), so
          // it never has to be pushed over the passage it explains.
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `${Math.max(160, Math.min(560, availableHeight))}px`;
            },
          }),
          // crossAxis: when the passage scrolls out of view, the tooltip stays on screen at the edge.
          shift({ padding: 8, crossAxis: true }),
        ],
      }).then(({ x, y }) => {
        if (dialog !== box) return;
        box.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
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
