// The reader's packs, as pure functions over what the extension stores: validating a pack file
// the reader picks (the same schema and checks as npm run claims:check, bar the article texts the
// browser does not have), installing, replacing and removing packs, switching packs on and off,
// and joining the bundled packs with the installed ones into the set the matcher loads. Storage
// (the browser's local extension storage: packs can exceed sync quotas) and the options page call
// these; nothing here touches either, so every rule is tested in Node.
import type { PackInSet, PackOrigin } from './combine';
import { checkIntegrity } from './integrity';
import { MAX_PACK_FILE_BYTES } from './limits';
import { HostOwners } from './outlets';
import { parsePack } from './parse';
import type { Problem } from './problems';
import type { Pack } from './schema';
import type { PackBudget } from './pack-budget';

/** A pack the reader installed, as stored. */
export interface InstalledPack {
  pack: Pack;
  /** When it was installed (ISO 8601), to list packs in the order the reader added them. */
  installedAt: string;
  /** The address of the pack list it came from; absent for a pack the reader added from a file. */
  list?: string;
}

/** What the extension stores about the reader's packs. */
export interface PackStore {
  installed: InstalledPack[];
  /** Ids of packs (bundled or installed) the reader switched off. */
  disabled: string[];
}

export const EMPTY_PACK_STORE: PackStore = { installed: [], disabled: [] };

export { MAX_PACK_FILE_BYTES };

const fileProblem = (message: string): Problem => ({
  claim: null,
  report: null,
  where: 'file',
  field: '(the file)',
  message,
});

/**
 * A pack file's text, validated with the schema and the integrity checks (ids, references,
 * every value readable). On any problem nothing is to be installed; each problem names the claim,
 * report and field.
 */
export function validatePackFile(text: string): { ok: true; pack: Pack } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_PACK_FILE_BYTES)
    return {
      ok: false,
      problems: [fileProblem(`larger than ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB: not a claim pack`)],
    };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [fileProblem(`not JSON (${(error as Error).message})`)] };
  }
  const parsed = parsePack(json);
  if (!parsed.ok) return parsed;
  const problems = checkIntegrity(parsed.pack);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: parsed.pack };
}

/** -1, 0 or 1 as semantic version a is below, equal to or above b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export type InstallResult =
  | {
      ok: true;
      store: PackStore;
      pack: Pack;
      /** install: new; upgrade / downgrade / reinstall: it replaces the installed copy of that id. */
      action: 'install' | 'upgrade' | 'downgrade' | 'reinstall';
      /** The version it replaces, if any. */
      replaced: string | null;
      /**
       * The story it replaces when that is another story under the same id (another title or
       * date): the reader is asked first, whatever the versions.
       */
      otherStory: { title: string; date: string } | null;
    }
  | { ok: false; problems: Problem[] };

/**
 * Installs a pack file: validated, then added to the store, or put in place of the installed
 * pack of the same id (whatever its version: the reader chose this file; `action` says which way
 * it went). A bundled pack's id cannot be installed over. `list` is the address of the pack list
 * the file came from (a pack from a file has none); whether a list may replace a pack is the
 * list's update to decide (core/lists/list-update), which then installs through here. The store
 * given is never changed.
 */
export function installPackFile(
  store: PackStore,
  text: string,
  bundled: readonly Pack[],
  now: Date = new Date(),
  list?: string,
): InstallResult {
  const validated = validatePackFile(text);
  if (!validated.ok) return validated;
  const pack = validated.pack;
  if (bundled.some((b) => b.id === pack.id)) {
    return {
      ok: false,
      problems: [
        {
          claim: null,
          report: null,
          where: 'pack',
          field: 'id',
          message: `"${pack.id}" is the id of a pack that comes with Parallax; give this pack another id`,
        },
      ],
    };
  }
  const previous = store.installed.find((p) => p.pack.id === pack.id);
  const entry: InstalledPack = {
    pack,
    installedAt: previous?.installedAt ?? now.toISOString(),
    ...(list !== undefined && { list }),
  };
  const installed = previous ? store.installed.map((p) => (p === previous ? entry : p)) : [...store.installed, entry];
  const next: PackStore = { ...store, installed };
  // Its outlets may not take in another pack's pages, nor make a pack that was sound unusable.
  const before = new Set(mergePacks(bundled, store).skipped.map((s) => s.id));
  const conflicts = mergePacks(bundled, next).skipped.filter((s) => s.id === pack.id || !before.has(s.id));
  if (conflicts.length > 0) {
    return {
      ok: false,
      problems: conflicts.flatMap((s) =>
        s.id === pack.id
          ? s.problems
          : s.problems.map((p) => ({ ...p, where: `the installed pack "${s.id}", ${p.where}` })),
      ),
    };
  }
  const order = previous ? compareVersions(pack.version, previous.pack.version) : null;
  const action = order === null ? 'install' : order > 0 ? 'upgrade' : order < 0 ? 'downgrade' : 'reinstall';
  const old = previous?.pack.story;
  const otherStory =
    old !== undefined && (old.title !== pack.story.title || old.date !== pack.story.date)
      ? { title: String(old.title), date: String(old.date) }
      : null;
  return { ok: true, store: next, pack, action, replaced: previous?.pack.version ?? null, otherStory };
}

/** The store without the installed pack of this id (bundled packs are switched off, not removed). */
export function removePack(store: PackStore, id: string): PackStore {
  if (!store.installed.some((p) => p.pack.id === id)) throw new Error(`no installed pack "${id}"`);
  return {
    installed: store.installed.filter((p) => p.pack.id !== id),
    disabled: store.disabled.filter((d) => d !== id),
  };
}

/** The store without the packs that came from this list (the reader's own stay), nor their switches. */
export function removeListPacks(store: PackStore, list: string): PackStore {
  const gone = new Set(store.installed.filter((p) => p.list === list).map((p) => p.pack.id));
  if (gone.size === 0) return store;
  return {
    installed: store.installed.filter((p) => !gone.has(p.pack.id)),
    disabled: store.disabled.filter((d) => !gone.has(d)),
  };
}

/** The store with the pack of this id switched on or off. */
export function setPackEnabled(store: PackStore, id: string, enabled: boolean): PackStore {
  const disabled = store.disabled.filter((d) => d !== id);
  return { ...store, disabled: enabled ? disabled : [...disabled, id] };
}

/** One row of the options page's list of packs. */
export interface PackSummary {
  id: string;
  title: string;
  /** The story's date, YYYY-MM-DD. */
  date: string;
  version: string;
  claims: number;
  outlets: number;
  origin: PackOrigin;
  /** The address of the pack list it came from, if it came from one. */
  list: string | null;
  enabled: boolean;
  /** A draft no person has reviewed (the pack's `draft`). */
  draft: boolean;
}

/** The bundled packs, then the installed ones in the order the reader added them. */
export function packSummaries(bundled: readonly Pack[], store: PackStore): PackSummary[] {
  const disabled = new Set(store.disabled);
  const row = (pack: Pack, origin: PackOrigin, list: string | null = null): PackSummary => ({
    id: pack.id,
    title: pack.story.title,
    date: pack.story.date,
    version: pack.version,
    claims: pack.claims.length,
    outlets: pack.outlets.length,
    origin,
    list,
    enabled: !disabled.has(pack.id),
    draft: pack.draft === true,
  });
  return [
    ...bundled.map((p) => row(p, 'bundled')),
    ...installedInOrder(store).map((p) => row(p.pack, 'installed', p.list ?? null)),
  ];
}

function installedInOrder(store: PackStore): InstalledPack[] {
  return [...store.installed].sort((a, b) => a.installedAt.localeCompare(b.installedAt));
}

/**
 * A pack the service worker stopped preparing because it took longer than its budget
 * (pack-budget.ts), remembered for the browser session so that it is not tried on every page.
 */
export interface SlowPack {
  id: string;
  version: string;
  /** How long it had taken when it was stopped. */
  seconds: number;
}

/** A stored pack left out of the set, and why. */
export interface SkippedPack {
  id: string;
  problems: Problem[];
  /** Left out for taking too long to prepare, not for what it holds. */
  slow?: true;
}

const slowProblem = (slow: SlowPack): Problem => ({
  claim: null,
  report: null,
  where: 'pack',
  field: '(the whole pack)',
  message: `it took more than ${slow.seconds.toLocaleString('en', { maximumFractionDigits: 1 })} s to prepare for matching, so Parallax stopped, to keep your other stories working; whoever made it can make it smaller`,
});

// Checking a stored pack reads every value in it; the options page and installing ask again for
// the same stored objects, so the answer is kept for as long as the object lives.
const checked = new WeakMap<object, { parsed: ReturnType<typeof parsePack>; problems: Problem[] }>();

function checkStored(
  stored: unknown,
  budget?: PackBudget,
): { parsed: ReturnType<typeof parsePack>; problems: Problem[] } {
  const known = typeof stored === 'object' && stored !== null ? checked.get(stored) : undefined;
  if (known) return { parsed: known.parsed, problems: [...known.problems] };
  const parsed = parsePack(stored);
  const problems = parsed.ok ? checkIntegrity(parsed.pack, budget) : parsed.problems;
  if (typeof stored === 'object' && stored !== null) checked.set(stored, { parsed, problems: [...problems] });
  return { parsed, problems };
}

/**
 * The packs the matcher loads: the bundled ones and the installed ones, minus those switched
 * off. A stored pack is checked again (storage can hold a pack from an older Parallax, or be
 * damaged): one that fails, takes a bundled pack's id, whose outlets would take in another
 * pack's outlet's pages, or that the service worker found too slow to prepare (`slow`), is left
 * out and reported, never allowed to stop the others. Hosts go to the first pack to list them,
 * bundled packs first, then installed ones in the order added, whether switched on or off
 * (switching a pack on never takes a host from another); the packs switched on are then placed
 * again on their own, so that the set loaded is sound as it is. `budget` (the service worker's)
 * stops a pack whose checks take too long.
 */
export function mergePacks(
  bundled: readonly Pack[],
  store: PackStore,
  options: { slow?: readonly SlowPack[]; budget?: PackBudget } = {},
): { packs: PackInSet[]; skipped: SkippedPack[] } {
  const disabled = new Set(store.disabled);
  const everyOwner = new HostOwners();
  const enabledOwners = new HostOwners();
  const packs: PackInSet[] = [];
  for (const pack of bundled) {
    everyOwner.record(pack, everyOwner.place(pack));
    if (disabled.has(pack.id)) continue;
    enabledOwners.record(pack, enabledOwners.place(pack));
    packs.push({ pack, origin: 'bundled' });
  }
  const skipped: SkippedPack[] = [];
  const seen = new Set(bundled.map((p) => p.id));
  for (const { pack: stored } of installedInOrder(store)) {
    const id = typeof (stored as { id?: unknown })?.id === 'string' ? stored.id : '(no id)';
    const slow = options.slow?.find((s) => s.id === id && s.version === (stored as { version?: unknown }).version);
    if (slow) {
      seen.add(id);
      skipped.push({ id, problems: [slowProblem(slow)], slow: true });
      continue;
    }
    const { parsed, problems } = checkStored(stored, options.budget);
    if (seen.has(id))
      problems.push({
        claim: null,
        report: null,
        where: 'pack',
        field: 'id',
        message: `another pack already has the id "${id}"`,
      });
    seen.add(id);
    if (!parsed.ok || problems.length > 0) {
      skipped.push({ id, problems });
      continue;
    }
    const placed = everyOwner.place(parsed.pack);
    const on = !disabled.has(id);
    const placedOn = on && placed.problems.length === 0 ? enabledOwners.place(parsed.pack) : null;
    const conflicts = placed.problems.length > 0 ? placed.problems : (placedOn?.problems ?? []);
    if (conflicts.length > 0) {
      skipped.push({ id, problems: conflicts });
      continue;
    }
    everyOwner.record(parsed.pack, placed);
    if (placedOn) {
      enabledOwners.record(parsed.pack, placedOn);
      packs.push({ pack: parsed.pack, origin: 'installed' });
    }
  }
  return { packs, skipped };
}
