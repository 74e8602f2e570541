// The worker's matching follows the stored packs: a story installed, switched off or removed is
// matched (or no longer matched) after the change, open tabs are told once per change, and a
// write that changed nothing keeps the sessions and cache.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledPacks } from '../../../../src/extension/packs/bundled-packs';
import {
  buildPackMatching,
  followStoredPacks,
  type PackMatching,
} from '../../../../src/extension/background/installed-packs';
import { extractBlocks } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { ROOT } from '../../../../src/node/paths';
import {
  installStoredPack,
  readPackStore,
  removeStoredPack,
  setStoredPackEnabled,
  watchPackStore,
} from '../../../../src/extension/packs/stored-packs';

const FERRY = resolve(ROOT, 'tests/fixtures/stories/northern-lark-ferry-fire-2025');
const ferryText = readFileSync(resolve(FERRY, 'pack.json'), 'utf8');
const FERRY_PAGE_URL = 'https://www.coastlinetoday.example/news/2025/03/15/northern-lark-evacuation-crew-praised';
const ferryPage = extractBlocks(parseHtml(readFileSync(resolve(FERRY, 'pages/coastline-today.html'), 'utf8')).body).map(
  (b) => b.text,
);

/** The packs whose claims the page gets. */
function storiesMatched(packs: PackMatching): string[] {
  const { claims } = packs.matching.match(FERRY_PAGE_URL, ferryPage);
  return [...new Set(Object.keys(claims).map((id) => id.split('/')[0]!))];
}

beforeEach(() => {
  fakeBrowser.reset();
});

function follow() {
  const builds = vi.fn(buildPackMatching);
  const tellTabs = vi.fn(async () => undefined);
  const packs = followStoredPacks({ readStore: readPackStore, build: builds, tellTabs });
  watchPackStore(() => void packs.storeChanged());
  return { packs, builds, tellTabs };
}

/** Lets the storage change event's handler (a read, a build, the tabs told) finish. */
const settle = () => new Promise((done) => setTimeout(done, 20));

describe('following the stored packs', () => {
  it('matches a page of an installed story once it is installed, and no longer once it is switched off or removed', async () => {
    const { packs, tellTabs } = follow();
    expect(storiesMatched(await packs.current())).toEqual([]);

    await installStoredPack(ferryText, bundledPacks());
    await settle();
    expect(tellTabs).toHaveBeenCalledTimes(1);
    expect(storiesMatched(await packs.current())).toEqual(['northern-lark-ferry-fire-2025']);

    await setStoredPackEnabled('northern-lark-ferry-fire-2025', false);
    await settle();
    expect(storiesMatched(await packs.current())).toEqual([]);

    await setStoredPackEnabled('northern-lark-ferry-fire-2025', true);
    await removeStoredPack('northern-lark-ferry-fire-2025');
    await settle();
    expect(storiesMatched(await packs.current())).toEqual([]);
    expect(tellTabs).toHaveBeenCalledTimes(4);
  });

  it('starts from what is stored (a restarted worker)', async () => {
    await installStoredPack(ferryText, bundledPacks());
    const { packs } = follow();
    expect(storiesMatched(await packs.current())).toEqual(['northern-lark-ferry-fire-2025']);
  });

  it('a new build drops the pages’ sessions (scored with the old packs), so tabs resend their text', async () => {
    const { packs, builds } = follow();
    const before = await packs.current();
    expect(
      before.sessions.splice('1:0', { session: 's', base: 0, version: 1, start: 0, deleteCount: 0, insert: ferryPage }),
    ).toEqual({ ok: true });
    await installStoredPack(ferryText, bundledPacks());
    await settle();
    const after = await packs.current();
    expect(builds).toHaveBeenCalledTimes(2);
    expect(after.sessions.blocks('1:0', 's', 1)).toBeNull();
  });

  it('a write that changed nothing keeps the build, and still tells the tabs (a worker woken by the change read it at start)', async () => {
    await installStoredPack(ferryText, bundledPacks());
    const { packs, builds, tellTabs } = follow();
    const first = await packs.current();
    await setStoredPackEnabled('northern-lark-ferry-fire-2025', true);
    await settle();
    expect(builds).toHaveBeenCalledTimes(1);
    expect(await packs.current()).toBe(first);
    expect(tellTabs).toHaveBeenCalledTimes(1);
  });

  it('a damaged stored pack is left out without stopping the others', async () => {
    await installStoredPack(ferryText, bundledPacks());
    const stored = (await fakeBrowser.storage.local.get('installedPacks')).installedPacks as {
      pack: Record<string, unknown>;
    }[];
    await fakeBrowser.storage.local.set({
      installedPacks: [{ pack: { ...stored[0]!.pack, id: 'broken', claims: 3 } }, ...stored],
    });
    const { packs } = follow();
    expect(storiesMatched(await packs.current())).toEqual(['northern-lark-ferry-fire-2025']);
  });
});
