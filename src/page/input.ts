// The reader's pointer, clicks and Escape, in the page's window and in each same-origin frame
// with passages. Only the reader's own input counts (event.isTrusted): a page that dispatches a
// click on a highlight opens nothing, and a synthetic pointer move costs no hit test.
//
// Listened for in the capture phase, so a page that stops events from bubbling cannot hide them;
// nothing is prevented, so the page's own handlers still run.
import { contain } from './contain-errors';
import { passageAt } from './hit-test';
import type { Lifetime } from './lifetime';
import type { Passage } from './passages';
import type { PointerCursor } from './pointer-cursor';

export interface InputDeps {
  lifetime: Lifetime;
  passages(): readonly Passage[];
  /** Whether highlights are drawn at all (without the Highlight API, plain text opens nothing). */
  drawn(): boolean;
  cursor: PointerCursor;
  /** Whether an event passed through Parallax's own UI. */
  inOwnUi(event: Event): boolean;
  open(passage: Passage): void;
  /** A click elsewhere, or Escape: close the tooltip if it is open. */
  dismiss(event: Event, how: 'click' | 'escape'): void;
}

/** The innermost element under the pointer (inside open shadow roots too). */
function elementOf(event: Event): Element | null {
  // By nodeType, not instanceof: a frame's nodes come from another window's Node.
  const first = event.composedPath()[0] as Node | undefined;
  if (!first || typeof first.nodeType !== 'number') return null;
  return first.nodeType === 1 ? (first as Element) : first.parentElement;
}

/** Starts listening in one window (the page's, or a frame's); stops when the lifetime ends. */
export function listenForInput(view: Window, deps: InputDeps): void {
  // view.document at each event: a frame's window outlives its initial about:blank document.
  const options = { capture: true, signal: deps.lifetime.signal };
  const on = <E extends Event>(type: string, label: string, handler: (event: E) => void, passive = false) =>
    view.addEventListener(
      type,
      deps.lifetime.guard(
        contain(label, (event: E) => {
          if (event.isTrusted) handler(event);
        }),
      ) as EventListener,
      { ...options, passive },
    );

  // Pointer: a hand over highlights, hit-tested once per animation frame. (The element is taken
  // while the event is dispatched: afterwards its path is empty.)
  let pendingMove: { x: number; y: number; element: Element | null } | null = null;
  on<PointerEvent>(
    'pointermove',
    'pointer move',
    (event) => {
      if (deps.passages().length === 0 || !deps.drawn()) return;
      if (pendingMove === null) {
        view.requestAnimationFrame(
          contain('pointer hit-test', () => {
            const move = pendingMove;
            pendingMove = null;
            if (!move) return;
            const over = move.element !== null && passageAt(view.document, deps.passages(), move.x, move.y) !== null;
            deps.cursor.showOn(over ? move.element : null);
          }),
        );
      }
      pendingMove = { x: event.clientX, y: event.clientY, element: deps.inOwnUi(event) ? null : elementOf(event) };
    },
    true,
  );

  // Click: open the passage's tooltip; a click anywhere else closes it. A highlight inside a link
  // stays a link (the page's navigation wins; the keyboard command or the popup opens the tooltip).
  on<MouseEvent>('click', 'click', (event) => {
    if (event.button !== 0 || deps.inOwnUi(event)) return;
    const hit = deps.passages().length > 0 && deps.drawn() ? passageAt(view.document, deps.passages(), event.clientX, event.clientY) : null;
    const inLink = elementOf(event)?.closest('a[href]') != null;
    const selecting = !(view.getSelection()?.isCollapsed ?? true);
    if (hit && !inLink && !selecting) deps.open(hit);
    else deps.dismiss(event, 'click');
  });

  on<KeyboardEvent>('keydown', 'keydown', (event) => {
    if (event.key === 'Escape') deps.dismiss(event, 'escape');
  });
}
