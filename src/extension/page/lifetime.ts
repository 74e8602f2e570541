// How long this content script may act on the page. It ends for one reason only: the extension
// that injected it is gone (reloaded, updated or removed), which the browser shows by taking
// `browser.runtime.id` away from the orphaned script. That cannot be forged by the page.
//
// WXT's ContentScriptContext is not used for this: it also ends when a "newer content script
// started" event with the extension's id in its name is dispatched on the document, and it
// announces that name to every page with window.postMessage, so any page could end it.
import { browser } from 'wxt/browser';

export interface Lifetime {
  /** Aborted when the lifetime ends: pass it to addEventListener to remove listeners with it. */
  readonly signal: AbortSignal;
  /** Whether the extension is still there; ends the lifetime (once) when it is not. */
  alive(): boolean;
  /**
   * Runs `cleanup` when the lifetime ends. Cleanups run one by one and a failing one does not stop
   * the others (an orphaned script's extension APIs throw "Extension context invalidated").
   */
  onEnd(cleanup: () => void): void;
  /**
   * Wraps an event handler: it runs only while the extension is there. Every listener Parallax
   * puts on the page goes through it, so an orphaned script notices at the first event and stops.
   */
  guard<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void;
}

export function createLifetime(runtime: () => { id?: string } | undefined = () => browser.runtime): Lifetime {
  const controller = new AbortController();
  const alive = (): boolean => {
    if (controller.signal.aborted) return false;
    let id: string | undefined;
    try {
      id = runtime()?.id;
    } catch {
      id = undefined; // Firefox throws on access to a dead extension's APIs
    }
    if (id) return true;
    controller.abort();
    return false;
  };
  return {
    signal: controller.signal,
    alive,
    onEnd(cleanup) {
      const quietly = (): void => {
        try {
          cleanup();
        } catch {
          // The extension is gone; there is nobody to report to.
        }
      };
      if (controller.signal.aborted) quietly();
      else controller.signal.addEventListener('abort', quietly, { once: true });
    },
    guard(handler) {
      return (...args) => {
        if (alive()) handler(...args);
      };
    },
  };
}
