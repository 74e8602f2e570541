import { showHighlightCount } from '../src/background/badge';
import { loadBundledMatching } from '../src/background/bundled-matching';
import { relayCommand } from '../src/background/commands';
import { createMatchingService } from '../src/background/matching-service';
import { installMeaningProbe } from '../src/meaning/probe';
import { isFromThisExtension, onMessage, sendMessage } from '../src/messaging/protocol';

// The service worker: matches pages for content scripts (database and index loaded once per
// worker, block scores cached), keeps the toolbar badge, and relays keyboard commands to the tab.
export default defineBackground(() => {
  const matching = createMatchingService(loadBundledMatching);
  const ownId = browser.runtime.id;

  onMessage('matchBlocks', ({ sender, data }) => {
    if (!isFromThisExtension(sender, ownId)) throw new Error('Refused: not from this extension');
    return matching.match(data.url, data.blocks);
  });

  onMessage('setHighlightCount', async ({ sender, data }) => {
    if (!isFromThisExtension(sender, ownId) || sender.tab?.id === undefined) return;
    await showHighlightCount(sender.tab.id, data);
    // An open popup lists the tab's passages; late content changes them. No popup: nobody listens.
    sendMessage('highlightsChanged', sender.tab.id).catch(() => undefined);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    void relayCommand(command, tab?.id);
  });

  // For the end-to-end tests and the demo: run a command as if its shortcut had been pressed
  // (synthetic key presses cannot reach the browser's shortcut handler in headless Chromium).
  (globalThis as { parallaxRunCommand?: typeof relayCommand }).parallaxRunCommand = relayCommand;
  // Matching by meaning, phase 1: the encoder can be loaded and timed here; the matcher does not use it yet.
  installMeaningProbe();
});
