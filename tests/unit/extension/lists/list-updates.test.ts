// A list's subscription and updates as the service worker runs them, over the real stored packs
// (WXT's fake browser storage) and a list served from memory with real keys: one write for packs
// and subscription, failures recorded with nothing else changed (a full storage included), the
// next try sooner when the site could not be reached, one run at a time per list.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPack } from '../../../../src/core/database/load';
import type { PackList } from '../../../../src/core/lists/list-schema';
import type { FetchedFile } from '../../../../src/extension/lists/fetch-list-file';
import { listUpdates, type ListUpdateDeps } from '../../../../src/extension/lists/list-updates';
import {
  installStoredPack,
  readPackStore,
  readSubscriptions,
  updatePacksAndLists,
} from '../../../../src/extension/packs/stored-packs';
import { nodeVerify } from '../../../../src/tools/pack-list/list-keys';
import { raqqaPack } from '../../core/database/seed-texts';
import { entryOf, indexOf, LIST_ADDRESS, newKey, signed } from '../../core/lists/signed-list';

const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const bundled = [readPack(raqqaPack())];
const key = newKey();
const story = (id: string, version = '1.0.0') =>
  JSON.stringify({ ...JSON.parse(ferryText), id, version, story: { title: `The ${id} story`, date: '2025-03-14' } });

/** The list's site in memory: its files by address, and every address asked for. */
function site() {
  const files = new Map<string, Uint8Array | 'down'>();
  const asked: string[] = [];
  let published = Date.parse('2025-04-01T10:00:00Z');
  const publish = (texts: string[], extra: Partial<PackList> = {}) => {
    published += 3_600_000;
    const index = indexOf(key, texts, { published: new Date(published).toISOString(), ...extra });
    const file = signed(index, key);
    files.set(LIST_ADDRESS, file.bytes);
    files.set(`${LIST_ADDRESS}.sig`, new TextEncoder().encode(file.signatureText));
    for (const text of texts)
      files.set(new URL(entryOf(text).address, LIST_ADDRESS).href, new TextEncoder().encode(text));
  };
  const fetchFile = async (url: string, maxBytes: number): Promise<FetchedFile> => {
    asked.push(url.replace('https://lists.example.org/world/', ''));
    const file = files.get(url);
    if (file === 'down' || file === undefined)
      return { ok: false, error: 'Parallax could not reach lists.example.org', unreachable: true };
    if (file.length > maxBytes) return { ok: false, error: 'too big', unreachable: false };
    return { ok: true, bytes: new Uint8Array(file) };
  };
  return { files, asked, publish, fetchFile };
}

let now = new Date('2025-04-02T08:00:00Z');
const released: string[] = [];

function updater(list: ReturnType<typeof site>, deps: Partial<ListUpdateDeps> = {}) {
  return listUpdates({
    fetchFile: list.fetchFile,
    verify: nodeVerify,
    sha256: async (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()),
    bundled: () => bundled,
    readLists: readSubscriptions,
    updateStored: updatePacksAndLists,
    releaseSite: async (address) => void released.push(address),
    now: () => now,
    ...deps,
  });
}

const ids = async () =>
  (await readPackStore()).installed.map((p) => `${p.pack.id}@${p.pack.version}${p.list ? ' (list)' : ''}`);

beforeEach(() => {
  fakeBrowser.reset();
  released.length = 0;
  now = new Date('2025-04-02T08:00:00Z');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('subscribing', () => {
  it('installs the list’s packs and stores the subscription in one write', async () => {
    const list = site();
    list.publish([story('alpha'), story('beta')]);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const result = await updater(list).subscribe(LIST_ADDRESS);
    expect(result).toEqual({
      ok: true,
      title: 'World stories',
      outcome: { added: ['The alpha story', 'The beta story'], updated: [], removed: [], asks: 0 },
    });
    expect(writes).toHaveBeenCalledTimes(1);
    expect(Object.keys(writes.mock.calls[0]![0]).sort()).toEqual(['installedPacks', 'packLists']);
    expect(await ids()).toEqual(['alpha@1.0.0 (list)', 'beta@1.0.0 (list)']);
    expect((await readSubscriptions()).map((l) => [l.address, l.title, l.nextUpdate])).toEqual([
      [LIST_ADDRESS, 'World stories', '2025-04-03T08:00:00.000Z'],
    ]);
  });

  it('subscribes to nothing when the list cannot be used, and gives the site’s leave back', async () => {
    const list = site();
    const result = await updater(list).subscribe(LIST_ADDRESS);
    expect(result).toEqual({ ok: false, title: null, error: 'Parallax could not reach lists.example.org' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(released).toEqual([LIST_ADDRESS]);
  });
});

describe('updating', () => {
  it('records a failure on the list, changes nothing else, and tries an unreachable site again in an hour', async () => {
    const list = site();
    list.publish([story('alpha')]);
    const updates = updater(list);
    await updates.subscribe(LIST_ADDRESS);
    const packs = await fakeBrowser.storage.local.get('installedPacks');
    list.files.set(LIST_ADDRESS, 'down');
    now = new Date('2025-04-03T08:00:00Z');
    expect(await updates.update(LIST_ADDRESS)).toEqual({
      ok: false,
      title: 'World stories',
      error: 'Parallax could not reach lists.example.org',
    });
    expect(await fakeBrowser.storage.local.get('installedPacks')).toEqual(packs);
    const [sub] = await readSubscriptions();
    expect(sub!.lastError).toEqual({
      at: '2025-04-03T08:00:00.000Z',
      message: 'Parallax could not reach lists.example.org',
    });
    expect(sub!.nextUpdate).toBe('2025-04-03T09:00:00.000Z');
    expect(sub!.lastUpdate).toBe('2025-04-02T08:00:00.000Z');

    // A tampered pack: refused, retried on the usual schedule; the error cleared by the next success.
    list.publish([story('alpha', '1.1.0')]);
    list.files.set(
      new URL('packs/alpha-1.1.0.json', LIST_ADDRESS).href,
      new TextEncoder().encode(story('alpha', '1.1.0').replace('alpha story', 'alpha stor!')),
    );
    const tampered = await updates.update(LIST_ADDRESS);
    expect(tampered.ok === false && tampered.error).toMatch(
      /^the story pack "alpha" was refused: its SHA-256 is not the one the list says/,
    );
    expect((await readSubscriptions())[0]!.nextUpdate).toBe('2025-04-04T08:00:00.000Z');
    list.publish([story('alpha', '1.1.0')]);
    expect((await updates.update(LIST_ADDRESS)).ok).toBe(true);
    expect((await readSubscriptions())[0]!.lastError).toBeNull();
    expect(await ids()).toEqual(['alpha@1.1.0 (list)']);
  });

  it('writes nothing of an update the storage has no room for, and says so', async () => {
    const list = site();
    list.publish([story('alpha')]);
    const updates = updater(list);
    await updates.subscribe(LIST_ADDRESS);
    const before = await fakeBrowser.storage.local.get(null);
    list.publish([story('alpha'), story('beta')]);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // The browser refuses any write that adds a pack (Chromium's message); a small one goes through.
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if ('installedPacks' in items) throw new Error('Resource::kQuotaBytes quota exceeded');
      return set(items);
    });
    const result = await updates.update(LIST_ADDRESS);
    expect(result).toEqual({
      ok: false,
      title: 'World stories',
      error: 'the browser’s storage for Parallax is full. Remove a story you no longer need and try again.',
    });
    const after = await fakeBrowser.storage.local.get(null);
    expect(after.installedPacks).toEqual(before.installedPacks);
    expect((await readSubscriptions())[0]!.lastError?.message).toBe(result.ok ? '' : result.error);
  });

  it('runs one update of a list at a time: a second request shares the first', async () => {
    const list = site();
    list.publish([story('alpha')]);
    const updates = updater(list);
    await updates.subscribe(LIST_ADDRESS);
    list.asked.length = 0;
    const [a, b] = await Promise.all([updates.update(LIST_ADDRESS), updates.update(LIST_ADDRESS)]);
    expect(a).toBe(b);
    expect(list.asked).toEqual(['list.json', 'list.json.sig']);
  });

  it('names the packs it fetched anew or removed, so that one found too slow is tried again; none when nothing changed', async () => {
    const list = site();
    list.publish([story('alpha'), story('beta')]);
    const changed: string[][] = [];
    const updates = updater(list, { packsChanged: async (ids) => void changed.push([...ids]) });
    await updates.subscribe(LIST_ADDRESS);
    now = new Date('2025-04-03T08:00:00Z');
    await updates.update(LIST_ADDRESS);
    now = new Date('2025-04-04T08:00:00Z');
    list.publish([story('alpha', '1.0.1')]);
    await updates.update(LIST_ADDRESS);
    await updates.unsubscribe(LIST_ADDRESS);
    expect(changed).toEqual([['alpha', 'beta'], ['alpha', 'beta'], ['alpha']]);
  });
});

describe('answers and unsubscribing', () => {
  it('takes the list’s copy of the reader’s own story only when they say so', async () => {
    await installStoredPack(story('alpha'), bundled);
    const list = site();
    list.publish([story('alpha', '2.0.0')]);
    const updates = updater(list);
    expect(await updates.subscribe(LIST_ADDRESS)).toMatchObject({ ok: true, outcome: { added: [], asks: 1 } });
    expect(await ids()).toEqual(['alpha@1.0.0']);
    const taken = await updates.answer(LIST_ADDRESS, { about: 'pack', id: 'alpha', takeListCopy: true });
    expect(taken).toMatchObject({
      ok: true,
      outcome: { updated: [{ title: 'The alpha story', from: '1.0.0', to: '2.0.0' }] },
    });
    expect(await ids()).toEqual(['alpha@2.0.0 (list)']);
  });

  it('unsubscribing removes the list’s packs and subscription in one write and gives the site’s leave back', async () => {
    await installStoredPack(story('own'), bundled);
    const list = site();
    list.publish([story('alpha')]);
    const updates = updater(list);
    await updates.subscribe(LIST_ADDRESS);
    expect(await updates.unsubscribe(LIST_ADDRESS)).toEqual({ ok: true, title: 'World stories', outcome: null });
    expect(await ids()).toEqual(['own@1.0.0']);
    expect(await readSubscriptions()).toEqual([]);
    expect(released).toEqual([LIST_ADDRESS]);
    expect(await updates.update(LIST_ADDRESS)).toEqual({
      ok: false,
      title: null,
      error: 'you do not subscribe to this list',
    });
  });
});
