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
import { createPointerCursor } from './pointer-cursor';
import type { Tooltip } from './tooltip';

export interface InputDeps {
  lifetime: Lifetime;
  passages(): readonly Passage[];
  /** Whether highlights are drawn at all (without the Highlight API, plain text opens nothing). */
  drawn: boolean;
  tooltip: Pick<Tooltip, 'contains' | 'current' | 'close'>;
  open(passage: Passage): void;
}

export interface Input {
  /** Listens in a document's window (once per window; a frame's window outlives its first document). */
  listenIn(doc: Document): void;
}

/** The innermost element an event is on (inside open shadow roots too). */
function elementOf(event: Event): Element | null {
  // By nodeType, not instanceof: a frame's nodes come from another window's Node.
  const first = event.composedPath()[0] as Node | undefined;
  if (!first || typeof first.nodeType !== 'number') return null;
  return first.nodeType === 1 ? (first as Element) : first.parentElement;
}

export function createInput(deps: InputDeps): Input {
  const cursor = createPointerCursor();
  const listening = new WeakSet<Window>();
  deps.lifetime.onEnd(() => cursor.showOn(null));

  const listen = (view: Window): void => {
    const on = <E extends Event>(type: string, label: string, handler: (event: E) => void, passive = false): void =>
      view.addEventListener(
        type,
        deps.lifetime.guard(
          contain(label, (event: E) => {
            if (event.isTrusted) handler(event);
          }),
        ) as EventListener,
        { capture: true, passive, signal: deps.lifetime.signal },
      );
    // view.document at each event: a frame's window outlives its initial about:blank document.
    const passageUnder = (x: number, y: number) =>
      deps.passages().length > 0 && deps.drawn ? passageAt(view.document, deps.passages(), x, y) : null;

    // Pointer: a hand over highlights, hit-tested once per animation frame. (The element is taken
    // while the event is dispatched: afterwards its path is empty.)
    let pendingMove: { x: number; y: number; element: Element | null } | null = null;
    const hitTest = contain('pointer hit-test', () => {
      const move = pendingMove;
      pendingMove = null;
      if (move) cursor.showOn(move.element && passageUnder(move.x, move.y) ? move.element : null);
    });
    on<PointerEvent>(
      'pointermove',
      'pointer move',
      (event) => {
        if (deps.passages().length === 0 || !deps.drawn) return;
        if (pendingMove === null) view.requestAnimationFrame(hitTest);
        pendingMove = {
          x: event.clientX,
          y: event.clientY,
          element: deps.tooltip.contains(event) ? null : elementOf(event),
        };
      },
      true,
    );

    // Click: open the passage's tooltip; a click anywhere else closes it. A highlight inside a
    // link stays a link (the page's navigation wins; the keyboard command or the popup opens it).
    on<MouseEvent>('click', 'click', (event) => {
      if (event.button !== 0 || deps.tooltip.contains(event)) return;
      const hit = passageUnder(event.clientX, event.clientY);
      const inLink = elementOf(event)?.closest('a[href]') != null;
      const selecting = !(view.getSelection()?.isCollapsed ?? true);
      if (hit && !inLink && !selecting) deps.open(hit);
      else if (deps.tooltip.current) deps.tooltip.close({ restoreFocus: false });
    });

    // Escape closes the tooltip, and focus goes back where it was; the page does not also see
    // an Escape meant for the tooltip.
    on<KeyboardEvent>('keydown', 'keydown', (event) => {
      if (event.key !== 'Escape' || !deps.tooltip.current) return;
      const inside = deps.tooltip.contains(event);
      deps.tooltip.close();
      if (inside) event.stopPropagation();
    });
  };

  return {
    listenIn(doc) {
      const view = doc.defaultView;
      if (!view || listening.has(view)) return;
      listening.add(view);
      listen(view);
    },
  };
}
