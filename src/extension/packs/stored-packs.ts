// The reader's claim packs as the browser keeps them: the packs they installed (from files, or
// from the pack lists they subscribe to), the packs (bundled or installed) they switched off, and
// their list subscriptions. All live in the browser's local extension storage, not sync: a pack
// can weigh megabytes, far past sync's quotas, and it stays on this machine through restarts. The
// rules (validate, install, replace, switch, remove; a list's update) are the pure functions of
// core/database/pack-store and core/lists; this module only reads, writes and watches. A list's
// update changes packs and subscription in one write, so neither is ever half-written.
//
// What is read back is judged before anything uses it, as settings are: storage can hold values
// from another build, a hand edit or a damaged profile. An entry that cannot be a pack at all is
// dropped (and left out of the next write); a pack that no longer passes the checks is kept, for
// mergePacks to leave out and the options page to offer to remove. Nothing is logged for a value
// handled here; only a storage failure is a warning.
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  EMPTY_PACK_STORE,
  installPackFile,
  removePack,
  setPackEnabled,
  type InstallResult,
  type InstalledPack,
  type PackStore,
} from '../../core/database/pack-store';
import type { Pack } from '../../core/database/schema';
import type { ListSubscription } from '../../core/lists/subscription';
import { forgetSlowPack } from './slow-packs';
import { parseSubscriptions } from './stored-lists';

const INSTALLED_KEY = 'installedPacks';
const DISABLED_KEY = 'disabledPacks';
const LISTS_KEY = 'packLists';

/** The installed packs, as `{ pack, installedAt }` entries in the order they were added. */
const installedItem = storage.defineItem<unknown>(`local:${INSTALLED_KEY}`, { fallback: [] });
/** Ids of the packs the reader switched off. */
const disabledItem = storage.defineItem<unknown>(`local:${DISABLED_KEY}`, { fallback: [] });
/** The pack lists the reader subscribes to (core/lists/subscription). */
const listsItem = storage.defineItem<unknown>(`local:${LISTS_KEY}`, { fallback: [] });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pure: the stored values as a PackStore. An installed entry needs an object `pack` with a
 * non-empty string `id` (without one it cannot be named, listed or removed); the first entry of an
 * id wins. Switched-off ids are the strings in the stored list. Anything else is left out.
 */
export function parsePackStore(installed: unknown, disabled: unknown): PackStore {
  const seen = new Set<string>();
  const entries: InstalledPack[] = [];
  for (const entry of Array.isArray(installed) ? installed : []) {
    if (!isRecord(entry) || !isRecord(entry.pack)) continue;
    const id = entry.pack.id;
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    // The pack's contents are checked where they are used (mergePacks), so one damaged pack can
    // be shown and removed rather than vanish.
    entries.push({
      pack: entry.pack as unknown as Pack,
      installedAt: typeof entry.installedAt === 'string' ? entry.installedAt : '',
      ...(typeof entry.list === 'string' && { list: entry.list }),
    });
  }
  const off = Array.isArray(disabled) ? disabled.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  return { installed: entries, disabled: [...new Set(off)] };
}

async function readStrict(): Promise<PackStore> {
  const [installed, disabled] = await Promise.all([installedItem.getValue(), disabledItem.getValue()]);
  return parsePackStore(installed, disabled);
}

async function readListsStrict(): Promise<ListSubscription[]> {
  return parseSubscriptions(await listsItem.getValue());
}

/** The stored packs. Never throws: when storage cannot be read, no installed pack and nothing switched off. */
export async function readPackStore(): Promise<PackStore> {
  try {
    return await readStrict();
  } catch (error) {
    console.warn('[Parallax] Could not read the installed story packs; using the bundled ones only.', error);
    return EMPTY_PACK_STORE;
  }
}

/** The pack lists subscribed to. Never throws: when storage cannot be read, none. */
export async function readSubscriptions(): Promise<ListSubscription[]> {
  try {
    return await readListsStrict();
  } catch (error) {
    console.warn('[Parallax] Could not read the pack lists subscribed to.', error);
    return [];
  }
}

/** The message of a failed write when the browser's storage for Parallax is full. */
const STORAGE_FULL = 'the browser’s storage for Parallax is full';

/** Writes what changed, turning the browser's terse quota error into one a reader can act on. */
async function write(before: PackStore, after: PackStore, lists?: ListSubscription[]): Promise<void> {
  const items: { item: typeof installedItem; value: unknown }[] = [];
  if (after.installed !== before.installed) items.push({ item: installedItem, value: after.installed });
  if (after.disabled !== before.disabled) items.push({ item: disabledItem, value: after.disabled });
  if (lists) items.push({ item: listsItem, value: lists });
  if (items.length === 0) return;
  try {
    // One call: one change event carrying every key, so the service worker rebuilds once; the
    // browser checks the quota for the whole call, so a full storage writes none of it.
    await storage.setItems(items);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/quota/i.test(message)) {
      throw new Error(
        `Parallax could not save this: ${STORAGE_FULL}. Remove a story you no longer need and try again.`,
        { cause: error },
      );
    }
    throw error;
  }
}

// Changes are read-modify-write; chaining them keeps two quick clicks in this page from losing one.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies a change to the stored packs. `change` returns the new store (or null to write nothing)
 * and what to tell the caller. A store that cannot be read is never overwritten: the change fails.
 */
export function updatePackStore<R>(change: (store: PackStore) => { store: PackStore | null; result: R }): Promise<R> {
  return updatePacksAndLists((store) => change(store));
}

/**
 * Applies a change to the stored packs and list subscriptions together: `change` returns the new
 * store and subscriptions (null or absent: unchanged), written in one call. A store that cannot
 * be read is never overwritten: the change fails.
 */
export function updatePacksAndLists<R>(
  change: (
    store: PackStore,
    lists: ListSubscription[],
  ) => { store?: PackStore | null; lists?: ListSubscription[] | null; result: R },
): Promise<R> {
  const task = queue.then(async () => {
    let current: PackStore;
    let lists: ListSubscription[];
    try {
      [current, lists] = await Promise.all([readStrict(), readListsStrict()]);
    } catch (error) {
      throw new Error('Parallax could not read the stories it has stored, so nothing was changed.', { cause: error });
    }
    const next = change(current, lists);
    if (next.store || next.lists) await write(current, next.store ?? current, next.lists ?? undefined);
    return next.result;
  });
  queue = task.catch(() => undefined);
  return task;
}

/** What installing this file would do, without installing it (to ask before replacing a newer version). */
export async function previewPackFile(text: string, bundled: readonly Pack[]): Promise<InstallResult> {
  return installPackFile(await readStrict(), text, bundled);
}

/** Validates and installs a pack file; on any problem nothing is stored and the result lists the problems. */
export async function installStoredPack(text: string, bundled: readonly Pack[]): Promise<InstallResult> {
  const result = await updatePackStore((store) => {
    const installed = installPackFile(store, text, bundled);
    return { store: installed.ok ? installed.store : null, result: installed };
  });
  // Added again: tried again, even if it took too long before.
  if (result.ok) await forgetSlowPack(result.pack.id);
  return result;
}

/** Removes an installed pack. */
export async function removeStoredPack(id: string): Promise<void> {
  await updatePackStore((store) => ({ store: removePack(store, id), result: undefined }));
  await forgetSlowPack(id);
}

/** Switches a pack (bundled or installed) on or off. */
export function setStoredPackEnabled(id: string, enabled: boolean): Promise<void> {
  return updatePackStore((store) => ({ store: setPackEnabled(store, id, enabled), result: undefined }));
}

/** Calls back when the list subscriptions change (in this context or any other). Returns a function that stops watching. */
export function watchSubscriptions(onChange: () => void): () => void {
  return watchKeys([LISTS_KEY], onChange);
}

/** Calls back once per change of the stored packs or the list subscriptions (a list's update changes both at once). */
export function watchPacksAndLists(onChange: () => void): () => void {
  return watchKeys([INSTALLED_KEY, DISABLED_KEY, LISTS_KEY], onChange);
}

function watchKeys(keys: readonly string[], onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => key in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back when the stored packs change (in this context or any other), once per change even
 * when both keys changed together. Returns a function that stops watching.
 */
export function watchPackStore(onChange: () => void): () => void {
  return watchKeys([INSTALLED_KEY, DISABLED_KEY], onChange);
}
