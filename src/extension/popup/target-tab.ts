// Which tab the popup describes. Opened from the toolbar it is the active tab of the window the
// reader was in. Tests (and anyone debugging) open popup.html?tab=<id> in a tab of its own, where
// "the active tab" would be the popup itself, so an explicit id wins.

/** The tab id in `?tab=<id>`, if it is a plausible one. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

export async function targetTabId(
  search: string,
  activeTabId: () => Promise<number | undefined>,
): Promise<number | undefined> {
  return tabIdFromSearch(search) ?? (await activeTabId());
}
