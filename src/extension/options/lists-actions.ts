// The lists section's actions: the subscriptions and packs as stored (src/extension/packs/
// stored-packs.ts), the browser's permission prompt for a list's site, and the service worker for
// everything that fetches or changes a list (background/pack-lists.ts), by message.
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { readPackStore, readSubscriptions, watchPacksAndLists } from '../packs/stored-packs';
import type { ListActions } from './lists-section';

export function storedListActions(): ListActions {
  return {
    read: async () => {
      const [lists, store] = await Promise.all([readSubscriptions(), readPackStore()]);
      return { lists, store };
    },
    requestSite: (pattern) => browser.permissions.request({ origins: [pattern] }),
    subscribe: (address) => sendMessage('subscribeList', { address }),
    update: (address) => sendMessage('updateList', { address }),
    unsubscribe: (address) => sendMessage('unsubscribeList', { address }),
    answer: (address, answer) => sendMessage('answerList', { address, answer }),
    watch: watchPacksAndLists,
    now: () => new Date(),
  };
}
