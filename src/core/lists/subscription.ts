// A reader's subscription to a pack list, as Parallax keeps it: the list's address and the key
// the reader trusts for it, what its last accepted index said (title, publisher, packs), when it
// was last updated and will be next, the last error, and the reader's answers to its questions
// (a new key; a newer version of a story the reader added themselves). The extension stores these
// beside the packs (src/extension/packs/stored-packs.ts) and writes both in one go.
import type { ListPack } from './list-schema';

/**
 * What became of a pack of the list: `installed` from this list; `bundled`, Parallax comes with a
 * pack of that id; `other-list`, another list the reader subscribed to brought it first; `own`,
 * the reader added that id from a file and keeps their copy (the list's is not newer, or they
 * said so); `asks`, the list has a newer version of the reader's own and waits for their answer.
 */
export type ListPackState = 'installed' | 'bundled' | 'other-list' | 'own' | 'asks';

export interface ListPackRecord extends Omit<ListPack, 'address'> {
  state: ListPackState;
}

export interface ListSubscription {
  /** The index's address, https (normalizeListAddress). */
  address: string;
  subscribedAt: string;
  /** The Ed25519 key (base64) the reader trusts for this list. */
  publicKey: string;
  /** From the last index accepted. */
  title: string;
  publisher: string;
  homePage: string;
  updateHours: number;
  /** When the last index accepted was made (its `published`): an older one is refused. */
  published: string;
  packs: ListPackRecord[];
  /** When an index was last accepted (ISO 8601). */
  lastUpdate: string;
  /** When Parallax will next fetch the list. */
  nextUpdate: string;
  /** The last update's failure, until an update succeeds. */
  lastError: { at: string; message: string } | null;
  /** A key the list is now signed with, waiting for the reader to accept it. */
  newKey: string | null;
  /** Ids of the reader's own packs they let this list replace (and then keep up to date). */
  takeOver: string[];
  /** Versions the list offered of the reader's own packs that the reader chose not to take. */
  keepOwn: { id: string; version: string }[];
}

const HOUR_MS = 3_600_000;

/** When to fetch again, `hours` after `now`. */
export const updateDueAfter = (now: Date, hours: number): string =>
  new Date(now.getTime() + hours * HOUR_MS).toISOString();

/** After a failure to reach the list's site (offline, the site down), try again in an hour, not a day. */
export const RETRY_UNREACHABLE_HOURS = 1;

/** The subscription after a failed update: nothing else changes; the reason is kept for the reader. */
export function withFailure(
  sub: ListSubscription,
  message: string,
  now: Date,
  options: { unreachable?: boolean; newKey?: string } = {},
): ListSubscription {
  const hours = options.unreachable ? Math.min(RETRY_UNREACHABLE_HOURS, sub.updateHours) : sub.updateHours;
  return {
    ...sub,
    lastError: { at: now.toISOString(), message },
    nextUpdate: updateDueAfter(now, hours),
    newKey: options.newKey ?? sub.newKey,
  };
}

/** The subscription once the reader accepted the list's new key (an update follows). */
export function acceptNewKey(sub: ListSubscription): ListSubscription {
  if (sub.newKey === null) throw new Error(`the list ${sub.address} has no new key to accept`);
  return { ...sub, publicKey: sub.newKey, newKey: null };
}

/** The subscription once the reader kept the old key: the new one is forgotten (and asked again if the list still has it). */
export const keepOldKey = (sub: ListSubscription): ListSubscription => ({ ...sub, newKey: null });

/**
 * The reader's answer about a pack the list has a newer version of than their own copy: take the
 * list's (it is then the list's, updated with it and removed with it), or keep their own at this
 * version (asked again when the list has a newer one).
 */
export function answerTakeOver(sub: ListSubscription, id: string, takeListCopy: boolean): ListSubscription {
  const offered = sub.packs.find((p) => p.id === id);
  if (!offered) throw new Error(`the list ${sub.address} has no pack "${id}"`);
  if (takeListCopy)
    return { ...sub, takeOver: [...new Set([...sub.takeOver, id])], keepOwn: sub.keepOwn.filter((k) => k.id !== id) };
  return {
    ...sub,
    keepOwn: [...sub.keepOwn.filter((k) => k.id !== id), { id, version: offered.version }],
    packs: sub.packs.map((p) => (p.id === id ? { ...p, state: 'own' } : p)),
  };
}
