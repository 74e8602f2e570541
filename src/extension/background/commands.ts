// Keyboard commands (manifest `commands`): next / previous highlight. The service worker receives
// them and relays them to the active tab's content script, which moves and opens the tooltip.
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { Direction } from '../messaging/protocol';

export const COMMAND_DIRECTIONS: Readonly<Record<string, Direction>> = {
  'next-highlight': 'next',
  'previous-highlight': 'previous',
};

/** Relays a command to a tab (the active tab of the focused window when none is given). */
export async function relayCommand(command: string, tabId?: number): Promise<boolean> {
  const direction = COMMAND_DIRECTIONS[command];
  if (!direction) return false;
  const target = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (target === undefined) return false;
  try {
    await sendMessage('navigateHighlight', direction, target);
    return true;
  } catch {
    // No content script in that tab (a browser page, or Parallax is off there): nothing to move.
    return false;
  }
}
