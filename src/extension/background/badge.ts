// The toolbar badge: how many passages are highlighted on the tab (empty when none).
import { browser } from 'wxt/browser';

export async function showHighlightCount(tabId: number, count: number): Promise<void> {
  const text = count > 0 ? String(count) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: '#2b5fb4' });
}
