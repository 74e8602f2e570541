// Toolbar popup: this site's switch, this tab's highlights, the global switch, the options link.
import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type TabHighlights } from '../../src/extension/messaging/protocol';
import {
  disablingSite,
  getSettings,
  setGlobalEnabled,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '../../src/extension/settings/settings';
import { siteKey } from '../../src/extension/settings/site-key';
import {
  enableListKeys,
  findElements,
  markMoreBelow,
  renderPopup,
  type PopupState,
} from '../../src/extension/popup/popup-view';
import { targetTabId } from '../../src/extension/popup/target-tab';

const elements = findElements(document);
enableListKeys(elements.passages);
elements.passages.addEventListener('scroll', () => markMoreBelow(elements.passages), { passive: true });
let settings: Settings;
let tab: TabHighlights | null = null;
let error: string | undefined;
let tabId: number | undefined;

function render(): void {
  const coveredBy = tab ? disablingSite(settings, tab.host) : undefined;
  const state: PopupState = {
    tab,
    siteOff: coveredBy && tab ? { coveredBy, ownKey: siteKey(tab.host) } : undefined,
    globalEnabled: settings.enabled,
    error,
  };
  renderPopup(elements, state, focusHighlight);
}

async function fetchHighlights(): Promise<TabHighlights | null> {
  if (tabId === undefined) return null;
  try {
    return await sendMessage('listHighlights', undefined, { tabId, frameId: 0 });
  } catch {
    return null; // No content script there: a browser page, the web store, or not reloaded yet.
  }
}

// The content script reacts to a settings change on its own; re-ask a few times so the list
// follows it as highlights are cleared or matched again.
let refreshRun = 0;
async function refreshHighlights(): Promise<void> {
  const run = ++refreshRun;
  for (const wait of [0, 200, 600, 1500]) {
    await new Promise((done) => setTimeout(done, wait));
    if (run !== refreshRun) return;
    const next = await fetchHighlights();
    if (run !== refreshRun) return;
    if (next || !tab) tab = next;
    render();
  }
}

function focusHighlight(index: number): void {
  if (tabId === undefined) return;
  void sendMessage('focusHighlight', index, { tabId, frameId: 0 })
    .catch(() => undefined)
    .finally(() => window.close());
}

function saving(change: Promise<void>): void {
  error = undefined;
  change.catch((problem: unknown) => {
    error = problem instanceof Error ? problem.message : String(problem);
    render();
  });
}

elements.siteSwitch.addEventListener('change', () => {
  if (tab) saving(setSiteEnabled(tab.host, elements.siteSwitch.checked));
});
elements.globalSwitch.addEventListener('change', () => {
  saving(setGlobalEnabled(elements.globalSwitch.checked));
});
document.getElementById('options-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  void browser.runtime.openOptionsPage().then(() => window.close());
});

async function start(): Promise<void> {
  settings = await getSettings();
  tabId = await targetTabId(location.search, async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  });
  tab = await fetchHighlights();
  render();
  // Late content (infinite scroll, a slow paragraph) changes the tab's highlights while we are open.
  onMessage('highlightsChanged', async ({ data }) => {
    if (data !== tabId) return;
    const next = await fetchHighlights();
    if (next) tab = next;
    render();
  });
  watchSettings((next) => {
    settings = next;
    render();
    void refreshHighlights();
  });
}

void start();
