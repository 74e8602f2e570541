// "Stories Parallax knows" drawn into a parsed page (linkedom), over an in-memory store run by the
// real pack-store rules: what the reader sees for each story, what a refused file says, the
// question before an older version replaces a newer one, removal, the switches, and focus.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { readPack } from '../../../../src/core/database/load';
import {
  EMPTY_PACK_STORE,
  installPackFile,
  removePack,
  setPackEnabled,
  type PackStore,
} from '../../../../src/core/database/pack-store';
import type { ListSubscription } from '../../../../src/core/lists/subscription';
import {
  mountPacksSection,
  packRows,
  type PackActions,
  type PickedFile,
} from '../../../../src/extension/options/packs-section';
import { raqqaPack } from '../../core/database/seed-texts';

const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const ferry = () => JSON.parse(ferryText);
const FERRY_ID = 'northern-lark-ferry-fire-2025';
const FERRY_TITLE = 'The Northern Lark ferry fire, March 2025 (invented)';
const RAQQA_TITLE = 'The Raqqa convoy deal, October 2017';
const bundled = [readPack(raqqaPack())];
const file = (text: string, name = 'pack.json'): PickedFile & { text: ReturnType<typeof vi.fn> } => ({
  name,
  size: text.length,
  text: vi.fn(async () => text),
});

/** The section's actions over a store in memory, changed by the same functions as the real one. */
function memoryActions(initial: PackStore = EMPTY_PACK_STORE) {
  let store = initial;
  const listeners = new Set<() => void>();
  const changed = (next: PackStore) => {
    store = next;
    listeners.forEach((listener) => listener());
  };
  const actions = {
    bundled,
    read: async () => store,
    preview: async (text: string) => installPackFile(store, text, bundled),
    install: vi.fn(async (text: string) => {
      const result = installPackFile(store, text, bundled);
      if (result.ok) changed(result.store);
      return result;
    }),
    remove: vi.fn(async (id: string) => changed(removePack(store, id))),
    setEnabled: vi.fn(async (id: string, enabled: boolean) => changed(setPackEnabled(store, id, enabled))),
    watch: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } satisfies PackActions;
  return { actions, store: () => store };
}

async function setup(initial?: PackStore, lists: { address: string; title: string }[] = []) {
  const { window, document } = parseHTML(
    '<!doctype html><html><body><main><section id="packs"></section></main></body></html>',
  );
  // linkedom has no focus: record it, as a browser would.
  let focused: Element | null = null;
  (window.HTMLElement.prototype as { focus(): void }).focus = function (this: Element) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the element focus() was called on
    focused = this;
  };
  Object.defineProperty(document, 'activeElement', { get: () => focused, configurable: true });
  const section = document.getElementById('packs') as unknown as HTMLElement;
  const memory = memoryActions(initial);
  const mounted = mountPacksSection(section, { ...memory.actions, lists: async () => lists as ListSubscription[] });
  await mounted.refresh();
  const q = <E extends Element = HTMLElement>(selector: string) => section.querySelector(selector) as unknown as E;
  const rows = () => [...section.querySelectorAll('.packs > li')] as unknown as HTMLLIElement[];
  const result = () => q('#pack-result').textContent ?? '';
  const labelOf = (control: Element | null) =>
    control ? document.getElementById(control.getAttribute('aria-labelledby') ?? '')?.textContent : null;
  return { section, mounted, memory, q, rows, result, focused: () => focused as HTMLElement | null, labelOf };
}

const installed = (...texts: string[]): PackStore =>
  texts.reduce((store, text, i) => {
    const result = installPackFile(store, text, bundled, new Date(Date.UTC(2025, 0, i + 1)));
    if (!result.ok) throw new Error('fixture pack refused');
    return result.store;
  }, EMPTY_PACK_STORE);

describe('the list of stories', () => {
  it('shows each story’s title, size, version and origin, a switch named by its title, and Remove only for the reader’s own', async () => {
    const { rows, labelOf } = await setup(installed(ferryText));
    const [raqqa, ferryRow] = rows();
    expect(rows()).toHaveLength(2);
    expect(raqqa!.querySelector('.pack-title')!.textContent).toBe(RAQQA_TITLE);
    expect(raqqa!.querySelector('.pack-details')!.textContent).toBe(
      '12 Oct 2017 · 31 facts from 5 outlets (they differ on 7) · version 1.1.1 · comes with Parallax',
    );
    expect(ferryRow!.querySelector('.pack-details')!.textContent).toMatch(
      /^14 Mar 2025 · 26 facts from 5 outlets \(they differ on \d+\) · version 0\.1\.0 · added by you$/,
    );
    expect(rows().some((row) => row.querySelector('.pack-mark') !== null)).toBe(false);
    const switches = rows().map((row) => row.querySelector('input[role="switch"]'));
    expect(switches.map(labelOf)).toEqual([RAQQA_TITLE, FERRY_TITLE]);
    expect(switches.map((s) => (s as HTMLInputElement).checked)).toEqual([true, true]);
    expect(raqqa!.querySelector('button')).toBeNull();
    expect(ferryRow!.querySelector('button')!.getAttribute('aria-label')).toBe(`Remove “${FERRY_TITLE}”`);
  });

  it('names the list a story came from, and offers no Remove for it (the list would bring it back) until the list is left', async () => {
    const LIST = 'https://lists.example.org/world/list.json';
    const fromList = installPackFile(EMPTY_PACK_STORE, ferryText, bundled, new Date(Date.UTC(2025, 0, 1)), LIST);
    const store = fromList.ok ? fromList.store : EMPTY_PACK_STORE;
    const subscribed = await setup(store, [{ address: LIST, title: 'World stories' }]);
    const row = subscribed.rows()[1]!;
    expect(row.querySelector('.pack-details')!.textContent).toBe(
      '14 Mar 2025 · 26 facts from 5 outlets (they differ on 13) · version 0.1.0 · from the list “World stories”',
    );
    expect(row.querySelector('.pack-remove')).toBeNull();
    const left = await setup(store);
    expect(left.rows()[1]!.querySelector('.pack-details')!.textContent).toBe(
      '14 Mar 2025 · 26 facts from 5 outlets (they differ on 13) · version 0.1.0 · from a list you no longer subscribe to',
    );
    expect(left.rows()[1]!.querySelector('.pack-remove')).not.toBeNull();
  });

  it('inserts a pack’s strings as text, never as markup', async () => {
    const hostile = JSON.stringify({
      ...ferry(),
      story: { title: '<img src=x onerror=alert(1)>', date: '2025-03-14' },
    });
    const { rows, section } = await setup(installed(hostile));
    expect(rows()[1]!.querySelector('.pack-title')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(section.querySelector('img')).toBeNull();
  });

  it('lists a damaged stored pack last, says why, and offers to remove it', async () => {
    const store = installed(ferryText);
    const damaged: PackStore = {
      ...store,
      installed: [{ pack: { ...ferry(), id: 'damaged-pack', claims: 'nothing' }, installedAt: '' }, ...store.installed],
    };
    expect(
      packRows(bundled, damaged).map((row) => (row.kind === 'pack' ? row.summary.id : `damaged ${row.damaged.id}`)),
    ).toEqual(['raqqa-convoy-2017', FERRY_ID, 'damaged damaged-pack']);
    const { rows, memory } = await setup(damaged);
    const last = rows()[2]!;
    expect(last.querySelector('.pack-details')!.textContent).toMatch(
      /^Damaged, so Parallax does not use it\. The pack, claims: /,
    );
    expect(last.querySelector('input')).toBeNull();
    (last.querySelector('button') as unknown as HTMLButtonElement).click();
    await vi.waitFor(() => expect(memory.actions.remove).toHaveBeenCalledWith('damaged-pack'));
  });
});

describe('a draft story pack', () => {
  const draftText = readFileSync('tests/fixtures/draft-packs/thai-cave-rescue-draft.json', 'utf8');
  const DRAFT_TITLE = 'Thai cave rescue completed, July 2018';

  it('asks before adding a draft, saying what a draft is; declining adds nothing', async () => {
    const { mounted, memory, q, result, focused } = await setup();
    await mounted.importFile(file(draftText, 'thai.json'));
    expect(q('.pack-confirm').hidden).toBe(false);
    expect(q('#pack-confirm-text').textContent).toMatch(
      new RegExp(
        `^“${DRAFT_TITLE}” is a draft\\. A program drafted it from outlets’ articles and no person has checked it: .* Add it anyway\\?$`,
      ),
    );
    expect(focused()?.textContent).toBe('Add the draft');
    expect(memory.actions.install).not.toHaveBeenCalled();
    q<HTMLButtonElement>('.pack-keep').click();
    expect(result()).toBe('Nothing was added.');
    expect(memory.store()).toEqual(EMPTY_PACK_STORE);
  });

  it('adds it when the reader confirms, and marks it a draft in the list, the mark read with its switch', async () => {
    const { mounted, q, rows, result } = await setup();
    await mounted.importFile(file(draftText, 'thai.json'));
    q<HTMLButtonElement>('.pack-replace').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(result()).toMatch(new RegExp(`^Added “${DRAFT_TITLE}”, a draft: 8 facts from 5 outlets\\.`));
    const row = rows()[1]!;
    expect(row.querySelector('.pack-title')!.textContent).toBe(DRAFT_TITLE);
    const mark = row.querySelector('.pack-mark')!;
    expect(mark.textContent).toBe('Draft: no person has reviewed it');
    expect(row.querySelector('input[role="switch"]')!.getAttribute('aria-describedby')!.split(' ')).toContain(mark.id);
    expect(rows()[0]!.querySelector('.pack-mark')).toBeNull();
  });

  it('says it is a draft for as long as it is one: a reviewed version drops the mark', async () => {
    const { mounted, rows } = await setup(installed(draftText));
    expect(rows()[1]!.querySelector('.pack-mark')).not.toBeNull();
    const reviewed = JSON.parse(draftText);
    delete reviewed.draft;
    reviewed.version = '0.2.0';
    await mounted.importFile(file(JSON.stringify(reviewed)));
    await vi.waitFor(() => expect(rows()[1]!.querySelector('.pack-mark')).toBeNull());
  });
});

describe('adding a story from a file', () => {
  it('adds a sound file, says what it added, and moves focus to its switch', async () => {
    const { mounted, rows, result, focused, labelOf } = await setup();
    await mounted.importFile(file(ferryText));
    expect(rows()).toHaveLength(2);
    expect(result()).toBe(
      `Added “${FERRY_TITLE}”: 26 facts from 5 outlets. Its facts are highlighted on pages about the story, open tabs included.`,
    );
    expect(focused()?.getAttribute('role')).toBe('switch');
    expect(labelOf(focused())).toBe(FERRY_TITLE);
  });

  it('refuses a bad file: nothing is added, and each problem names its claim and field', async () => {
    const pack = ferry();
    pack.claims[5].reports[1].values[0].text = 'a time nobody wrote';
    pack.claims[9].reports[0].values[0].text = 'a hundred lifeboats';
    const { mounted, memory, section, result, focused } = await setup();
    await mounted.importFile(file(JSON.stringify(pack), 'ferry.json'));
    expect(memory.actions.install).not.toHaveBeenCalled();
    expect(memory.store()).toEqual(EMPTY_PACK_STORE);
    expect(result()).toMatch(/^Nothing was added: “ferry\.json” is not a story pack Parallax can use \(2 problems\)/);
    const items = [...section.querySelectorAll('.pack-problems li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Claim "alarm-time", report 1 (article daily-beacon-2025-03-15), values[0].text: "a time nobody wrote" is not in the quote',
      'Claim "vehicles-aboard", report 0 (article northline-2025-03-15), values[0].text: "a hundred lifeboats" is not in the quote',
    ]);
    expect(focused()?.id).toBe('pack-result');
  });

  it('shows a dozen problems and counts the rest', async () => {
    const pack = ferry();
    for (const claim of pack.claims.slice(0, 20))
      claim.reports[0].values = [{ kind: 'count', of: 'x', text: 'not in the quote at all' }];
    const { mounted, section } = await setup();
    await mounted.importFile(file(JSON.stringify(pack)));
    const items = [...section.querySelectorAll('.pack-problems li')].map((li) => li.textContent);
    expect(items).toHaveLength(13);
    expect(items.at(-1)).toBe('… and 8 more problems.');
  });

  it('refuses a file that is not a pack, or too large, without reading the large one', async () => {
    const { mounted, result } = await setup();
    await mounted.importFile(file('{"disabledSites": []}', 'settings.json'));
    expect(result()).toContain('The pack, format: not a Parallax claim pack');
    const huge = { name: 'huge.json', size: 6 * 1024 * 1024, text: vi.fn(async () => '') };
    await mounted.importFile(huge);
    expect(huge.text).not.toHaveBeenCalled();
    expect(result()).toContain('The file: it is larger than 5 MB');
  });

  it('refuses a pack that takes the id of one that comes with Parallax', async () => {
    const { mounted, result } = await setup();
    await mounted.importFile(file(JSON.stringify({ ...ferry(), id: 'raqqa-convoy-2017' })));
    expect(result()).toContain('The pack, id: "raqqa-convoy-2017" is the id of a pack that comes with Parallax');
  });

  it('says so when a newer version replaces the added one', async () => {
    const { mounted, rows, result } = await setup(installed(ferryText));
    await mounted.importFile(file(JSON.stringify({ ...ferry(), version: '0.2.0' })));
    expect(result()).toBe(`Updated “${FERRY_TITLE}” from version 0.1.0 to 0.2.0.`);
    expect(rows()).toHaveLength(2);
  });

  it('asks before an older version replaces a newer one; keeping it changes nothing', async () => {
    const { mounted, memory, q, result, focused } = await setup(
      installed(JSON.stringify({ ...ferry(), version: '1.0.0' })),
    );
    await mounted.importFile(file(ferryText));
    const box = q('.pack-confirm');
    expect(box.hidden).toBe(false);
    expect(q('#pack-confirm-text').textContent).toBe(
      `You have version 1.0.0 of “${FERRY_TITLE}”. This file holds an older version, 0.1.0. Replace the newer one with it?`,
    );
    expect(focused()?.textContent).toBe('Replace with version 0.1.0');
    expect(memory.actions.install).not.toHaveBeenCalled();
    q<HTMLButtonElement>('.pack-keep').click();
    expect(box.hidden).toBe(true);
    expect(result()).toBe('Nothing was changed.');
    expect(focused()?.textContent).toBe('Add a story pack…');
    expect(memory.store().installed[0]!.pack.version).toBe('1.0.0');

    await mounted.importFile(file(ferryText));
    q<HTMLButtonElement>('.pack-replace').click();
    await vi.waitFor(() =>
      expect(result()).toBe(`Replaced version 1.0.0 of “${FERRY_TITLE}” with the older version 0.1.0.`),
    );
    expect(memory.store().installed[0]!.pack.version).toBe('0.1.0');
  });

  it('asks before another story replaces the added one under the same id, whatever its version, naming both', async () => {
    const other = JSON.stringify({
      ...ferry(),
      version: '0.2.0',
      story: { title: 'The Hensey harbour strike, May 2025', date: '2025-05-02' },
    });
    const { mounted, memory, q, result, focused, rows } = await setup(installed(ferryText));
    await mounted.importFile(file(other));
    expect(q('.pack-confirm').hidden).toBe(false);
    expect(q('#pack-confirm-text').textContent).toBe(
      `You have “${FERRY_TITLE}” (version 0.1.0). This file holds another story under the same pack id (${FERRY_ID}): “The Hensey harbour strike, May 2025” (version 0.2.0). Replace “${FERRY_TITLE}” with it?`,
    );
    expect(focused()?.textContent).toBe('Replace with “The Hensey harbour strike, May 2025”');
    expect(q('.pack-keep').textContent).toBe(`Keep “${FERRY_TITLE}”`);
    q<HTMLButtonElement>('.pack-keep').click();
    expect(result()).toBe('Nothing was changed.');
    expect(memory.actions.install).not.toHaveBeenCalled();

    await mounted.importFile(file(other));
    q<HTMLButtonElement>('.pack-replace').click();
    await vi.waitFor(() =>
      expect(result()).toBe(
        `Replaced “${FERRY_TITLE}” (version 0.1.0) with “The Hensey harbour strike, May 2025” (version 0.2.0).`,
      ),
    );
    expect(rows()[1]!.querySelector('.pack-title')!.textContent).toBe('The Hensey harbour strike, May 2025');
  });

  it('lists a pack the worker found too slow to prepare, says so, and offers to remove it', async () => {
    const slow = [{ id: FERRY_ID, version: '0.1.0', seconds: 2.3 }];
    const { actions } = memoryActions(installed(ferryText));
    const rows = packRows(bundled, await actions.read(), slow);
    expect(rows.map((row) => (row.kind === 'pack' ? row.summary.id : `not used ${row.damaged.id}`))).toEqual([
      'raqqa-convoy-2017',
      `not used ${FERRY_ID}`,
    ]);
    const { document } = parseHTML('<!doctype html><html><body><section id="packs"></section></body></html>');
    const section = document.getElementById('packs') as unknown as HTMLElement;
    await mountPacksSection(section, { ...actions, slow: async () => slow }).refresh();
    const details = section.querySelectorAll('.pack-details')[1]!.textContent;
    expect(details).toBe(
      'Not used: it took more than 2.3 s to prepare for matching, so Parallax stopped, to keep your other stories working; whoever made it can make it smaller.',
    );
    expect(section.querySelectorAll('.pack-remove')).toHaveLength(1);
  });

  it('says when the story it replaced was switched off, and leaves it off', async () => {
    const { mounted, result } = await setup({ ...installed(ferryText), disabled: [FERRY_ID] });
    await mounted.importFile(file(JSON.stringify({ ...ferry(), version: '0.2.0' })));
    expect(result()).toBe(
      `Updated “${FERRY_TITLE}” from version 0.1.0 to 0.2.0. It is switched off: switch it on to highlight its facts.`,
    );
  });

  it('shows a storage failure as it is, having changed nothing', async () => {
    const { mounted, memory, result, rows } = await setup();
    memory.actions.install.mockRejectedValueOnce(
      new Error('Parallax could not save this: the browser’s storage for Parallax is full.'),
    );
    await mounted.importFile(file(ferryText));
    expect(result()).toBe('Parallax could not save this: the browser’s storage for Parallax is full.');
    expect(rows()).toHaveLength(1);
  });
});

describe('switching and removing', () => {
  it('a switch turns its story off and says so; focus stays on it when the list is drawn again', async () => {
    const { rows, memory, result, focused, labelOf } = await setup(installed(ferryText));
    const toggle = rows()[0]!.querySelector('input[role="switch"]') as unknown as HTMLInputElement;
    toggle.focus();
    toggle.checked = false;
    toggle.dispatchEvent(new (toggle.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));
    await vi.waitFor(() =>
      expect(result()).toBe(`“${RAQQA_TITLE}” is switched off: its facts are no longer highlighted.`),
    );
    expect(memory.actions.setEnabled).toHaveBeenCalledWith('raqqa-convoy-2017', false);
    expect(memory.store().disabled).toEqual(['raqqa-convoy-2017']);
    expect(rows()[0]!.classList.contains('off')).toBe(true);
    // A new element, the same story's switch.
    expect(focused()).not.toBe(toggle);
    expect(labelOf(focused())).toBe(RAQQA_TITLE);
  });

  it('a switch that could not be saved goes back, with the reason', async () => {
    const { rows, memory, result } = await setup();
    memory.actions.setEnabled.mockRejectedValueOnce(
      new Error('Parallax could not read the stories it has stored, so nothing was changed.'),
    );
    const toggle = rows()[0]!.querySelector('input[role="switch"]') as unknown as HTMLInputElement;
    toggle.checked = false;
    toggle.dispatchEvent(new (toggle.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));
    await vi.waitFor(() => expect(result()).toMatch(/nothing was changed/));
    expect(toggle.checked).toBe(true);
  });

  it('removes an added story, says so, and moves focus to its neighbour', async () => {
    const other = JSON.stringify({
      ...ferry(),
      id: 'second-story',
      story: { title: 'A second story', date: '2025-03-14' },
    });
    const { rows, memory, result, focused } = await setup(installed(ferryText, other));
    (rows()[1]!.querySelector('button') as unknown as HTMLButtonElement).click();
    await vi.waitFor(() => expect(result()).toBe(`Removed “${FERRY_TITLE}”. Its facts are no longer highlighted.`));
    expect(memory.store().installed.map((p) => p.pack.id)).toEqual(['second-story']);
    expect(rows().map((row) => row.querySelector('.pack-title')!.textContent)).toEqual([RAQQA_TITLE, 'A second story']);
    expect(focused()?.getAttribute('aria-label')).toBe('Remove “A second story”');
  });

  it('draws the list again when the stored packs change elsewhere', async () => {
    const { rows, memory } = await setup();
    await memory.actions.install(ferryText);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
  });
});
