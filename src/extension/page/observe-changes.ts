// Notices content that arrives or changes after load (infinite scroll, late paragraphs, framework
// re-renders) in the document and in every other tree the page's text reaches: an observer of the
// document sees neither open shadow roots nor frames, so each is observed too. Each batch of
// records that concerns page text is handed on at once (the scanner decides what cannot wait);
// changes to Parallax's own host element are ignored.
export class ChangeWatch {
  private readonly observed = new WeakSet<Node>();
  private readonly observers: MutationObserver[] = [];

  constructor(
    private readonly isOwnUi: (node: Node) => boolean,
    private readonly onRecords: (records: MutationRecord[]) => void,
  ) {}

  /** Starts watching a document, shadow root or element (once per tree). */
  watch(tree: Node): void {
    if (this.observed.has(tree)) return;
    this.observed.add(tree);
    const view = (tree.ownerDocument ?? (tree as Document)).defaultView;
    if (!view) return;
    const observer = new view.MutationObserver((records) => {
      const relevant = records.filter((r) => this.relevant(r));
      if (relevant.length > 0) this.onRecords(relevant);
    });
    observer.observe(tree, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  stop(): void {
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
  }

  private relevant(record: MutationRecord): boolean {
    if (this.isOwnUi(record.target)) return false;
    if (record.type === 'childList') {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      return nodes.length > 0 && !nodes.every(this.isOwnUi);
    }
    return true;
  }
}

/**
 * Runs `work` once things have been quiet for `delayMs`, but at least every `maxWaitMs` while they
 * never are (a ticker), so a burst of changes costs one rescan.
 */
export function debounce(
  view: Window,
  work: () => void,
  delayMs: number,
  maxWaitMs: number,
): { schedule(): void; cancel(): void } {
  let timer: number | undefined;
  let firstAt = 0;
  const fire = () => {
    timer = undefined;
    work();
  };
  return {
    schedule() {
      const now = view.performance.now();
      if (timer === undefined) firstAt = now;
      else view.clearTimeout(timer);
      timer = view.setTimeout(fire, Math.max(0, Math.min(delayMs, maxWaitMs - (now - firstAt))));
    },
    cancel() {
      if (timer !== undefined) view.clearTimeout(timer);
      timer = undefined;
    },
  };
}
