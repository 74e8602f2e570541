// The reader's settings: where Parallax runs and how highlights look. Kept in the browser's `sync`
// area so they follow the reader's profile to other machines.
//
// One storage item per setting rather than one object, because:
// - sync merges per key (last write wins per item): turning a site off in one window and changing
//   the highlight style in another must not overwrite each other;
// - sync allows 8 KB per item; only the site list can grow, and alone it gets the whole 8 KB
//   (roughly 300 sites of typical length) without crowding the other settings.
// Everything read is validated: values from another build, a newer version or a hand edit fall
// back to defaults per setting and never throw. Reading never migrates (validation reads every
// version's values); the service worker repairs stored versions (see stored-versions.ts).
import { storage } from '@wxt-dev/storage';
// zod/mini: the same validation with a tree-shakable API, so the content script that every page
// loads stays small.
import * as z from 'zod/mini';
import { cleanSiteList, isPlausibleHost, siteCovers, siteKey } from './site-key';
import { SITE_LIST_VERSION } from './stored-versions';

/** How highlights are drawn; the first is the default. */
export const HIGHLIGHT_STYLES = ['background', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** The global switch: false turns Parallax off on every site. */
  enabled: boolean;
  /** Site keys (see siteKey) the reader turned off; each also covers its subdomains. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** Highlight only claims on which outlets differ. */
  onlyDiffering: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: Object.freeze([]) as unknown as string[],
  highlightStyle: HIGHLIGHT_STYLES[0],
  onlyDiffering: false,
}) as Settings;

const enabledItem = storage.defineItem<boolean>('sync:enabled', { fallback: DEFAULT_SETTINGS.enabled });

/** Versioned (see stored-versions.ts): v1 entries were host names as a tab reports them, v2 entries are site keys. */
export const disabledSitesItem = storage.defineItem<string[]>('sync:disabledSites', { fallback: [] });

const highlightStyleItem = storage.defineItem<HighlightStyle>('sync:highlightStyle', {
  fallback: DEFAULT_SETTINGS.highlightStyle,
});

const onlyDifferingItem = storage.defineItem<boolean>('sync:onlyDiffering', {
  fallback: DEFAULT_SETTINGS.onlyDiffering,
});

const ITEMS = [enabledItem, disabledSitesItem, highlightStyleItem, onlyDifferingItem] as const;

const booleanOr = (fallback: boolean) => z.catch(z.boolean(), fallback);
const settingsSchema = z.object({
  enabled: booleanOr(DEFAULT_SETTINGS.enabled),
  disabledSites: z.pipe(
    z.catch(z.array(z.unknown()), []),
    z.transform((sites: unknown[]) => cleanSiteList(sites)),
  ),
  highlightStyle: z.catch(z.enum(HIGHLIGHT_STYLES), DEFAULT_SETTINGS.highlightStyle),
  onlyDiffering: booleanOr(DEFAULT_SETTINGS.onlyDiffering),
});

/** Pure: validates raw stored values field by field; anything unusable becomes its default. */
export function parseSettings(raw: Partial<Record<keyof Settings, unknown>>): Settings {
  return settingsSchema.parse(raw);
}

/** Reads one item; a storage failure counts as "nothing stored" so the default applies. */
async function readRaw(item: { getValue(): Promise<unknown> }): Promise<unknown> {
  try {
    return await item.getValue();
  } catch (error) {
    console.warn('[Parallax] Could not read a setting; using its default.', error);
    return undefined;
  }
}

/** The current settings. Never throws: corrupt or unreadable values become defaults. */
export async function getSettings(): Promise<Settings> {
  const [enabled, disabledSites, highlightStyle, onlyDiffering] = await Promise.all(ITEMS.map(readRaw));
  return parseSettings({ enabled, disabledSites, highlightStyle, onlyDiffering });
}

/** Pure: the stored site key that turns Parallax off on this host, if any (the host's own or a parent's). */
export function disablingSite(settings: Settings, hostname: string): string | undefined {
  const key = siteKey(hostname);
  return settings.disabledSites.find((stored) => siteCovers(stored, key));
}

/** Pure: whether Parallax runs on this host under these settings (global switch and site list). */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && disablingSite(settings, hostname) === undefined;
}

/**
 * Calls back with the full, validated settings whenever any of them changes (in any tab or
 * window, or synced from another machine). Returns a function that stops watching.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  // Several items can change at once; re-read all and deliver only the newest read, so a slow
  // earlier read can never overwrite a later state.
  let latest = 0;
  let stopped = false;
  const refresh = () => {
    const ticket = ++latest;
    void getSettings().then((settings) => {
      if (!stopped && ticket === latest) onChange(settings);
    });
  };
  const unwatchers = ITEMS.map((item) => item.watch(refresh));
  return () => {
    stopped = true;
    unwatchers.forEach((unwatch) => unwatch());
  };
}

/** Writes, turning the browser's terse quota error into one a reader can act on. */
async function write<T>(item: { setValue(value: T): Promise<void> }, value: T): Promise<void> {
  try {
    await item.setValue(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/quota/i.test(message)) {
      throw new Error(
        'Parallax could not save this setting: the browser sync storage is full. ' +
          'Turn some sites back on in the options page and try again.',
        { cause: error },
      );
    }
    throw error;
  }
}

// Site-list updates are read-modify-write; chaining them keeps two quick clicks from losing one.
let siteListQueue: Promise<unknown> = Promise.resolve();

/**
 * Turns Parallax off or back on for a host's site. Off adds the site's key (and drops its
 * subdomains' keys, now covered). On removes every key that covers the host, including a parent
 * domain's: the reader asked for highlights here, so they must appear.
 */
export function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const key = siteKey(hostname);
  if (!isPlausibleHost(key)) {
    return Promise.reject(new Error(`Not a web site's host name: ${JSON.stringify(hostname)}`));
  }
  const task = siteListQueue.then(async () => {
    const current = (await getSettings()).disabledSites;
    const next = enabled
      ? current.filter((stored) => !siteCovers(stored, key))
      : [...current.filter((stored) => !siteCovers(key, stored)), key];
    // The list is written in the current version's form, and says so.
    await Promise.all([
      write(disabledSitesItem, cleanSiteList(next)),
      disabledSitesItem.setMeta({ v: SITE_LIST_VERSION }),
    ]);
  });
  siteListQueue = task.catch(() => undefined);
  return task;
}

export function setGlobalEnabled(enabled: boolean): Promise<void> {
  return write(enabledItem, enabled);
}

export function setHighlightStyle(style: HighlightStyle): Promise<void> {
  if (!HIGHLIGHT_STYLES.includes(style)) {
    return Promise.reject(new Error(`Unknown highlight style: ${JSON.stringify(style)}`));
  }
  return write(highlightStyleItem, style);
}

export function setOnlyDiffering(only: boolean): Promise<void> {
  return write(onlyDifferingItem, only);
}
