import { showHighlightCount } from '../src/extension/background/badge';
import { relayCommand } from '../src/extension/background/commands';
import { buildPackMatching, followStoredPacks, tellOpenTabs } from '../src/extension/background/installed-packs';
import { startPackLists } from '../src/extension/background/pack-lists';
import { installTestHooks } from '../src/extension/background/test-hooks';
import { createMeaningService } from '../src/extension/meaning/meaning-service';
import { loadExtensionMeaning } from '../src/extension/meaning/extension-encoder';
import { onMessage, sendMessage } from '../src/extension/messaging/protocol';
import { readPackStore, watchPackStore } from '../src/extension/packs/stored-packs';
import { repairStoredSettings, watchStoredVersions } from '../src/extension/settings/stored-versions';

// The service worker: matches pages for content scripts (the claim packs and their index loaded
// once per worker, block scores cached, each page's text held while it is open; by words at once,
// then by meaning, the model loaded when a page first needs it), keeps the toolbar badge, relays
// keyboard commands to the tab, updates the pack lists the reader subscribes to, and repairs stored
// settings' version numbers.
export default defineBackground(() => {
  // One sentence encoder per worker, whatever the packs: its sentence cache outlives a rebuild.
  const meaning = createMeaningService(loadExtensionMeaning);
  // The bundled packs and the reader's installed ones; rebuilt, and open tabs re-matched, when the
  // stored packs change.
  const packs = followStoredPacks({
    readStore: readPackStore,
    build: (store, key) => buildPackMatching(store, key, meaning),
    tellTabs: tellOpenTabs,
  });
  watchPackStore(() => {
    packs
      .storeChanged()
      .catch((error: unknown) => console.warn('[Parallax] Could not tell open tabs that the stories changed.', error));
  });
  const frameOf = (sender: { tab?: { id?: number }; frameId?: number }) =>
    `${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}`;

  onMessage('spliceBlocks', async ({ sender, data }) => (await packs.current()).sessions.splice(frameOf(sender), data));
  onMessage('matchSession', async ({ sender, data }) => {
    const { sessions, matching } = await packs.current();
    const blocks = sessions.blocks(frameOf(sender), data.session, data.version);
    return blocks ? matching.decide(data.url, blocks, data.published) : { resync: true };
  });
  onMessage('matchMeaning', async ({ sender, data }) => {
    const { sessions, matching } = await packs.current();
    const blocks = sessions.blocks(frameOf(sender), data.session, data.version);
    // A copy: the session may move on while the model runs; the answer is for the version asked.
    return blocks ? await matching.decideWithMeaning(data.url, [...blocks], data.published) : { resync: true };
  });
  browser.tabs.onRemoved.addListener((tabId) => void packs.current().then(({ sessions }) => sessions.dropTab(tabId)));

  onMessage('setHighlightCount', async ({ sender, data }) => {
    if (sender.tab?.id === undefined) return;
    await showHighlightCount(sender.tab.id, data);
    // An open popup lists the tab's passages; late content changes them. No popup: nobody listens.
    sendMessage('highlightsChanged', sender.tab.id).catch(() => undefined);
  });

  // Pack lists: subscribed to in the options page, updated on their schedule (browser alarms).
  startPackLists();

  browser.commands.onCommand.addListener((command, tab) => {
    void relayCommand(command, tab?.id);
  });

  // Version numbers in sync storage can arrive corrupt (a hand edit, another machine): repaired at
  // start and whenever one changes, so no page ever runs a migration.
  void repairStoredSettings();
  watchStoredVersions(() => void repairStoredSettings());

  // Only in the build for the end-to-end tests (npm run build:test); a constant, so production
  // builds drop the branch and the hooks' module.
  if (import.meta.env.PARALLAX_TEST_HOOKS) installTestHooks(meaning);
});
