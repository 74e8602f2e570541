// The service worker's matching follows the reader's packs. It is built from the bundled packs
// and the installed ones switched on, as stored, and built again whenever the stored packs change
// (a story added, switched on or off, or removed, in the options page or another window); then
// every open tab is told to match its page again, so the change shows without a reload.
//
// A new build starts with no page sessions: their block scores came from the old packs. A content
// script whose session is gone is asked to resend its text (see page-sessions), so open tabs need
// nothing but the message to catch up.
import { browser } from 'wxt/browser';
import type { PackStore, SlowPack } from '../../core/database/pack-store';
import { notifyTab } from '../messaging/protocol';
import { readSlowPacks, recordSlowPack } from '../packs/slow-packs';
import { readPackStore } from '../packs/stored-packs';
import { loadMatcher } from './load-matcher';
import { forgetSessionIndex, sessionIndexCache, type IndexCache } from './index-cache';
import { createMatchingService, type MatchingService } from './matching-service';
import type { MeaningService } from '../meaning/meaning-service';
import { PageSessions } from './page-sessions';

/** What the worker matches pages with: the service and the pages' sessions scored by it. */
export interface PackMatching {
  matching: MatchingService;
  sessions: PageSessions;
}

/**
 * Matching over these packs (`packsKey` is their stored form). The packs are loaded and indexed
 * on the first page, not here; the index of added packs is kept for the browser session, and so
 * is which packs took too long to prepare (left out at once after that, and listed in the options
 * page).
 */
export async function buildPackMatching(
  store: PackStore,
  packsKey: string,
  meaning: MeaningService | null = null,
): Promise<PackMatching> {
  let cache: IndexCache | undefined;
  if (store.installed.length > 0) cache = await sessionIndexCache(packsKey);
  else await forgetSessionIndex();
  const slow = store.installed.length > 0 ? await readSlowPacks() : [];
  const watch = { slow, onSlow: (pack: SlowPack) => void recordSlowPack(pack) };
  const matching = createMatchingService(() => loadMatcher(store, cache, watch), meaning);
  return { matching, sessions: new PageSessions(matching.score) };
}

/** Tells every open tab's content script that the packs changed; tabs without one are skipped. */
export async function tellOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : notifyTab(tab.id, 'packsChanged'))));
}

export interface StoredPacksDeps {
  readStore(): Promise<PackStore>;
  build(store: PackStore, packsKey: string): Promise<PackMatching>;
  tellTabs(): Promise<void>;
}

export interface FollowedPacks {
  /** Matching over the packs as last read from storage. */
  current(): Promise<PackMatching>;
  /** Reads the stored packs again, rebuilds if they differ, and tells the open tabs. */
  storeChanged(): Promise<void>;
}

export function followStoredPacks(
  deps: StoredPacksDeps = { readStore: readPackStore, build: buildPackMatching, tellTabs: tellOpenTabs },
): FollowedPacks {
  let built: { key: string; value: PackMatching } | null = null;
  let latest: Promise<PackMatching> | null = null;
  const load = async (): Promise<PackMatching> => {
    const store = await deps.readStore();
    // The same packs (a write that changed nothing, or the change that woke this worker, already
    // read at start): keep the sessions and the block cache.
    const key = JSON.stringify(store);
    if (built?.key !== key) built = { key, value: await deps.build(store, key) };
    return built.value;
  };
  // Reads run one after another, so an older read can never replace a newer one.
  const reload = (): Promise<PackMatching> => (latest = (latest ?? Promise.resolve()).then(load, load));
  return {
    current: () => latest ?? reload(),
    async storeChanged() {
      await reload();
      // Always: tabs matched by a worker that has since stopped hold the packs it had.
      await deps.tellTabs();
    },
  };
}
