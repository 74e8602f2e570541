// Settings logic against WXT's fake browser (in-memory storage with real change events).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  disablingSite,
  getSettings,
  isActiveOn,
  parseSettings,
  setGlobalEnabled,
  setHighlightStyle,
  setOnlyDiffering,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '../../../../src/extension/settings/settings';

const settings = (overrides: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('isActiveOn', () => {
  it('runs everywhere by default', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'www.straitstimes.com')).toBe(true);
  });

  it('turning off example.com covers www.example.com and news.example.com', () => {
    const s = settings({ disabledSites: ['example.com'] });
    expect(isActiveOn(s, 'example.com')).toBe(false);
    expect(isActiveOn(s, 'www.example.com')).toBe(false);
    expect(isActiveOn(s, 'news.example.com')).toBe(false);
    expect(isActiveOn(s, 'example.org')).toBe(true);
    expect(disablingSite(s, 'news.example.com')).toBe('example.com');
  });

  it('turning off news.example.com leaves example.com on', () => {
    const s = settings({ disabledSites: ['news.example.com'] });
    expect(isActiveOn(s, 'news.example.com')).toBe(false);
    expect(isActiveOn(s, 'www.example.com')).toBe(true);
  });

  it('the global switch turns it off on every site', () => {
    expect(isActiveOn(settings({ enabled: false }), 'www.straitstimes.com')).toBe(false);
  });
});

describe('stored settings', () => {
  it('are the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('turning a site off and on is stored in the sync area under its site key', async () => {
    await setSiteEnabled('www.StraitsTimes.com', false);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({
      disabledSites: ['straitstimes.com'],
    });
    expect(isActiveOn(await getSettings(), 'straitstimes.com')).toBe(false);

    await setSiteEnabled('straitstimes.com', true);
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('turning a subdomain back on also lifts the parent entry that covered it', async () => {
    await setSiteEnabled('example.com', false);
    await setSiteEnabled('news.example.com', true);
    const s = await getSettings();
    expect(isActiveOn(s, 'news.example.com')).toBe(true);
    expect(s.disabledSites).toEqual([]);
  });

  it('turning off a parent absorbs its subdomains already in the list', async () => {
    await setSiteEnabled('news.example.com', false);
    await setSiteEnabled('other.org', false);
    await setSiteEnabled('example.com', false);
    expect((await getSettings()).disabledSites).toEqual(['example.com', 'other.org']);
  });

  it('two quick toggles of different sites both stick', async () => {
    await Promise.all([setSiteEnabled('a.com', false), setSiteEnabled('b.com', false)]);
    expect((await getSettings()).disabledSites).toEqual(['a.com', 'b.com']);
  });

  it('refuses a host that is not a web site, and changes nothing', async () => {
    await expect(setSiteEnabled('', false)).rejects.toThrow(/host name/);
    await expect(setSiteEnabled('<script>', false)).rejects.toThrow(/host name/);
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('stores the global switch, style and the differing-only filter', async () => {
    await setGlobalEnabled(false);
    await setHighlightStyle('underline');
    await setOnlyDiffering(true);
    expect(await getSettings()).toEqual({
      enabled: false,
      disabledSites: [],
      highlightStyle: 'underline',
      onlyDiffering: true,
    });
  });

  it('refuses an unknown highlight style', async () => {
    await expect(setHighlightStyle('blink' as never)).rejects.toThrow(/Unknown highlight style/);
    expect((await getSettings()).highlightStyle).toBe('background');
  });
});

describe('corrupt or foreign stored values', () => {
  it('fall back to defaults one setting at a time, without throwing', async () => {
    await fakeBrowser.storage.sync.set({
      enabled: 'yes',
      disabledSites: { 'example.com': true },
      highlightStyle: 'blink',
      onlyDiffering: true,
    });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, onlyDiffering: true });
  });

  it('junk entries in the site list are dropped, good ones kept and canonicalised', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: [42, null, 'WWW.Example.com', '', 'example.com', '<img src=x>'],
    });
    expect((await getSettings()).disabledSites).toEqual(['example.com']);
  });

  it('parseSettings accepts any input shape', () => {
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ disabledSites: 'example.com' }).disabledSites).toEqual([]);
  });

  it('a storage area that fails to read gives defaults', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('disk on fire'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    spy.mockRestore();
    warn.mockRestore();
  });

  it('a full sync quota gives an error that says what to do', async () => {
    const spy = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(setSiteEnabled('example.com', false)).rejects.toThrow(/sync storage is full/);
    spy.mockRestore();
    // The queue is not stuck after a failure.
    await setSiteEnabled('example.com', false);
    expect((await getSettings()).disabledSites).toEqual(['example.com']);
  });
});

describe('watchSettings', () => {
  it('reports every change with the full settings, until unwatched', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await setSiteEnabled('example.com', false);
    await vi.waitFor(() => expect(seen.at(-1)?.disabledSites).toEqual(['example.com']));
    await setGlobalEnabled(false);
    await vi.waitFor(() => expect(seen.at(-1)?.enabled).toBe(false));
    unwatch();
    const count = seen.length;
    await setHighlightStyle('underline');
    await new Promise((done) => setTimeout(done, 20));
    expect(seen.length).toBe(count);
  });
});
