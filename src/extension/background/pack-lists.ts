// The service worker's part in pack lists: it runs every list action (the options page asks for
// subscribing, updating, unsubscribing and answers by message; the alarms ask for scheduled
// updates), so that one list is never updated twice at once, and keeps the alarms in step with
// the subscriptions. Messages about lists are taken from the extension's own pages only, never
// from a content script. A change to the packs reaches open tabs as any change does
// (installed-packs.ts follows the stored packs).
import { browser } from 'wxt/browser';
import { listHostPattern } from '../../core/lists/list-address';
import type { ListSubscription } from '../../core/lists/subscription';
import { fetchListFile } from '../lists/fetch-list-file';
import { listOfAlarm, scheduleListUpdates } from '../lists/list-schedule';
import { listUpdates, type ListUpdates } from '../lists/list-updates';
import { sha256, webCryptoVerify } from '../lists/web-crypto';
import { onMessage } from '../messaging/protocol';
import { bundledPacks } from '../packs/bundled-packs';
import { forgetSlowPack } from '../packs/slow-packs';
import { readSubscriptions, updatePacksAndLists, watchSubscriptions } from '../packs/stored-packs';

/**
 * Gives back the leave to reach a list's site once no list subscribed to is on it. Browsers keep
 * it while Parallax may run on every https page anyway (its highlights), which covers the site;
 * they give it back when the reader limited Parallax to some sites.
 */
async function releaseSite(address: string, remaining: readonly ListSubscription[]): Promise<void> {
  const pattern = listHostPattern(address);
  if (remaining.some((list) => listHostPattern(list.address) === pattern)) return;
  await browser.permissions.remove({ origins: [pattern] });
}

/** Whether a message comes from one of the extension's own pages (the options page), not a content script. */
function fromExtensionPage(sender: { url?: string }): boolean {
  const own = new URL(browser.runtime.getURL('/')).origin;
  try {
    return sender.url !== undefined && new URL(sender.url).origin === own;
  } catch {
    return false;
  }
}

export function startPackLists(): ListUpdates {
  const updates = listUpdates({
    fetchFile: (url, maxBytes) => fetchListFile(url, maxBytes),
    verify: webCryptoVerify,
    sha256,
    bundled: bundledPacks,
    readLists: readSubscriptions,
    updateStored: updatePacksAndLists,
    releaseSite,
    // A pack fetched anew (even a corrected file of the same version) is tried again at once.
    packsChanged: async (ids) => {
      for (const id of ids) await forgetSlowPack(id);
    },
    now: () => new Date(),
  });

  // Registered at once: an alarm is what wakes a stopped worker (or a suspended event page).
  browser.alarms.onAlarm.addListener((alarm) => {
    const address = listOfAlarm(alarm.name);
    if (address !== null) void updates.update(address);
  });

  const refused = (type: string) => new Error(`Refused ${type}: lists are changed from the options page only`);
  onMessage('subscribeList', async ({ sender, data }) => {
    if (!fromExtensionPage(sender)) throw refused('subscribeList');
    // The options page asked the reader first; a list whose site they did not allow is not fetched.
    if (!(await browser.permissions.contains({ origins: [listHostPattern(data.address)] }))) {
      return { ok: false, title: null, error: `you did not allow Parallax to reach ${new URL(data.address).host}` };
    }
    return updates.subscribe(data.address);
  });
  onMessage('updateList', ({ sender, data }) => {
    if (!fromExtensionPage(sender)) throw refused('updateList');
    return updates.update(data.address);
  });
  onMessage('unsubscribeList', ({ sender, data }) => {
    if (!fromExtensionPage(sender)) throw refused('unsubscribeList');
    return updates.unsubscribe(data.address);
  });
  onMessage('answerList', ({ sender, data }) => {
    if (!fromExtensionPage(sender)) throw refused('answerList');
    return updates.answer(data.address, data.answer);
  });

  const reschedule = () =>
    readSubscriptions()
      .then((lists) => scheduleListUpdates(lists, browser.alarms))
      .catch((error: unknown) => console.warn('[Parallax] Could not schedule the pack lists’ updates.', error));
  watchSubscriptions(() => void reschedule());
  void reschedule();
  return updates;
}
