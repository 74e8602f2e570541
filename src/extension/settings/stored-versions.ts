// Version numbers of stored settings. The site list's entries changed form once (v1: host names as
// a tab reports them; v2: site keys), so its stored value carries a version in its metadata
// (`disabledSites$: { v }`, as @wxt-dev/storage writes it). That number comes from sync storage,
// which a hand edit, a broken build or another machine can fill with anything, so it is judged
// before anything acts on it: @wxt-dev/storage's own migration loop runs up to whatever number it
// finds (v: -1e9 froze every page for 12 s) and logs an error for a newer one on every page.
//
// Pages never migrate: reading validates every version's values (see settings.ts). The service
// worker repairs what is stored, at start and whenever a version changes.
import { browser } from 'wxt/browser';
import { cleanSiteList } from './site-key';

/** The site list's current version. */
export const SITE_LIST_VERSION = 2;

/** No Parallax will ever get near this many versions of one setting: anything above is corrupt. */
const MAX_PLAUSIBLE_VERSION = 1000;

const SITE_LIST_KEY = 'disabledSites';
const SITE_LIST_META_KEY = `${SITE_LIST_KEY}$`;

export type VersionVerdict =
  /** No version stored (a value without one is version 1). */
  | 'absent'
  | 'older'
  | 'current'
  /** Written by a later Parallax: read through validation, left as it is. */
  | 'newer'
  /** Not a version at all (negative, fractional, absurd, not a number): reset. */
  | 'corrupt';

/** Pure: what a stored metadata object says about its value's version. */
export function judgeVersion(meta: unknown, current: number): VersionVerdict {
  if (meta === null || meta === undefined) return 'absent';
  if (typeof meta !== 'object' || Array.isArray(meta)) return 'corrupt';
  const v = (meta as { v?: unknown }).v;
  if (v === undefined || v === null) return 'absent';
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > MAX_PLAUSIBLE_VERSION) return 'corrupt';
  return v < current ? 'older' : v === current ? 'current' : 'newer';
}

type SyncArea = Pick<typeof browser.storage.sync, 'get' | 'set'>;

/**
 * Brings the stored site list to the current version: an old or unversioned list is rewritten as
 * site keys, a corrupt version number is reset (its sites kept, cleaned), a newer one is left
 * alone. Nothing is logged for a value it handles; a storage failure is a warning.
 */
export async function repairStoredSettings(area: SyncArea = browser.storage.sync): Promise<void> {
  try {
    const stored = await area.get([SITE_LIST_KEY, SITE_LIST_META_KEY]);
    const value = stored[SITE_LIST_KEY];
    const meta = stored[SITE_LIST_META_KEY];
    const verdict = judgeVersion(meta, SITE_LIST_VERSION);
    if (verdict === 'current' || verdict === 'newer') return;
    if (verdict === 'absent' && (value === undefined || value === null)) return;
    const keptMeta = verdict === 'corrupt' || typeof meta !== 'object' || meta === null ? {} : meta;
    await area.set({
      [SITE_LIST_KEY]: cleanSiteList(value),
      [SITE_LIST_META_KEY]: { ...keptMeta, v: SITE_LIST_VERSION },
    });
  } catch (error) {
    console.warn('[Parallax] Could not check the stored settings’ versions.', error);
  }
}

/** Calls back when a stored version number changes (a sync from another machine, a hand edit). */
export function watchStoredVersions(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SITE_LIST_META_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
