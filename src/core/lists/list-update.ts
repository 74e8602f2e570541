// A list's update, decided step by step as pure functions (the extension fetches between them:
// src/extension/lists/list-updates.ts). Nothing lost, nothing let in: an index is used only once
// it is signed by the trusted key and no older than the last one; only packs whose version or
// SHA-256 changed are fetched; every pack goes through the same install as a pack added from a
// file (core/database/pack-store's installPackFile), its list recorded; and the update is
// applied whole or not at all, so any failure leaves every story as it was.
import { compareVersions, installPackFile, removePack, type PackStore } from '../database/pack-store';
import type { Pack } from '../database/schema';
import { formatProblem } from '../database/problems';
import { parsePackList, updateHoursOf, type ListPack, type PackList } from './list-schema';
import { checkListSignature, type Bytes, type Ed25519Verify } from './list-signature';
import { updateDueAfter, type ListPackRecord, type ListPackState, type ListSubscription } from './subscription';

/** Problems of an index or a pack shown to the reader; the rest are counted. */
const PROBLEMS_SHOWN = 3;

const someProblems = (problems: readonly string[]) =>
  problems.slice(0, PROBLEMS_SHOWN).join('; ') +
  (problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : '');

export type IndexCheck = { ok: true; list: PackList } | { ok: false; error: string; newKey?: string };

/**
 * The index fetched at `address` (its exact bytes, the same as text, and the signature file's
 * text), judged against the subscription (null when subscribing): read, signed by the key it
 * names, that key the trusted one, and no older than the index last accepted.
 */
export async function checkIndex(args: {
  address: string;
  bytes: Bytes;
  text: string;
  signatureText: string;
  subscription: ListSubscription | null;
  verify: Ed25519Verify;
}): Promise<IndexCheck> {
  const parsed = parsePackList(args.text, args.address);
  if (!parsed.ok)
    return { ok: false, error: `it is not a pack list Parallax can read: ${someProblems(parsed.problems)}` };
  const { list } = parsed;
  const signed = await checkListSignature({
    index: args.bytes,
    signatureText: args.signatureText,
    indexKey: list.publicKey,
    trustedKey: args.subscription?.publicKey ?? null,
    verify: args.verify,
  });
  if (!signed.ok)
    return signed.keyChanged
      ? { ok: false, error: signed.error, newKey: signed.newKey }
      : { ok: false, error: signed.error };
  const held = args.subscription?.published;
  if (held !== undefined && Date.parse(list.published) < Date.parse(held)) {
    return {
      ok: false,
      error: `the list on its site (made ${list.published}) is older than the one Parallax already has (made ${held}); Parallax never goes back to an older list`,
    };
  }
  return { ok: true, list };
}

export interface ListPlan {
  /** Packs to download: new to the reader, or whose version or SHA-256 changed. */
  fetch: ListPack[];
  /** What becomes of each pack of the index once the update is applied. */
  records: ListPackRecord[];
  /** Ids of packs this list installed that its index no longer holds: removed. */
  remove: string[];
}

/**
 * What updating to `list` takes, given the stored packs. A pack id already in use is resolved as
 * adding a pack by file resolves it, except that a list never replaces what is not its own
 * without the reader: a bundled pack's id is never installed; another list's pack stays that
 * list's; the reader's own copy stays theirs unless the list's is newer, which then asks them
 * (or they had let the list take it over).
 */
export function planListUpdate(
  subscription: ListSubscription | null,
  address: string,
  list: PackList,
  store: PackStore,
  bundled: readonly Pack[],
): ListPlan {
  const fetch: ListPack[] = [];
  const records: ListPackRecord[] = [];
  for (const entry of list.packs) {
    const state = (s: ListPackState) =>
      records.push({
        id: entry.id,
        title: entry.title,
        version: entry.version,
        size: entry.size,
        sha256: entry.sha256,
        state: s,
      });
    if (bundled.some((b) => b.id === entry.id)) {
      state('bundled');
      continue;
    }
    const current = store.installed.find((p) => p.pack.id === entry.id);
    if (current === undefined) {
      fetch.push(entry);
      state('installed');
    } else if (current.list === address) {
      const held = subscription?.packs.find((p) => p.id === entry.id && p.state === 'installed');
      if (current.pack.version !== entry.version || held?.sha256 !== entry.sha256) fetch.push(entry);
      state('installed');
    } else if (current.list !== undefined) {
      state('other-list');
    } else if (subscription?.takeOver.includes(entry.id)) {
      fetch.push(entry);
      state('installed');
    } else if (
      compareVersions(entry.version, String(current.pack.version)) > 0 &&
      !subscription?.keepOwn.some((k) => k.id === entry.id && k.version === entry.version)
    ) {
      state('asks');
    } else {
      state('own');
    }
  }
  const listed = new Set(list.packs.map((p) => p.id));
  const remove = store.installed.filter((p) => p.list === address && !listed.has(p.pack.id)).map((p) => p.pack.id);
  return { fetch, records, remove };
}

/** What an update changed, for the reader. */
export interface ListOutcome {
  added: string[];
  updated: { title: string; from: string; to: string }[];
  removed: string[];
  /** Packs waiting for the reader's answer (a newer version of their own copy). */
  asks: number;
}

export type ApplyResult =
  { ok: true; store: PackStore; subscription: ListSubscription; outcome: ListOutcome } | { ok: false; error: string };

/**
 * The update applied to the stored packs as they are now: each fetched pack (its text, already
 * checked against the index's size and SHA-256) installed as a file is, with this list as its
 * origin, and must be the pack the index names; the packs the list dropped removed; the
 * subscription made (or renewed) from the index. Any problem: nothing is applied.
 */
export function applyListUpdate(args: {
  store: PackStore;
  subscription: ListSubscription | null;
  address: string;
  list: PackList;
  plan: ListPlan;
  files: ReadonlyMap<string, string>;
  bundled: readonly Pack[];
  now: Date;
}): ApplyResult {
  const { address, list, plan, now } = args;
  let store = args.store;
  const outcome: ListOutcome = {
    added: [],
    updated: [],
    removed: [],
    asks: plan.records.filter((r) => r.state === 'asks').length,
  };
  for (const entry of plan.fetch) {
    const text = args.files.get(entry.id);
    if (text === undefined) return { ok: false, error: `the story pack "${entry.id}" was not downloaded` };
    const installed = installPackFile(store, text, args.bundled, now, address);
    if (!installed.ok) {
      return {
        ok: false,
        error: `the story pack "${entry.id}" does not pass Parallax’s checks: ${someProblems(installed.problems.map(formatProblem))}`,
      };
    }
    const { pack } = installed;
    if (pack.id !== entry.id || pack.version !== entry.version || pack.story.title !== entry.title) {
      return {
        ok: false,
        error: `the file of the story pack "${entry.id}" holds “${pack.story.title}” (${pack.id}, version ${pack.version}), not what the list says (“${entry.title}”, version ${entry.version})`,
      };
    }
    store = installed.store;
    if (installed.replaced === null) outcome.added.push(pack.story.title);
    // The same version with another SHA-256 is a corrected file: an update too.
    else outcome.updated.push({ title: pack.story.title, from: installed.replaced, to: pack.version });
  }
  for (const id of plan.remove) {
    outcome.removed.push(String(store.installed.find((p) => p.pack.id === id)?.pack.story?.title ?? id));
    store = removePack(store, id);
  }
  const previous = args.subscription;
  const subscription: ListSubscription = {
    address,
    subscribedAt: previous?.subscribedAt ?? now.toISOString(),
    publicKey: list.publicKey,
    title: list.title,
    publisher: list.publisher,
    homePage: list.homePage,
    updateHours: updateHoursOf(list),
    published: list.published,
    packs: plan.records,
    lastUpdate: now.toISOString(),
    nextUpdate: updateDueAfter(now, updateHoursOf(list)),
    lastError: null,
    newKey: null,
    // Answers about packs the list no longer holds are forgotten.
    takeOver: (previous?.takeOver ?? []).filter((id) =>
      plan.records.some((r) => r.id === id && r.state === 'installed'),
    ),
    keepOwn: (previous?.keepOwn ?? []).filter((k) => plan.records.some((r) => r.id === k.id)),
  };
  return { ok: true, store, subscription, outcome };
}

/** Whether an update changed anything the reader sees of their stories. */
export const changedStories = (outcome: ListOutcome): boolean =>
  outcome.added.length + outcome.updated.length + outcome.removed.length > 0;

/** What an action on a list (subscribe, update, answer a question) came to, for the options page. */
export type ListActionResult =
  | { ok: true; title: string; outcome: ListOutcome | null }
  /** `title`: the list's, when known; `newKey`: the list is now signed with another key (the reader is asked). */
  | { ok: false; title: string | null; error: string; newKey?: true };

/** The reader's answer to a list's question: its new key, or a newer version of their own story. */
export type ListAnswer = { about: 'key'; accept: boolean } | { about: 'pack'; id: string; takeListCopy: boolean };
