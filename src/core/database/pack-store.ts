// The reader's packs, as pure functions over what the extension stores: validating a pack file
// the reader picks (the same schema and checks as npm run claims:check, bar the article texts the
// browser does not have), installing, replacing and removing packs, switching packs on and off,
// and joining the bundled packs with the installed ones into the set the matcher loads. Storage
// (the browser's local extension storage: packs can exceed sync quotas) and the options page call
// these; nothing here touches either, so every rule is tested in Node.
import type { PackInSet, PackOrigin } from './combine';
import { checkIntegrity } from './integrity';
import { parsePack } from './parse';
import type { Problem } from './problems';
import type { Pack } from './schema';

/** A pack the reader installed, as stored. */
export interface InstalledPack {
  pack: Pack;
  /** When it was installed (ISO 8601), to list packs in the order the reader added them. */
  installedAt: string;
}

/** What the extension stores about the reader's packs. */
export interface PackStore {
  installed: InstalledPack[];
  /** Ids of packs (bundled or installed) the reader switched off. */
  disabled: string[];
}

export const EMPTY_PACK_STORE: PackStore = { installed: [], disabled: [] };

/** A pack file larger than this is refused before it is parsed (the bundled Raqqa pack is ~90 KB). */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;

const fileProblem = (message: string): Problem => ({ claim: null, report: null, where: 'file', field: '(the file)', message });

/**
 * A pack file's text, validated with the schema and the integrity checks (ids, references,
 * every value readable). On any problem nothing is to be installed; each problem names the claim,
 * report and field.
 */
export function validatePackFile(text: string): { ok: true; pack: Pack } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_PACK_FILE_BYTES) return { ok: false, problems: [fileProblem(`larger than ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB: not a claim pack`)] };
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
    }
  | { ok: false; problems: Problem[] };

/**
 * Installs a pack file: validated, then added to the store, or put in place of the installed
 * pack of the same id (whatever its version: the reader chose this file; `action` says which way
 * it went). A bundled pack's id cannot be installed over. The store given is never changed.
 */
export function installPackFile(store: PackStore, text: string, bundled: readonly Pack[], now: Date = new Date()): InstallResult {
  const validated = validatePackFile(text);
  if (!validated.ok) return validated;
  const pack = validated.pack;
  if (bundled.some((b) => b.id === pack.id)) {
    return { ok: false, problems: [{ claim: null, report: null, where: 'pack', field: 'id', message: `"${pack.id}" is the id of a pack that comes with Parallax; give this pack another id` }] };
  }
  const previous = store.installed.find((p) => p.pack.id === pack.id);
  const entry: InstalledPack = { pack, installedAt: previous?.installedAt ?? now.toISOString() };
  const installed = previous ? store.installed.map((p) => (p === previous ? entry : p)) : [...store.installed, entry];
  const order = previous ? compareVersions(pack.version, previous.pack.version) : null;
  const action = order === null ? 'install' : order > 0 ? 'upgrade' : order < 0 ? 'downgrade' : 'reinstall';
  return { ok: true, store: { ...store, installed }, pack, action, replaced: previous?.pack.version ?? null };
}

/** The store without the installed pack of this id (bundled packs are switched off, not removed). */
export function removePack(store: PackStore, id: string): PackStore {
  if (!store.installed.some((p) => p.pack.id === id)) throw new Error(`no installed pack "${id}"`);
  return { installed: store.installed.filter((p) => p.pack.id !== id), disabled: store.disabled.filter((d) => d !== id) };
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
  enabled: boolean;
  /** A draft no person has reviewed (the pack's `draft`). */
  draft: boolean;
}

/** The bundled packs, then the installed ones in the order the reader added them. */
export function packSummaries(bundled: readonly Pack[], store: PackStore): PackSummary[] {
  const disabled = new Set(store.disabled);
  const row = (pack: Pack, origin: PackOrigin): PackSummary => ({
    id: pack.id,
    title: pack.story.title,
    date: pack.story.date,
    version: pack.version,
    claims: pack.claims.length,
    outlets: pack.outlets.length,
    origin,
    enabled: !disabled.has(pack.id),
    draft: pack.draft === true,
  });
  return [...bundled.map((p) => row(p, 'bundled')), ...installedInOrder(store).map((p) => row(p.pack, 'installed'))];
}

function installedInOrder(store: PackStore): InstalledPack[] {
  return [...store.installed].sort((a, b) => a.installedAt.localeCompare(b.installedAt));
}

/**
 * The packs the matcher loads: the bundled ones and the installed ones, minus those switched
 * off. A stored pack is checked again (storage can hold a pack from an older Parallax, or be
 * damaged): one that fails, or that takes a bundled pack's id, is left out and reported, never
 * allowed to stop the others.
 */
export function mergePacks(bundled: readonly Pack[], store: PackStore): { packs: PackInSet[]; skipped: { id: string; problems: Problem[] }[] } {
  const disabled = new Set(store.disabled);
  const packs: PackInSet[] = bundled.filter((p) => !disabled.has(p.id)).map((pack) => ({ pack, origin: 'bundled' }));
  const skipped: { id: string; problems: Problem[] }[] = [];
  const seen = new Set(bundled.map((p) => p.id));
  for (const { pack: stored } of installedInOrder(store)) {
    const id = typeof (stored as { id?: unknown })?.id === 'string' ? stored.id : '(no id)';
    const parsed = parsePack(stored);
    const problems = parsed.ok ? checkIntegrity(parsed.pack) : parsed.problems;
    if (seen.has(id)) problems.push({ claim: null, report: null, where: 'pack', field: 'id', message: `another pack already has the id "${id}"` });
    seen.add(id);
    if (!parsed.ok || problems.length > 0) {
      skipped.push({ id, problems });
      continue;
    }
    if (!disabled.has(id)) packs.push({ pack: parsed.pack, origin: 'installed' });
  }
  return { packs, skipped };
}
