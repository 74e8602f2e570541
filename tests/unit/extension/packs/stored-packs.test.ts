// The reader's packs in storage, against WXT's fake browser (in-memory storage with real change
// events): they go to the local area, come back validated, and a damaged or unreadable store never
// stops the other packs nor gets overwritten.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPack } from '../../../../src/core/database/load';
import { mergePacks } from '../../../../src/core/database/pack-store';
import { formatProblem } from '../../../../src/core/database/problems';
import {
  installStoredPack,
  parsePackStore,
  previewPackFile,
  readPackStore,
  removeStoredPack,
  setStoredPackEnabled,
  watchPackStore,
} from '../../../../src/extension/packs/stored-packs';
import { raqqaPack } from '../../core/database/seed-texts';

const FERRY_ID = 'northern-lark-ferry-fire-2025';
const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const ferry = () => JSON.parse(ferryText);
const withVersion = (version: string) => JSON.stringify({ ...ferry(), version });
const bundled = [readPack(raqqaPack())];
const RAQQA_ID = bundled[0]!.id;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('installing, switching and removing stored packs', () => {
  it('keeps an installed pack in the local area (not sync), and reads it back', async () => {
    const result = await installStoredPack(ferryText, bundled);
    expect(result.ok && result.action).toBe('install');
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).sort()).toEqual(['installedPacks']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const store = await readPackStore();
    expect(store.installed.map((p) => p.pack.id)).toEqual([FERRY_ID]);
    expect(store.installed[0]!.installedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(mergePacks(bundled, store).packs.map((p) => `${p.origin} ${p.pack.id}`)).toEqual([
      `bundled ${RAQQA_ID}`,
      `installed ${FERRY_ID}`,
    ]);
  });

  it('stores nothing from a bad file, and says which claim and field are wrong', async () => {
    const pack = ferry();
    pack.claims[2].reports[0].values[0].kind = 'temperature';
    const result = await installStoredPack(JSON.stringify(pack), bundled);
    expect(result.ok).toBe(false);
    expect(!result.ok && formatProblem(result.problems[0]!)).toMatch(
      /^claim "route", report 0 \(article northline-2025-03-15\), values\[0\]\.kind: /,
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('previews a replacement without storing it', async () => {
    await installStoredPack(withVersion('1.2.0'), bundled);
    const preview = await previewPackFile(withVersion('1.0.0'), bundled);
    expect(preview.ok && [preview.action, preview.replaced]).toEqual(['downgrade', '1.2.0']);
    expect((await readPackStore()).installed[0]!.pack.version).toBe('1.2.0');
  });

  it('switches a bundled pack off and on, writing only the small list', async () => {
    await installStoredPack(ferryText, bundled);
    const writes: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => void writes.push(Object.keys(changes)));
    await setStoredPackEnabled(RAQQA_ID, false);
    expect((await readPackStore()).disabled).toEqual([RAQQA_ID]);
    expect(mergePacks(bundled, await readPackStore()).packs.map((p) => p.pack.id)).toEqual([FERRY_ID]);
    await setStoredPackEnabled(RAQQA_ID, true);
    expect((await readPackStore()).disabled).toEqual([]);
    expect(writes).toEqual([['disabledPacks'], ['disabledPacks']]);
  });

  it('removes an installed pack and forgets that it was switched off', async () => {
    await installStoredPack(ferryText, bundled);
    await setStoredPackEnabled(FERRY_ID, false);
    await removeStoredPack(FERRY_ID);
    expect(await readPackStore()).toEqual({ installed: [], disabled: [] });
  });

  it('two quick changes both stick', async () => {
    await installStoredPack(ferryText, bundled);
    await Promise.all([setStoredPackEnabled(FERRY_ID, false), setStoredPackEnabled(RAQQA_ID, false)]);
    expect((await readPackStore()).disabled.sort()).toEqual([FERRY_ID, RAQQA_ID].sort());
  });

  it('turns a full storage into a message the reader can act on, and keeps what was stored', async () => {
    await installStoredPack(withVersion('1.0.0'), bundled);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(installStoredPack(withVersion('2.0.0'), bundled)).rejects.toThrow(
      /storage for Parallax is full\. Remove a story/,
    );
    expect((await readPackStore()).installed[0]!.pack.version).toBe('1.0.0');
  });
});

describe('reading what storage holds', () => {
  it('is empty when nothing is stored', async () => {
    expect(await readPackStore()).toEqual({ installed: [], disabled: [] });
  });

  it('drops entries that cannot be a pack, keeps the first of an id, and keeps a damaged pack for the reader to remove', () => {
    const damaged = { ...ferry(), id: 'damaged', claims: 'not a list' };
    const store = parsePackStore(
      [
        null,
        7,
        'pack',
        [],
        { pack: null },
        { pack: { id: '' } },
        { pack: { claims: [] } },
        { pack: ferry(), installedAt: 12 },
        { pack: { ...ferry(), version: '9.9.9' } },
        { pack: damaged, installedAt: '2025-01-01T00:00:00Z' },
      ],
      [RAQQA_ID, 4, null, RAQQA_ID, '', FERRY_ID],
    );
    expect(store.installed.map((p) => [p.pack.id, p.pack.version, p.installedAt])).toEqual([
      [FERRY_ID, '0.1.0', ''],
      ['damaged', '0.1.0', '2025-01-01T00:00:00Z'],
    ]);
    expect(store.disabled).toEqual([RAQQA_ID, FERRY_ID]);
    // The damaged pack is left out of matching; the others are not stopped by it.
    const merged = mergePacks(bundled, { ...store, disabled: [] });
    expect(merged.packs.map((p) => p.pack.id)).toEqual([RAQQA_ID, FERRY_ID]);
    expect(merged.skipped.map((s) => s.id)).toEqual(['damaged']);
  });

  it('reads values of the wrong type as nothing, without logging', async () => {
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    await fakeBrowser.storage.local.set({ installedPacks: { not: 'a list' }, disabledPacks: 'raqqa' });
    expect(await readPackStore()).toEqual({ installed: [], disabled: [] });
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });

  it('an unreadable storage gives the bundled packs only, and refuses to write over what it could not read', async () => {
    await installStoredPack(ferryText, bundled);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: database corrupted'));
    expect(await readPackStore()).toEqual({ installed: [], disabled: [] });
    expect(warn).toHaveBeenCalledTimes(1);
    await expect(setStoredPackEnabled(RAQQA_ID, false)).rejects.toThrow(
      /could not read the stories it has stored, so nothing was changed/,
    );
    get.mockRestore();
    expect((await readPackStore()).installed.map((p) => p.pack.id)).toEqual([FERRY_ID]);
  });
});

describe('watchPackStore', () => {
  it('calls back once per change of the stored packs, and not for other storage', async () => {
    const changes = vi.fn();
    const stop = watchPackStore(changes);
    await installStoredPack(ferryText, bundled);
    expect(changes).toHaveBeenCalledTimes(1);
    await setStoredPackEnabled(FERRY_ID, false);
    await removeStoredPack(FERRY_ID); // both keys, one write
    expect(changes).toHaveBeenCalledTimes(3);
    await fakeBrowser.storage.sync.set({ installedPacks: [] });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(changes).toHaveBeenCalledTimes(3);
    stop();
    await installStoredPack(ferryText, bundled);
    expect(changes).toHaveBeenCalledTimes(3);
  });
});
