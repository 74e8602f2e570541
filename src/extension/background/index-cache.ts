// The claim index of the reader's added packs, kept between service worker lives. Chrome stops an
// idle worker after about 30 s, and each new worker would index the packs again before answering
// the next page (with 50 added packs that is about half a second of a page's wait: npm run
// bench:packs). The index is kept in storage.session: in memory, for this browser session only,
// out of content scripts' reach, and cleared when Parallax is updated or reloaded, so a kept index
// never outlives the code that built it. Within the session it is keyed by a digest of the stored
// packs it was built from; the matcher refuses one built for other claims, and then it is rebuilt.
import { browser } from 'wxt/browser';
import type { Database } from '../../core/database/combine';
import { buildIndex } from '../../core/match/index-builder';
import { INDEX_FORMAT, type SerializedIndex } from '../../core/match/index-format';
import { DEFAULT_TUNING } from '../../core/match/tuning';
import type { PackBudget } from '../../core/database/pack-budget';

/** An index built before for the same packs, and where to keep a new one. */
export interface IndexCache {
  cached: SerializedIndex | null;
  save(index: SerializedIndex): void;
}

/** The index of these packs: the cached one when it was built for exactly these claims, else built (and saved). */
export function indexFor(database: Database, cache?: IndexCache, budget?: PackBudget): SerializedIndex {
  const cached = cache?.cached;
  if (
    cached &&
    cached.format === INDEX_FORMAT &&
    Array.isArray(cached.claims) &&
    cached.claims.length === database.claims.length &&
    cached.claims.every((id, i) => database.claims[i]!.id === id)
  ) {
    return cached;
  }
  const built = buildIndex(database, DEFAULT_TUNING, budget);
  cache?.save(built);
  return built;
}

const SESSION_KEY = 'addedPacksIndex';

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const NO_CACHE: IndexCache = { cached: null, save: () => undefined };

/**
 * The session's kept index for the packs `packsKey` stands for (their stored form). A kept index
 * of other packs, or none, gives `cached: null`; failures of session storage only cost a rebuild.
 */
export async function sessionIndexCache(packsKey: string): Promise<IndexCache> {
  const area = browser.storage?.session;
  if (!area) return NO_CACHE;
  try {
    const id = await digest(packsKey);
    const stored = (await area.get(SESSION_KEY))[SESSION_KEY] as { id?: unknown; index?: unknown } | undefined;
    const cached =
      stored && stored.id === id && typeof stored.index === 'object' && stored.index !== null
        ? (stored.index as SerializedIndex)
        : null;
    return { cached, save: (index) => void area.set({ [SESSION_KEY]: { id, index } }).catch(() => undefined) };
  } catch {
    return NO_CACHE;
  }
}

/** Forgets the kept index (no added pack left to index). */
export async function forgetSessionIndex(): Promise<void> {
  await browser.storage?.session?.remove(SESSION_KEY).catch(() => undefined);
}
