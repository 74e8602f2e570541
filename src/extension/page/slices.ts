// Long work on the page's main thread (reading a 5 MB page, sending its text) runs in slices: a
// slice stops when its time budget is spent and the work resumes in a later task, so the page's
// own scripts, input and rendering run in between. No slice of Parallax's should stall the page
// for more than a frame or two.

/** A slice's budget: short enough that the page stays responsive, long enough that yielding is rare. */
export const SLICE_BUDGET_MS = 8;

export interface Slicer {
  /** Whether the current slice has spent its budget (cheap: call it often). */
  spent(): boolean;
  /** Ends the current slice: resolves in a later task, with a fresh budget. */
  yield(): Promise<void>;
  /** Starts a fresh budget without yielding (at the start of work triggered by an event). */
  restart(): void;
}

/**
 * A new task, queued behind the tasks already waiting (the page's timers among them), and not
 * clamped to 4 ms like nested timers. Not scheduler.yield(): its continuation jumps ahead of the
 * page's own tasks, so a long extraction would starve the page's timers as surely as one block.
 */
function nextTask(view: typeof globalThis): Promise<void> {
  return new Promise((resolve) => {
    const channel = new view.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createSlicer(
  view: typeof globalThis = globalThis,
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => view.performance.now(),
): Slicer {
  let start = now();
  return {
    spent: () => now() - start >= budgetMs,
    async yield() {
      await nextTask(view);
      start = now();
    },
    restart() {
      start = now();
    },
  };
}

/** A slicer that never yields: the same code run to completion in one go (tests, linkedom). */
export const UNSLICED: Slicer = {
  spent: () => false,
  yield: () => Promise.resolve(),
  restart() {},
};

/**
 * Resolves once the page has rendered a frame after now, so its pending style and layout (a big
 * page's first) are done in the browser's own rendering, not inside Parallax's first slice. A
 * hidden tab renders nothing: then after `timeoutMs`.
 */
export function afterRendering(view: typeof globalThis, timeoutMs = 250): Promise<void> {
  return new Promise((resolve) => {
    const timer = view.setTimeout(resolve, timeoutMs);
    view.requestAnimationFrame(() => {
      // A frame's callbacks run before its style and layout; the next task runs after them.
      void nextTask(view).then(() => {
        view.clearTimeout(timer);
        resolve();
      });
    });
  });
}
