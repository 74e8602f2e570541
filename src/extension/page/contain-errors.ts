// A hostile or broken page must never break the page or the extension: every handler Parallax
// attaches to the page runs through `contain`, which reports a failure as a warning and returns.
export function contain<A extends unknown[]>(label: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => warn(label, error));
    } catch (error) {
      warn(label, error);
    }
  };
}

function warn(label: string, error: unknown): void {
  console.warn(`[Parallax] ${label} failed:`, error);
}
