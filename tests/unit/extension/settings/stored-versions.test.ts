// Stored version numbers are judged before anything acts on them; pages never migrate (reading
// validates every version's values), the service worker repairs what is stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, isActiveOn, setSiteEnabled } from '../../../../src/extension/settings/settings';
import {
  judgeVersion,
  repairStoredSettings,
  SITE_LIST_VERSION,
} from '../../../../src/extension/settings/stored-versions';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('judgeVersion', () => {
  it('tells older, current and newer versions apart', () => {
    expect(judgeVersion({ v: 1 }, 2)).toBe('older');
    expect(judgeVersion({ v: 2 }, 2)).toBe('current');
    expect(judgeVersion({ v: 3 }, 2)).toBe('newer');
    expect(judgeVersion(undefined, 2)).toBe('absent');
    expect(judgeVersion({}, 2)).toBe('absent');
  });

  it('treats numbers no Parallax can have written as corrupt', () => {
    for (const v of [-1e9, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9, '2', [2], { n: 2 }]) {
      expect(judgeVersion({ v }, 2), JSON.stringify(v)).toBe('corrupt');
    }
    expect(judgeVersion('v2', 2)).toBe('corrupt');
    expect(judgeVersion([1], 2)).toBe('corrupt');
  });
});

describe('reading never migrates', () => {
  it('a version 1 site list (raw host names) is read as site keys and stays off, as stored', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['www.StraitsTimes.com', 'news.example.com', 7] });
    const settings = await getSettings();
    expect(settings.disabledSites).toEqual(['news.example.com', 'straitstimes.com']);
    expect(isActiveOn(settings, 'www.straitstimes.com')).toBe(false);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      disabledSites: ['www.StraitsTimes.com', 'news.example.com', 7],
    });
  });

  it('a corrupt or newer version number costs nothing, logs nothing, and the list still applies', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    for (const v of [-1e9, 99]) {
      await fakeBrowser.storage.sync.set({
        disabledSites: ['example.com', { future: 'shape' }],
        disabledSites$: { v },
      });
      const started = performance.now();
      expect((await getSettings()).disabledSites).toEqual(['example.com']);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('repairStoredSettings', () => {
  it('rewrites a version 1 list as site keys', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['www.StraitsTimes.com', 'news.example.com', 7] });
    await repairStoredSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      disabledSites: ['news.example.com', 'straitstimes.com'],
      disabledSites$: { v: SITE_LIST_VERSION },
    });
  });

  it('resets a corrupt version number and keeps the sites', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: ['example.org', 'www.Example.com'],
      disabledSites$: { v: -1e9, note: 'x' },
    });
    await repairStoredSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      disabledSites: ['example.com', 'example.org'],
      disabledSites$: { v: SITE_LIST_VERSION },
    });
  });

  it('leaves a newer version and a current one as they are, and writes nothing when nothing is stored', async () => {
    await repairStoredSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const newer = { disabledSites: ['example.com', 'Future.Example'], disabledSites$: { v: 3 } };
    await fakeBrowser.storage.sync.set(newer);
    await repairStoredSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(newer);
  });
});

it('a change from the reader writes the list in the current version, and says so', async () => {
  await fakeBrowser.storage.sync.set({ disabledSites: ['www.example.org'] });
  await setSiteEnabled('example.com', false);
  expect(await fakeBrowser.storage.sync.get(null)).toEqual({
    disabledSites: ['example.com', 'example.org'],
    disabledSites$: { v: SITE_LIST_VERSION },
  });
});
