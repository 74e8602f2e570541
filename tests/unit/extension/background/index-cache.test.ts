// The index of added packs kept between worker lives: used only for exactly the claims it was
// built for, keyed by the stored packs, and a worker's next life matches with it unbuilt.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledPacks } from '../../../../src/extension/packs/bundled-packs';
import { indexFor, sessionIndexCache } from '../../../../src/extension/background/index-cache';
import { buildPackMatching } from '../../../../src/extension/background/installed-packs';
import { combinePacks } from '../../../../src/core/database/combine';
import { readPack } from '../../../../src/core/database/load';
import { buildIndex } from '../../../../src/core/match/index-builder';

const ferry = readPack(
  JSON.parse(readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8')),
);
const withFerry = combinePacks([
  ...bundledPacks().map((pack) => ({ pack, origin: 'bundled' as const })),
  { pack: ferry, origin: 'installed' },
]);
const bundledOnly = combinePacks(bundledPacks().map((pack) => ({ pack, origin: 'bundled' as const })));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('indexFor', () => {
  it('builds and saves an index when none is kept', () => {
    const save = vi.fn();
    const index = indexFor(withFerry, { cached: null, save });
    expect(index.claims).toHaveLength(withFerry.claims.length);
    expect(save).toHaveBeenCalledWith(index);
  });

  it('uses the kept index built for exactly these claims', () => {
    const kept = buildIndex(withFerry);
    const save = vi.fn();
    expect(indexFor(withFerry, { cached: kept, save })).toBe(kept);
    expect(save).not.toHaveBeenCalled();
  });

  it('rebuilds instead of using an index of other claims or of an older format', () => {
    const save = vi.fn();
    expect(indexFor(withFerry, { cached: buildIndex(bundledOnly), save }).claims).toHaveLength(withFerry.claims.length);
    const old = { ...buildIndex(withFerry), format: 1 } as unknown as ReturnType<typeof buildIndex>;
    expect(indexFor(withFerry, { cached: old, save })).not.toBe(old);
    expect(save).toHaveBeenCalledTimes(2);
  });
});

describe('the session’s kept index', () => {
  it('is found again for the same stored packs, and not for others', async () => {
    const first = await sessionIndexCache('packs as stored, A');
    expect(first.cached).toBeNull();
    const index = buildIndex(withFerry);
    first.save(index);
    await vi.waitFor(async () => expect((await sessionIndexCache('packs as stored, A')).cached).toEqual(index));
    expect((await sessionIndexCache('packs as stored, B')).cached).toBeNull();
    // Only the session area: nothing kept past the browser session.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a worker’s next life matches with the kept index instead of building one', async () => {
    const store = { installed: [{ pack: ferry, installedAt: '2025-01-01T00:00:00.000Z' }], disabled: [] };
    const key = JSON.stringify(store);
    const firstLife = await buildPackMatching(store, key);
    firstLife.matching.score('The ferry caught fire.');
    await vi.waitFor(async () => expect((await sessionIndexCache(key)).cached).not.toBeNull());

    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const nextLife = await buildPackMatching(store, key);
    nextLife.matching.score('The ferry caught fire.');
    expect(set).not.toHaveBeenCalled();
  });

  it('is forgotten when no added pack is left', async () => {
    const store = { installed: [{ pack: ferry, installedAt: '' }], disabled: [] };
    (await buildPackMatching(store, JSON.stringify(store))).matching.score('x');
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toHaveLength(1));
    await buildPackMatching({ installed: [], disabled: [] }, '{}');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
