// The story packs the service worker stopped preparing because they took too long
// (core/database/pack-budget.ts), as the browser keeps them for its session: the worker leaves
// them out at once on its next start rather than spend their budget again on every page after it
// idles, and the options page lists them with why. Session storage: a slow moment of the machine
// costs a pack only until the browser restarts, and a reader who adds the pack again (a smaller
// version, say) has it tried again at once.
import { browser } from 'wxt/browser';
import type { SlowPack } from '../../core/database/pack-store';

const SLOW_KEY = 'slowPacks';

const session = () => browser.storage?.session;

/** Pure: the stored value as a list of slow packs, anything else left out. */
export function parseSlowPacks(value: unknown): SlowPack[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is SlowPack =>
      typeof s === 'object' &&
      s !== null &&
      typeof s.id === 'string' &&
      typeof s.version === 'string' &&
      typeof s.seconds === 'number' &&
      Number.isFinite(s.seconds),
  );
}

/** The slow packs of this session; none when session storage cannot be read. */
export async function readSlowPacks(): Promise<SlowPack[]> {
  try {
    return parseSlowPacks((await session()?.get(SLOW_KEY))?.[SLOW_KEY]);
  } catch {
    return [];
  }
}

async function update(change: (list: SlowPack[]) => SlowPack[]): Promise<void> {
  const area = session();
  if (!area) return;
  try {
    const list = parseSlowPacks((await area.get(SLOW_KEY))[SLOW_KEY]);
    await area.set({ [SLOW_KEY]: change(list) });
  } catch (error) {
    console.warn('[Parallax] Could not note a story pack that took too long to prepare.', error);
  }
}

/** Remembers a pack found too slow. */
export function recordSlowPack(pack: SlowPack): Promise<void> {
  return update((list) => [...list.filter((s) => s.id !== pack.id), pack]);
}

/** Forgets what was found of the pack of this id (it was added again, or removed). */
export function forgetSlowPack(id: string): Promise<void> {
  return update((list) => list.filter((s) => s.id !== id));
}

/** Calls back when the slow packs change; returns a function that stops watching. */
export function watchSlowPacks(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && SLOW_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
