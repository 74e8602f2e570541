// Migrations run when the settings module loads, so each test seeds storage, then loads it afresh.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

async function loadSettings() {
  vi.resetModules();
  return import('../../../src/settings/settings');
}

beforeEach(() => {
  fakeBrowser.reset();
});

it('a version 1 site list (raw host names) is migrated to site keys and stays off', async () => {
  await fakeBrowser.storage.sync.set({
    disabledSites: ['www.StraitsTimes.com', 'news.example.com', 7],
  });
  const { getSettings, isActiveOn } = await loadSettings();
  const settings = await getSettings();
  expect(settings.disabledSites).toEqual(['news.example.com', 'straitstimes.com']);
  expect(isActiveOn(settings, 'www.straitstimes.com')).toBe(false);
  expect(await fakeBrowser.storage.sync.get(['disabledSites', 'disabledSites$'])).toEqual({
    disabledSites: ['news.example.com', 'straitstimes.com'],
    disabledSites$: { v: 2 },
  });
});

it('a list written by a newer version (downgrade) is still read, validated, not thrown', async () => {
  await fakeBrowser.storage.sync.set({
    disabledSites: ['example.com', { future: 'shape' }],
    disabledSites$: { v: 9 },
  });
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { getSettings } = await loadSettings();
  expect((await getSettings()).disabledSites).toEqual(['example.com']);
  error.mockRestore();
});

it('a fresh install writes the current version with the first change', async () => {
  const { setSiteEnabled } = await loadSettings();
  await setSiteEnabled('example.com', false);
  expect(await fakeBrowser.storage.sync.get('disabledSites$')).toEqual({ disabledSites$: { v: 2 } });
});
