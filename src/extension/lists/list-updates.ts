// A list's subscription, updates and unsubscription, run by the service worker (for the options
// page's buttons and the schedule alike, so one list is never updated twice at once). Each step
// is a decision of core/lists (checkIndex, planListUpdate, applyListUpdate) with the fetching in
// between: the index and its signature; then only the packs whose version or SHA-256 changed, each
// checked against the signed index; then one write of the packs and the subscription together,
// against the stored packs as they are at that moment. Whatever fails, nothing is installed and
// nothing removed: the reason is kept on the subscription for the options page to show.
import type { PackStore } from '../../core/database/pack-store';
import type { Pack } from '../../core/database/schema';
import { packAddress, signatureAddress } from '../../core/lists/list-address';
import { LIST_LIMITS, type PackList } from '../../core/lists/list-schema';
import { packFileProblem, type Bytes, type Ed25519Verify } from '../../core/lists/list-signature';
import {
  applyListUpdate,
  checkIndex,
  planListUpdate,
  type ListActionResult,
  type ListAnswer,
} from '../../core/lists/list-update';
import {
  acceptNewKey,
  answerTakeOver,
  keepOldKey,
  withFailure,
  type ListSubscription,
} from '../../core/lists/subscription';
import { removeListPacks } from '../../core/database/pack-store';
import { utf8Text, type FetchedFile } from './fetch-list-file';

export interface ListUpdateDeps {
  fetchFile(url: string, maxBytes: number): Promise<FetchedFile>;
  verify: Ed25519Verify;
  sha256(bytes: Bytes): Promise<Bytes>;
  bundled(): readonly Pack[];
  readLists(): Promise<ListSubscription[]>;
  /** stored-packs' updatePacksAndLists: one read-modify-write of packs and subscriptions. */
  updateStored<R>(
    change: (
      store: PackStore,
      lists: ListSubscription[],
    ) => { store?: PackStore | null; lists?: ListSubscription[] | null; result: R },
  ): Promise<R>;
  /** Called once a list is gone, to give up the leave to reach its site (unless another list is on it). */
  releaseSite(address: string, remaining: readonly ListSubscription[]): Promise<void>;
  /** Called with the ids of the packs an update installed or removed, so that one the worker found too slow is tried again. */
  packsChanged?(ids: readonly string[]): Promise<void>;
  now(): Date;
}

export interface ListUpdates {
  subscribe(address: string): Promise<ListActionResult>;
  update(address: string): Promise<ListActionResult>;
  unsubscribe(address: string): Promise<ListActionResult>;
  answer(address: string, answer: ListAnswer): Promise<ListActionResult>;
}

type Fetched =
  | { ok: true; list: PackList; files: Map<string, string> }
  | { ok: false; error: string; unreachable?: boolean; newKey?: string };

const replace = (lists: ListSubscription[], sub: ListSubscription) =>
  lists.some((l) => l.address === sub.address)
    ? lists.map((l) => (l.address === sub.address ? sub : l))
    : [...lists, sub];

export function listUpdates(deps: ListUpdateDeps): ListUpdates {
  /** The run under way for each list: a second request for the same list waits for it. */
  const running = new Map<string, Promise<ListActionResult>>();

  const once = (address: string, run: () => Promise<ListActionResult>): Promise<ListActionResult> => {
    const current = running.get(address);
    if (current) return current;
    const task = run().finally(() => running.delete(address));
    running.set(address, task);
    return task;
  };

  /** The index, checked, and every pack the plan needs, checked against it. */
  async function fetchList(address: string, subscription: ListSubscription | null, store: PackStore): Promise<Fetched> {
    const index = await deps.fetchFile(address, LIST_LIMITS.indexBytes);
    if (!index.ok) return index;
    const signature = await deps.fetchFile(signatureAddress(address), LIST_LIMITS.signatureBytes);
    if (!signature.ok) return { ...signature, error: `its signature could not be fetched: ${signature.error}` };
    const text = utf8Text(index.bytes);
    if (text === null) return { ok: false, error: 'it is not a pack list Parallax can read: not UTF-8 text' };
    const checked = await checkIndex({
      address,
      bytes: index.bytes,
      text,
      signatureText: utf8Text(signature.bytes) ?? '',
      subscription,
      verify: deps.verify,
    });
    if (!checked.ok) return checked;
    const plan = planListUpdate(subscription, address, checked.list, store, deps.bundled());
    const files = new Map<string, string>();
    for (const entry of plan.fetch) {
      const file = await deps.fetchFile(packAddress(entry.address, address), entry.size);
      if (!file.ok) return { ...file, error: `the story pack "${entry.id}" could not be fetched: ${file.error}` };
      const problem = packFileProblem(entry, { size: file.bytes.length, digest: await deps.sha256(file.bytes) });
      if (problem) return { ok: false, error: `the story pack "${entry.id}" was refused: ${problem}` };
      files.set(entry.id, utf8Text(file.bytes) ?? '');
    }
    return { ok: true, list: checked.list, files };
  }

  /** Fetches and applies; on a subscription, records the outcome on it. */
  async function run(address: string, subscribing: boolean): Promise<ListActionResult> {
    const now = deps.now();
    let store: PackStore;
    let lists: ListSubscription[];
    try {
      [store, lists] = await deps.updateStored((s, l) => ({ result: [s, l] as const }));
    } catch (error) {
      return { ok: false, title: null, error: error instanceof Error ? error.message : String(error) };
    }
    const subscription = lists.find((l) => l.address === address) ?? null;
    if (subscribing && subscription)
      return { ok: false, title: subscription.title, error: 'you already subscribe to this list' };
    if (!subscribing && !subscription) return { ok: false, title: null, error: 'you do not subscribe to this list' };

    let fetched: Fetched;
    try {
      fetched = await fetchList(address, subscription, store);
    } catch (error) {
      fetched = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const title = subscription?.title ?? null;
    const fail = async (
      error: string,
      options: { unreachable?: boolean; newKey?: string } = {},
    ): Promise<ListActionResult> => {
      if (subscription) {
        // The failure recorded, and the next try scheduled; a failure to record it (storage full)
        // leaves the last one shown, which is all that can be done.
        await deps
          .updateStored((_s, current) => {
            const sub = current.find((l) => l.address === address);
            return { lists: sub ? replace(current, withFailure(sub, error, now, options)) : null, result: undefined };
          })
          .catch(() => undefined);
      }
      return options.newKey ? { ok: false, title, error, newKey: true } : { ok: false, title, error };
    };
    if (!fetched.ok) return fail(fetched.error, fetched);
    const { list, files } = fetched;

    let changed: string[] = [];
    try {
      const result = await deps.updateStored((current, currentLists) => {
        const sub = currentLists.find((l) => l.address === address) ?? null;
        if (!subscribing && !sub)
          return {
            result: { ok: false, title, error: 'you unsubscribed from this list meanwhile' } as ListActionResult,
          };
        // Planned again on the packs as stored now (the reader may have added one meanwhile).
        const plan = planListUpdate(sub, address, list, current, deps.bundled());
        if (plan.fetch.some((entry) => !files.has(entry.id))) {
          return {
            result: {
              ok: false,
              title,
              error: 'your stories changed while the list was being fetched; update it again',
            } as ListActionResult,
          };
        }
        const applied = applyListUpdate({
          store: current,
          subscription: sub,
          address,
          list,
          plan,
          files,
          bundled: deps.bundled(),
          now,
        });
        if (!applied.ok) {
          return {
            lists: sub ? replace(currentLists, withFailure(sub, applied.error, now)) : null,
            result: { ok: false, title, error: applied.error } as ListActionResult,
          };
        }
        changed = [...plan.fetch.map((entry) => entry.id), ...plan.remove];
        return {
          store: applied.store === current ? null : applied.store,
          lists: replace(currentLists, applied.subscription),
          result: { ok: true, title: list.title, outcome: applied.outcome } as ListActionResult,
        };
      });
      if (result.ok && changed.length > 0) await deps.packsChanged?.(changed).catch(() => undefined);
      return result;
    } catch (error) {
      // The write failed as a whole (storage full): nothing of it was kept.
      return fail(
        error instanceof Error ? error.message.replace(/^Parallax could not save this: /, '') : String(error),
      );
    }
  }

  return {
    subscribe: (address) =>
      once(address, async () => {
        const result = await run(address, true);
        // Not subscribed: the leave to reach the site, asked for this list, is given back.
        if (!result.ok) await deps.releaseSite(address, await deps.readLists()).catch(() => undefined);
        return result;
      }),
    update: (address) => once(address, () => run(address, false)),

    unsubscribe: (address) =>
      once(address, async () => {
        let removed: string[] = [];
        const result = await deps.updateStored((store, lists) => {
          const sub = lists.find((l) => l.address === address);
          if (!sub)
            return {
              result: { ok: false, title: null, error: 'you do not subscribe to this list' } as ListActionResult,
            };
          removed = store.installed.filter((p) => p.list === address).map((p) => p.pack.id);
          return {
            store: removeListPacks(store, address),
            lists: lists.filter((l) => l !== sub),
            result: { ok: true, title: sub.title, outcome: null } as ListActionResult,
          };
        });
        if (result.ok) await deps.releaseSite(address, await deps.readLists()).catch(() => undefined);
        if (result.ok && removed.length > 0) await deps.packsChanged?.(removed).catch(() => undefined);
        return result;
      }),

    answer: async (address, answer) => {
      const result = await deps.updateStored((_store, lists) => {
        const sub = lists.find((l) => l.address === address);
        if (!sub)
          return { result: { ok: false, title: null, error: 'you do not subscribe to this list' } as ListActionResult };
        let next: ListSubscription;
        try {
          next =
            answer.about === 'key'
              ? answer.accept
                ? acceptNewKey(sub)
                : keepOldKey(sub)
              : answerTakeOver(sub, answer.id, answer.takeListCopy);
        } catch (error) {
          return { result: { ok: false, title: sub.title, error: (error as Error).message } as ListActionResult };
        }
        return {
          lists: replace(lists, next),
          result: { ok: true, title: sub.title, outcome: null } as ListActionResult,
        };
      });
      // Accepting a key or the list's copy of a story takes effect with an update, now: a fresh
      // one, after any already under way (which read the subscription before the answer).
      const updateNow = answer.about === 'key' ? answer.accept : answer.takeListCopy;
      if (!result.ok || !updateNow) return result;
      await running.get(address)?.catch(() => undefined);
      return once(address, () => run(address, false));
    },
  };
}
