// The packs the worker found too slow to prepare, kept in the browser's session storage (WXT's
// fake browser here): remembered, read back whatever the storage holds, and forgotten when the
// reader adds the pack again or removes it, so it is tried again.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPack } from '../../../../src/core/database/load';
import {
  parseSlowPacks,
  readSlowPacks,
  recordSlowPack,
  watchSlowPacks,
} from '../../../../src/extension/packs/slow-packs';
import { installStoredPack, removeStoredPack } from '../../../../src/extension/packs/stored-packs';
import { raqqaPack } from '../../core/database/seed-texts';

const FERRY_ID = 'northern-lark-ferry-fire-2025';
const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const bundled = [readPack(raqqaPack())];
const slowFerry = { id: FERRY_ID, version: '0.1.0', seconds: 2.4 };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('slow packs', () => {
  it('are kept in the session area, one entry a pack, and watched', async () => {
    const changed = vi.fn();
    const stop = watchSlowPacks(changed);
    await recordSlowPack(slowFerry);
    await recordSlowPack({ ...slowFerry, seconds: 3 });
    expect(await readSlowPacks()).toEqual([{ ...slowFerry, seconds: 3 }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    stop();
  });

  it('read back only what can be a slow pack', () => {
    expect(parseSlowPacks([slowFerry, { id: 1 }, null, { ...slowFerry, seconds: Infinity }, 'x'])).toEqual([slowFerry]);
    expect(parseSlowPacks({ id: FERRY_ID })).toEqual([]);
  });

  it('are forgotten when the pack is added again or removed', async () => {
    await recordSlowPack(slowFerry);
    await installStoredPack(ferryText, bundled);
    expect(await readSlowPacks()).toEqual([]);
    await recordSlowPack(slowFerry);
    await removeStoredPack(FERRY_ID);
    expect(await readSlowPacks()).toEqual([]);
  });
});
