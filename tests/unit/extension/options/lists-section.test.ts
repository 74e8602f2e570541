// "Story lists" drawn into a parsed page (linkedom) over actions in memory: what the reader is
// told (when Parallax goes online, each list's times, stories, error and questions), the browser
// asked for the site's leave within the reader's own click, and every action's outcome.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { readPack } from '../../../../src/core/database/load';
import { EMPTY_PACK_STORE, installPackFile, type PackStore } from '../../../../src/core/database/pack-store';
import type { ListActionResult } from '../../../../src/core/lists/list-update';
import type { ListSubscription } from '../../../../src/core/lists/subscription';
import { mountListsSection, type ListActions } from '../../../../src/extension/options/lists-section';
import { REQUESTS_NOTE } from '../../../../src/extension/options/lists-text';
import { raqqaPack } from '../../core/database/seed-texts';

const ADDRESS = 'https://lists.example.org/world/list.json';
const KEY = 'J2/nE/pn5A8hFaQ08sg4/jFpLaD35lQ158XPJVgn/is=';
const NEW_KEY = '1n2eJcJyWYcLIAN48MM86WxqhjeZ189a9sy3z3T0iXc=';
const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const FERRY_TITLE = 'The Northern Lark ferry fire, March 2025 (invented)';
const bundled = [readPack(raqqaPack())];

const subscription = (extra: Partial<ListSubscription> = {}): ListSubscription => ({
  address: ADDRESS,
  subscribedAt: '2025-04-01T10:00:00.000Z',
  publicKey: KEY,
  title: 'World stories',
  publisher: 'The Example Desk',
  homePage: 'https://lists.example.org/world/',
  updateHours: 24,
  published: '2025-04-01T09:00:00.000Z',
  packs: [
    {
      id: 'northern-lark-ferry-fire-2025',
      title: FERRY_TITLE,
      version: '0.1.0',
      size: 1,
      sha256: 'a',
      state: 'installed',
    },
    {
      id: 'raqqa-convoy-2017',
      title: 'The Raqqa convoy deal, October 2017',
      version: '1.1.1',
      size: 1,
      sha256: 'b',
      state: 'bundled',
    },
  ],
  lastUpdate: '2025-04-01T10:00:00.000Z',
  nextUpdate: '2025-04-02T10:00:00.000Z',
  lastError: null,
  newKey: null,
  takeOver: [],
  keepOwn: [],
  ...extra,
});

const fromList = (): PackStore => {
  const result = installPackFile(EMPTY_PACK_STORE, ferryText, bundled, new Date('2025-04-01T10:00:00Z'), ADDRESS);
  if (!result.ok) throw new Error('fixture refused');
  return result.store;
};

function setup(initial: { lists: ListSubscription[]; store: PackStore }, overrides: Partial<ListActions> = {}) {
  const { document } = parseHTML(
    '<!doctype html><html><body><main><section id="lists"></section></main></body></html>',
  );
  let state = initial;
  const ok = (title = 'World stories'): ListActionResult => ({
    ok: true,
    title,
    outcome: { added: [FERRY_TITLE], updated: [], removed: [], asks: 0 },
  });
  const actions = {
    read: vi.fn(async () => state),
    requestSite: vi.fn(async () => true),
    subscribe: vi.fn(async () => {
      state = { lists: [subscription()], store: fromList() };
      return ok();
    }),
    update: vi.fn(async (): Promise<ListActionResult> => ({
      ok: true,
      title: 'World stories',
      outcome: { added: [], updated: [], removed: [], asks: 0 },
    })),
    unsubscribe: vi.fn(async (): Promise<ListActionResult> => {
      state = { lists: [], store: EMPTY_PACK_STORE };
      return { ok: true, title: 'World stories', outcome: null };
    }),
    answer: vi.fn(async (): Promise<ListActionResult> => ({ ok: true, title: 'World stories', outcome: null })),
    watch: () => () => undefined,
    now: () => new Date('2025-04-01T12:00:00Z'),
    ...overrides,
  } satisfies ListActions;
  const section = document.getElementById('lists') as unknown as HTMLElement;
  const mounted = mountListsSection(section, actions);
  const q = (selector: string) => section.querySelector(selector) as HTMLElement | null;
  const all = (selector: string) => [...section.querySelectorAll(selector)].map((e) => e.textContent ?? '');
  const result = () => q('#list-result')!.textContent ?? '';
  const submit = (address: string) => {
    (q('#list-address') as HTMLInputElement).value = address;
    q('form')!.dispatchEvent(
      new (document.defaultView as unknown as typeof globalThis).Event('submit', { cancelable: true }),
    );
  };
  const settled = () => new Promise((done) => setTimeout(done, 0));
  return { section, mounted, actions, q, all, result, submit, settled };
}

describe('Story lists', () => {
  it('says when Parallax goes online and what it sends, and that no list is subscribed to', async () => {
    const { all, mounted } = setup({ lists: [], store: EMPTY_PACK_STORE });
    await mounted.refresh();
    expect(all('.lists-requests')).toEqual([REQUESTS_NOTE]);
    expect(REQUESTS_NOTE).toContain('only for the lists you subscribe to here');
    expect(REQUESTS_NOTE).toContain('no cookies and nothing about the pages you read');
    expect(all('.empty')).toEqual(['You subscribe to no list.']);
  });

  it('refuses an address that is not https without asking the browser anything', async () => {
    const { submit, result, actions } = setup({ lists: [], store: EMPTY_PACK_STORE });
    submit('http://lists.example.org/world/list.json');
    expect(result()).toBe(
      'Nothing was subscribed: the address you gave is not a list’s: it must start with https:// (a list is only fetched over an encrypted connection), not http:.',
    );
    expect(actions.requestSite).not.toHaveBeenCalled();
  });

  it('asks for the site’s leave within the click itself, then subscribes, and shows the list', async () => {
    const { submit, result, actions, all, q, settled, mounted } = setup({ lists: [], store: EMPTY_PACK_STORE });
    await mounted.refresh();
    submit(' https://Lists.Example.org/world/list.json#top ');
    // Synchronously, before anything was awaited (Firefox grants nothing outside the gesture).
    expect(actions.requestSite).toHaveBeenCalledWith('https://lists.example.org/*');
    await vi.waitFor(() => expect(result()).toMatch(/^Subscribed/));
    expect(actions.subscribe).toHaveBeenCalledWith(ADDRESS);
    expect(result()).toBe(
      `Subscribed to “World stories”. Added “${FERRY_TITLE}”. Their facts are highlighted on pages about them, open tabs included.`,
    );
    await settled();
    expect(all('.list-title')).toEqual(['World stories']);
    expect(all('.list-byline')).toEqual(['by The Example Desk · lists.example.org · updated daily · home page']);
    expect((q('.list-byline a') as HTMLAnchorElement).getAttribute('href')).toBe('https://lists.example.org/world/');
    expect(all('.list-times dt')).toEqual(['Last updated', 'Next update']);
    expect(all('.list-times dd')).toEqual([
      expect.stringMatching(/^1 Apr 2025, \d\d:\d\d$/),
      expect.stringMatching(/^2 Apr 2025, \d\d:\d\d$/),
    ]);
    expect(all('.list-packs li')).toEqual([
      `“${FERRY_TITLE}”, version 0.1.0`,
      '“The Raqqa convoy deal, October 2017”: comes with Parallax, which keeps its own copy',
    ]);
    expect(all('.list-key code')).toEqual([KEY]);
    expect(all('.list-error')).toEqual([]);
  });

  it('subscribes to nothing when the reader does not allow the site', async () => {
    const { submit, result, actions } = setup(
      { lists: [], store: EMPTY_PACK_STORE },
      { requestSite: vi.fn(async () => false) },
    );
    submit(ADDRESS);
    await vi.waitFor(() => expect(result()).not.toBe(''));
    expect(result()).toBe(
      'Nothing was subscribed: Parallax may not reach lists.example.org without your leave. Subscribe again and allow it when your browser asks.',
    );
    expect(actions.subscribe).not.toHaveBeenCalled();
  });

  it('shows the last error, and what Update now came to', async () => {
    const failing = subscription({
      lastError: { at: '2025-04-01T11:00:00.000Z', message: 'its signature does not match' },
    });
    const update = vi.fn(async (): Promise<ListActionResult> => ({
      ok: false,
      title: 'World stories',
      error: 'its signature does not match',
    }));
    const { all, q, result, mounted } = setup({ lists: [failing], store: fromList() }, { update });
    await mounted.refresh();
    expect(all('.list-error')).toEqual([
      expect.stringMatching(
        /^The update of 1 Apr 2025, \d\d:\d\d failed: its signature does not match\. Nothing was changed: the list’s stories stay as they were\.$/,
      ),
    ]);
    const button = q('.list-update') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Update “World stories” now');
    button.click();
    expect((q('.list-update') as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(result()).toMatch(/^Could not update/));
    expect(result()).toBe('Could not update “World stories”: its signature does not match. Nothing was changed.');
    expect((q('.list-update') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks before using a new key, and sends the reader’s answer', async () => {
    const { q, all, actions, mounted } = setup({ lists: [subscription({ newKey: NEW_KEY })], store: fromList() });
    await mounted.refresh();
    expect(all('.list-question p')).toEqual([
      '“World stories” is now signed with another key. Accept it only if The Example Desk says they changed their key (their home page should). Until you do, Parallax keeps the list as it was.',
    ]);
    (q('.list-question .pack-replace') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(actions.answer).toHaveBeenCalledWith(ADDRESS, { about: 'key', accept: true }));
  });

  it('asks before replacing the reader’s own copy of a story with the list’s newer one', async () => {
    const own = installPackFile(EMPTY_PACK_STORE, ferryText, bundled);
    const asks = subscription({
      packs: [
        {
          id: 'northern-lark-ferry-fire-2025',
          title: FERRY_TITLE,
          version: '0.2.0',
          size: 1,
          sha256: 'a',
          state: 'asks',
        },
      ],
    });
    const { q, all, actions, mounted, result } = setup({ lists: [asks], store: own.ok ? own.store : EMPTY_PACK_STORE });
    await mounted.refresh();
    expect(all('.list-question p')).toEqual([
      `“World stories” has version 0.2.0 of “${FERRY_TITLE}”; you added version 0.1.0 yourself. Let the list replace your copy and keep it up to date? It then goes if you unsubscribe.`,
    ]);
    expect(all('.list-question button')).toEqual(['Use the list’s version 0.2.0', 'Keep my version 0.1.0']);
    (q('.list-question .pack-keep') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(result()).toBe(`Kept your copy of “${FERRY_TITLE}”.`));
    expect(actions.answer).toHaveBeenCalledWith(ADDRESS, {
      about: 'pack',
      id: 'northern-lark-ferry-fire-2025',
      takeListCopy: false,
    });
  });

  it('unsubscribes, saying the list’s stories went and the reader’s own stay', async () => {
    const { q, result, mounted, all } = setup({ lists: [subscription()], store: fromList() });
    await mounted.refresh();
    (q('.list-unsubscribe') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(result()).toBe(
        'Unsubscribed from “World stories”. Its 1 story was removed; the stories you added yourself stay.',
      ),
    );
    expect(all('.lists > li')).toEqual([]);
  });

  it('links a home page only when it is a web address', async () => {
    const { q, mounted } = setup({ lists: [subscription({ homePage: 'javascript:alert(1)' })], store: fromList() });
    await mounted.refresh();
    expect(q('.list-byline a')).toBeNull();
  });
});
