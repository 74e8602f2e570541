// The options page's "Stories Parallax knows": every claim pack (bundled, then the reader's in the
// order added) with its title, size, version and origin and a switch; "Add a story pack…" to
// install one from a file; Remove for the reader's own. Everything from a pack or a file is
// inserted as text. The section fills an empty element, so the page only provides a place for it.
//
// Accessibility: each switch is named by its story's title and described by its details line; the
// outcome of every action is announced in one polite live region; focus goes to the new story's
// switch after adding, to the problems after a refused file, to the neighbouring story (or the
// Add button) after removing, and stays on the control the reader was on when the list redraws.
import {
  MAX_PACK_FILE_BYTES,
  mergePacks,
  packSummaries,
  type InstallResult,
  type PackStore,
  type PackSummary,
  type SlowPack,
} from '../../core/database/pack-store';
import type { Problem } from '../../core/database/problems';
import type { Pack } from '../../core/database/schema';
import type { ListSubscription } from '../../core/lists/subscription';
import { differingFacts } from './story-facts';
import {
  asksBeforeReplacing,
  DRAFT_MARK,
  draftQuestion,
  installedMessage,
  MAX_PROBLEMS_SHOWN,
  moreProblems,
  packDetails,
  problemLine,
  quoted,
  refusedHeadline,
  removedMessage,
  replaceQuestion,
  switchedMessage,
} from './packs-text';

/** What the section does to the stored packs (src/extension/packs/stored-packs.ts in the extension). */
export interface PackActions {
  bundled: readonly Pack[];
  read(): Promise<PackStore>;
  /** What installing would do, without installing. */
  preview(text: string): Promise<InstallResult>;
  install(text: string): Promise<InstallResult>;
  remove(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** The pack lists subscribed to, to say which list a story came from. */
  lists?(): Promise<ListSubscription[]>;
  /** The packs the service worker found too slow to prepare this session (settings/slow-packs). */
  slow?(): Promise<SlowPack[]>;
  /** Calls back when the stored packs (or lists) change elsewhere (another window, a list's update), or a pack is found too slow. */
  watch(onChange: () => void): () => void;
}

/** The file the reader picked (a File in the browser). */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** A stored pack that fails the checks, or took too long to prepare: listed so the reader can remove it. */
export interface DamagedPack {
  id: string;
  problems: Problem[];
  slow?: true;
}

/** `differing`: how many of its facts the outlets differ on (null: unknown). */
export type PackRow =
  { kind: 'pack'; summary: PackSummary; differing: number | null } | { kind: 'damaged'; damaged: DamagedPack };

/** The list's rows: the usable packs (bundled first), then any damaged or too slow stored ones. */
export function packRows(bundled: readonly Pack[], store: PackStore, slow: readonly SlowPack[] = []): PackRow[] {
  const { skipped } = mergePacks(bundled, store, { slow });
  const damaged = new Set(skipped.map((s) => s.id));
  const sound: PackStore = { ...store, installed: store.installed.filter((p) => !damaged.has(p.pack.id)) };
  const packs = new Map([...bundled, ...sound.installed.map((p) => p.pack)].map((pack) => [pack.id, pack]));
  return [
    ...packSummaries(bundled, sound).map((summary): PackRow => ({
      kind: 'pack',
      summary,
      differing: differingFacts(packs.get(summary.id)!),
    })),
    ...skipped.map((s): PackRow => ({ kind: 'damaged', damaged: s })),
  ];
}

export interface PacksSection {
  /** Reads the stored packs and draws the list again. */
  refresh(): Promise<void>;
  /** Adds a pack from a file, as the file picker does. */
  importFile(file: PickedFile): Promise<void>;
  stop(): void;
}

const rowId = (row: PackRow) => (row.kind === 'pack' ? row.summary.id : row.damaged.id);

export function mountPacksSection(section: HTMLElement, actions: PackActions): PacksSection {
  const doc = section.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<Record<'className' | 'id' | 'textContent', string>> = {},
  ) => Object.assign(doc.createElement(tag), props);

  const heading = el('h2', { id: 'packs-heading', textContent: 'Stories Parallax knows' });
  const intro = el('p', {
    className: 'note',
    textContent:
      'Parallax highlights the facts of these news stories, on pages about them. Each story is a story pack: the facts, with every outlet’s version. Switch a story off to stop its highlights, add one from a file a curator gives you, or subscribe to a curator’s list of stories (below).',
  });
  // True of every story, wherever its pack came from: matching happens here.
  const privacy = el('p', {
    className: 'note',
    textContent:
      'Parallax reads the pages you visit on this computer, against the stories listed here: nothing you read is sent anywhere.',
  });
  const list = el('ul', { className: 'packs' });
  list.setAttribute('aria-labelledby', heading.id);
  const addButton = el('button', { className: 'pack-add', textContent: 'Add a story pack…' });
  addButton.type = 'button';
  const fileInput = el('input', { id: 'pack-file' });
  fileInput.type = 'file';
  fileInput.accept = '.json,application/json';
  fileInput.hidden = true;
  // The button is what the reader reaches; the input is only the browser's file chooser.
  fileInput.tabIndex = -1;
  fileInput.setAttribute('aria-hidden', 'true');
  const fileNote = el('p', {
    className: 'note',
    id: 'pack-file-note',
    textContent: 'A .json file, read on this computer.',
  });
  addButton.setAttribute('aria-describedby', fileNote.id);
  const addRow = el('div', { className: 'pack-add-row' });
  addRow.append(addButton, fileInput);

  const confirmBox = el('div', { className: 'pack-confirm' });
  confirmBox.setAttribute('role', 'group');
  confirmBox.hidden = true;
  const confirmText = el('p', { id: 'pack-confirm-text' });
  confirmBox.setAttribute('aria-labelledby', confirmText.id);
  const replaceButton = el('button', { className: 'pack-replace' });
  replaceButton.type = 'button';
  const keepButton = el('button', { className: 'pack-keep' });
  keepButton.type = 'button';
  const confirmButtons = el('div', { className: 'pack-confirm-buttons' });
  confirmButtons.append(replaceButton, keepButton);
  confirmBox.append(confirmText, confirmButtons);

  const result = el('div', { className: 'pack-result', id: 'pack-result' });
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  result.tabIndex = -1;

  section.setAttribute('aria-labelledby', heading.id);
  section.replaceChildren(heading, intro, list, addRow, fileNote, confirmBox, result, privacy);

  /** Each row's controls by pack id, to put focus back after the list is drawn again. */
  let controls = new Map<string, { toggle?: HTMLInputElement; remove?: HTMLButtonElement }>();
  let rows: PackRow[] = [];
  /** List titles by address. */
  let listTitles = new Map<string, string>();
  let stopped = false;

  const say = (text: string, kind: 'done' | 'error' = 'done') => {
    result.classList.toggle('error', kind === 'error');
    result.replaceChildren(text);
  };

  const sayRefused = (fileName: string, problems: readonly Problem[]) => {
    const items = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => {
      const { where, message } = problemLine(problem);
      const item = el('li');
      item.append(el('span', { className: 'where', textContent: where }), `: ${message}`);
      return item;
    });
    if (problems.length > MAX_PROBLEMS_SHOWN)
      items.push(el('li', { textContent: moreProblems(problems.length - MAX_PROBLEMS_SHOWN) }));
    const problemList = el('ul', { className: 'pack-problems' });
    problemList.append(...items);
    result.classList.add('error');
    result.replaceChildren(el('p', { textContent: refusedHeadline(fileName, problems.length) }), problemList);
    result.focus?.();
  };

  const failed = (error: unknown) => say(error instanceof Error ? error.message : String(error), 'error');

  function renderRows(next: PackRow[]): void {
    const focused = doc.activeElement;
    let refocus: { id: string; which: 'toggle' | 'remove' } | null = null;
    for (const [id, c] of controls) {
      if (c.toggle && c.toggle === focused) refocus = { id, which: 'toggle' };
      if (c.remove && c.remove === focused) refocus = { id, which: 'remove' };
    }
    rows = next;
    controls = new Map();
    list.replaceChildren(...next.map((row, i) => renderRow(row, i)));
    if (refocus) (controls.get(refocus.id)?.[refocus.which] ?? addButton).focus?.();
  }

  function renderRow(row: PackRow, index: number): HTMLLIElement {
    const item = el('li', { className: 'pack' });
    const text = el('div', { className: 'pack-text' });
    const title = el('span', { className: 'pack-title', id: `pack-${index}-title` });
    const details = el('span', { className: 'pack-details', id: `pack-${index}-details` });
    text.append(title, details);
    const buttons = el('div', { className: 'pack-controls' });
    item.append(text, buttons);
    const id = rowId(row);
    const entry: { toggle?: HTMLInputElement; remove?: HTMLButtonElement } = {};
    controls.set(id, entry);

    if (row.kind === 'damaged') {
      item.classList.add('damaged');
      title.textContent = id;
      const first = row.damaged.problems[0];
      if (row.damaged.slow && first) {
        details.textContent = `Not used: ${first.message}.`;
      } else {
        const why = first
          ? `${problemLine(first).where}: ${problemLine(first).message}`
          : 'it no longer passes the checks';
        details.textContent = `Damaged, so Parallax does not use it. ${why}`;
      }
      entry.remove = removeButton(`Remove the damaged story pack ${quoted(id)}`, () => remove(id, id));
      buttons.append(entry.remove);
      return item;
    }

    const { summary } = row;
    item.classList.toggle('off', !summary.enabled);
    title.textContent = summary.title;
    const listTitle = summary.list === null ? undefined : (listTitles.get(summary.list) ?? null);
    details.textContent = packDetails(summary, row.differing, listTitle);
    const described = [details.id];
    if (summary.draft) {
      // The mark stays while the pack is a draft: added or not, a reader never forgets no one checked it.
      item.classList.add('draft');
      const mark = el('span', { className: 'pack-mark', id: `pack-${index}-mark`, textContent: DRAFT_MARK });
      title.after(mark);
      described.unshift(mark.id);
    }
    const toggle = el('input', { className: 'pack-switch' });
    toggle.type = 'checkbox';
    toggle.setAttribute('role', 'switch');
    toggle.checked = summary.enabled;
    toggle.setAttribute('aria-labelledby', title.id);
    toggle.setAttribute('aria-describedby', described.join(' '));
    toggle.addEventListener('change', () => {
      const on = toggle.checked;
      actions.setEnabled(summary.id, on).then(
        () => say(switchedMessage(summary.title, on)),
        (error: unknown) => {
          toggle.checked = !on;
          failed(error);
        },
      );
    });
    entry.toggle = toggle;
    buttons.append(toggle);
    // A list's story goes with the list (unsubscribe), or is switched off: removed alone, its
    // list would bring it back. One whose list the reader left is theirs to remove.
    if (summary.origin === 'installed' && listTitle == null) {
      entry.remove = removeButton(`Remove ${quoted(summary.title)}`, () => remove(summary.id, summary.title));
      buttons.append(entry.remove);
    }
    return item;
  }

  function removeButton(label: string, onClick: () => void): HTMLButtonElement {
    const button = el('button', { className: 'pack-remove', textContent: 'Remove' });
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  }

  async function remove(id: string, title: string): Promise<void> {
    const at = rows.findIndex((row) => rowId(row) === id);
    try {
      await actions.remove(id);
    } catch (error) {
      failed(error);
      return;
    }
    await refresh();
    say(removedMessage(title));
    // The story the reader was on is gone: the next one's control, the previous one's, or Add.
    const neighbour = rows[at] ?? rows[at - 1];
    const c = neighbour ? controls.get(rowId(neighbour)) : undefined;
    (c?.remove ?? c?.toggle ?? addButton).focus?.();
  }

  async function refresh(): Promise<void> {
    const [store, lists, slow] = await Promise.all([actions.read(), actions.lists?.() ?? [], actions.slow?.() ?? []]);
    listTitles = new Map(lists.map((list) => [list.address, list.title]));
    if (!stopped) renderRows(packRows(actions.bundled, store, slow));
  }

  let pendingReplace: { text: string; fileName: string; kept: string } | null = null;

  const hideConfirm = () => {
    confirmBox.hidden = true;
    pendingReplace = null;
  };

  async function install(text: string, fileName: string): Promise<void> {
    let installed: InstallResult;
    try {
      installed = await actions.install(text);
    } catch (error) {
      failed(error);
      return;
    }
    if (!installed.ok) return sayRefused(fileName, installed.problems);
    await refresh();
    const enabled = rows.some(
      (row) => row.kind === 'pack' && row.summary.id === installed.pack.id && row.summary.enabled,
    );
    say(installedMessage(installed, enabled));
    (controls.get(installed.pack.id)?.toggle ?? addButton).focus?.();
  }

  async function importFile(file: PickedFile): Promise<void> {
    hideConfirm();
    say('');
    if (file.size > MAX_PACK_FILE_BYTES) {
      return sayRefused(file.name, [
        {
          claim: null,
          report: null,
          where: 'file',
          field: '(the file)',
          message: `it is larger than ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB, more than any story pack`,
        },
      ]);
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return failed(
        new Error(`Could not read ${quoted(file.name)}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    let preview: InstallResult;
    try {
      preview = await actions.preview(text);
    } catch (error) {
      return failed(error);
    }
    if (!preview.ok) return sayRefused(file.name, preview.problems);
    // A draft no person has reviewed, another story under the same id, or an older version over
    // a newer one, is rarely what the reader means without knowing it: ask first, naming both.
    const ask =
      preview.pack.draft === true
        ? draftQuestion(preview)
        : asksBeforeReplacing(preview)
          ? replaceQuestion(preview)
          : null;
    if (ask === null) return install(text, file.name);
    confirmText.textContent = ask.question;
    replaceButton.textContent = ask.replace;
    keepButton.textContent = ask.keep;
    confirmBox.hidden = false;
    pendingReplace = {
      text,
      fileName: file.name,
      kept: preview.pack.draft === true && preview.action === 'install' ? 'Nothing was added.' : 'Nothing was changed.',
    };
    replaceButton.focus?.();
  }

  replaceButton.addEventListener('click', () => {
    const pending = pendingReplace;
    hideConfirm();
    if (pending) void install(pending.text, pending.fileName);
  });
  const keep = () => {
    if (!pendingReplace) return;
    const { kept } = pendingReplace;
    hideConfirm();
    say(kept);
    addButton.focus?.();
  };
  keepButton.addEventListener('click', keep);
  confirmBox.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') keep();
  });

  addButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Cleared, so picking the same file again (corrected) fires another change.
    fileInput.value = '';
    if (file) void importFile(file);
  });

  const unwatch = actions.watch(() => void refresh());
  void refresh().catch(failed);

  return {
    refresh,
    importFile,
    stop() {
      stopped = true;
      unwatch();
    },
  };
}
