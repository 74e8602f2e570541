// A reader's packs: validating a file, installing, replacing, switching off and removing, and the
// set the matcher loads. The options page and the service worker call these functions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../../../src/extension/background/load-matcher';
import { createMatchingService } from '../../../../src/extension/background/matching-service';
import { readPack } from '../../../../src/core/database/load';
import {
  EMPTY_PACK_STORE,
  compareVersions,
  installPackFile,
  mergePacks,
  packSummaries,
  removePack,
  setPackEnabled,
  validatePackFile,
  type PackStore,
} from '../../../../src/core/database/pack-store';
import { formatProblem } from '../../../../src/core/database/problems';
import { sourceBlocks } from '../../../../src/tools/eval/labels';
import { raqqaPack } from './seed-texts';

const FERRY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
const ferryText = readFileSync(`${FERRY}/pack.json`, 'utf8');
const bundled = [readPack(raqqaPack())];
const install = (store: PackStore, text: string) =>
  installPackFile(store, text, bundled, new Date('2025-04-01T10:00:00Z'));
const withVersion = (version: string) => JSON.stringify({ ...JSON.parse(ferryText), version });

describe('validatePackFile', () => {
  it('accepts a sound pack', () => {
    const result = validatePackFile(ferryText);
    expect(result.ok && result.pack.id).toBe('northern-lark-ferry-fire-2025');
  });

  it('names the claim and field of every problem', () => {
    const pack = JSON.parse(ferryText);
    pack.claims[5].reports[1].values[0].text = 'a time nobody wrote';
    delete pack.claims[7].summary;
    const result = validatePackFile(JSON.stringify(pack));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      'claim "fire-origin", summary: missing: it must be text',
    ]);
    delete pack.claims[7];
    pack.claims = pack.claims.filter(Boolean);
    const again = validatePackFile(JSON.stringify(pack));
    expect(!again.ok && again.problems.map(formatProblem)).toEqual([
      'claim "alarm-time", report 1 (article daily-beacon-2025-03-15), values[0].text: "a time nobody wrote" is not in the quote',
    ]);
  });

  it('says what is wrong with a file that is not a pack at all', () => {
    const notJson = validatePackFile('{"format": "parallax-pack",');
    expect(!notJson.ok && notJson.problems[0]!.message).toMatch(/^not JSON/);
    const settings = validatePackFile('{"disabledSites": []}');
    expect(!settings.ok && settings.problems.map(formatProblem)).toEqual([
      'pack, format: not a Parallax claim pack: its "format" must be "parallax-pack"',
    ]);
    expect(validatePackFile(' '.repeat(6 * 1024 * 1024)).ok).toBe(false);
  });
});

describe('installing, switching off and removing packs', () => {
  it('installs a pack, and lists it after the bundled ones with its story, claims, outlets and version', () => {
    const result = install(EMPTY_PACK_STORE, ferryText);
    expect(result.ok && result.action).toBe('install');
    const store = result.ok ? result.store : EMPTY_PACK_STORE;
    expect(packSummaries(bundled, store)).toEqual([
      {
        id: 'raqqa-convoy-2017',
        title: 'The Raqqa convoy deal, October 2017',
        date: '2017-10-12',
        version: '1.1.1',
        claims: 31,
        outlets: 5,
        origin: 'bundled',
        list: null,
        enabled: true,
        draft: false,
      },
      {
        id: 'northern-lark-ferry-fire-2025',
        title: 'The Northern Lark ferry fire, March 2025 (invented)',
        date: '2025-03-14',
        version: '0.1.0',
        claims: 26,
        outlets: 5,
        origin: 'installed',
        list: null,
        enabled: true,
        draft: false,
      },
    ]);
  });

  it('records the list a pack came from; the same id added from a file is the reader’s again', () => {
    const fromList = installPackFile(
      EMPTY_PACK_STORE,
      ferryText,
      bundled,
      new Date('2025-04-01T10:00:00Z'),
      'https://lists.example.org/list.json',
    );
    const store = fromList.ok ? fromList.store : EMPTY_PACK_STORE;
    expect(store.installed[0]!.list).toBe('https://lists.example.org/list.json');
    expect(packSummaries(bundled, store)[1]!.list).toBe('https://lists.example.org/list.json');
    const byFile = install(store, withVersion('0.2.0'));
    expect(byFile.ok && byFile.store.installed[0]!.list).toBeUndefined();
    expect(byFile.ok && byFile.action).toBe('upgrade');
  });

  it('says which installed pack is a draft no person has reviewed', () => {
    const draft = readFileSync('tests/fixtures/draft-packs/thai-cave-rescue-draft.json', 'utf8');
    const result = installPackFile(EMPTY_PACK_STORE, draft, bundled);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(packSummaries(bundled, result.store).map((s) => [s.id, s.draft])).toEqual([
      ['raqqa-convoy-2017', false],
      ['thai-cave-rescue-completed-july-2018', true],
    ]);
  });

  it('installs nothing from a bad file, and never changes the store it is given', () => {
    const store = { installed: [], disabled: [] };
    const result = install(store, ferryText.replace('"summary"', '"sumary"'));
    expect(result.ok).toBe(false);
    expect(store).toEqual({ installed: [], disabled: [] });
  });

  it('replaces the installed copy of the same pack and says which way the version went', () => {
    const first = install(EMPTY_PACK_STORE, ferryText);
    if (!first.ok) throw new Error('not installed');
    const upgrade = install(first.store, withVersion('0.2.0'));
    expect(upgrade.ok && [upgrade.action, upgrade.replaced, upgrade.store.installed.length]).toEqual([
      'upgrade',
      '0.1.0',
      1,
    ]);
    const downgrade = install(first.store, withVersion('0.0.9'));
    expect(downgrade.ok && downgrade.action).toBe('downgrade');
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
  });

  it("refuses a pack with a bundled pack's id", () => {
    const result = install(EMPTY_PACK_STORE, JSON.stringify(raqqaPack()));
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      'pack, id: "raqqa-convoy-2017" is the id of a pack that comes with Parallax; give this pack another id',
    ]);
  });

  it('switches packs off and on, and removes installed ones', () => {
    const result = install(EMPTY_PACK_STORE, ferryText);
    if (!result.ok) throw new Error('not installed');
    const off = setPackEnabled(result.store, 'raqqa-convoy-2017', false);
    expect(mergePacks(bundled, off).packs.map((p) => p.pack.id)).toEqual(['northern-lark-ferry-fire-2025']);
    expect(mergePacks(bundled, setPackEnabled(off, 'raqqa-convoy-2017', true)).packs.map((p) => p.pack.id)).toEqual([
      'raqqa-convoy-2017',
      'northern-lark-ferry-fire-2025',
    ]);
    const removed = removePack(result.store, 'northern-lark-ferry-fire-2025');
    expect(packSummaries(bundled, removed).map((p) => p.id)).toEqual(['raqqa-convoy-2017']);
    expect(() => removePack(removed, 'raqqa-convoy-2017')).toThrow('no installed pack');
  });

  it('leaves out a stored pack that no longer passes the checks, and keeps the others', () => {
    const broken = { ...JSON.parse(ferryText), id: 'damaged', claims: 'lost' };
    const store: PackStore = {
      installed: [
        { pack: broken, installedAt: '2025-01-01T00:00:00Z' },
        { pack: JSON.parse(ferryText), installedAt: '2025-02-01T00:00:00Z' },
      ],
      disabled: [],
    };
    const { packs, skipped } = mergePacks(bundled, store);
    expect(packs.map((p) => p.pack.id)).toEqual(['raqqa-convoy-2017', 'northern-lark-ferry-fire-2025']);
    expect(skipped.map((s) => s.id)).toEqual(['damaged']);
  });
});

describe('an installed pack in the service worker', () => {
  const page = sourceBlocks(`${FERRY}/pages/coastline-today.html`);
  const raqqaPage = sourceBlocks('tests/fixtures/pages/retelling-meridian-daily.html');
  const claimIds = (deps: ReturnType<typeof loadMatcher>, p: { blocks: string[]; url: string | null }) =>
    Object.keys(createMatchingService(() => deps).match(p.url ?? '', p.blocks).claims);

  it("highlights the new story's page once installed, keeps Raqqa pages to Raqqa, and nothing once removed", () => {
    expect(claimIds(loadMatcher(), page)).toEqual([]);
    const installed = install(EMPTY_PACK_STORE, ferryText);
    if (!installed.ok) throw new Error('not installed');
    const withFerry = loadMatcher(installed.store);
    const ferryClaims = claimIds(withFerry, page);
    expect(ferryClaims.length).toBeGreaterThan(5);
    expect(ferryClaims.every((id) => id.startsWith('northern-lark-ferry-fire-2025/'))).toBe(true);
    expect(claimIds(withFerry, raqqaPage).every((id) => id.startsWith('raqqa-convoy-2017/'))).toBe(true);
    expect(claimIds(loadMatcher(removePack(installed.store, 'northern-lark-ferry-fire-2025')), page)).toEqual([]);
  });
});
