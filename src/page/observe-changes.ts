// Notices content that arrives or changes after load (infinite scroll, late paragraphs, framework
// re-renders) and asks for a rescan once the page has been quiet for a moment, so a burst of
// mutations costs one rescan, handed all the records of the burst. Mutations of Parallax's own
// host element are ignored.
export const RESCAN_DEBOUNCE_MS = 200;
/** A page that never stops changing (a ticker) still gets rescanned this often. */
export const RESCAN_MAX_WAIT_MS = 1000;

export function observeChanges(
  doc: Document,
  isOwnUi: (node: Node) => boolean,
  onChange: (records: MutationRecord[]) => void,
  delayMs = RESCAN_DEBOUNCE_MS,
  maxWaitMs = RESCAN_MAX_WAIT_MS,
): () => void {
  const view = doc.defaultView!;
  let timer: number | undefined;
  let pending: MutationRecord[] = [];
  let firstPendingAt = 0;
  const flush = (): void => {
    if (timer !== undefined) view.clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    onChange(batch);
  };
  const relevant = (record: MutationRecord): boolean => {
    if (isOwnUi(record.target)) return false;
    if (record.type === 'childList') {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      return nodes.length > 0 && !nodes.every(isOwnUi);
    }
    return true;
  };
  const observer = new view.MutationObserver((records) => {
    const mine = records.filter(relevant);
    if (mine.length === 0) return;
    if (pending.length === 0) firstPendingAt = view.performance.now();
    pending.push(...mine);
    if (timer !== undefined) view.clearTimeout(timer);
    const waited = view.performance.now() - firstPendingAt;
    timer = view.setTimeout(flush, Math.max(0, Math.min(delayMs, maxWaitMs - waited)));
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  };
}
