// The options page's "Story lists": the curators' lists the reader subscribes to, each with its
// publisher, site, stories, last and next update, last error, its questions (a new key; a newer
// version of a story the reader added themselves), "Update now" and "Unsubscribe"; and "Subscribe
// to a list" by its https address. The page says when Parallax goes online and what it sends.
// Everything from a list is inserted as text; its home page becomes a link only if it is a web
// address. The service worker does the work (background/pack-lists.ts); this page asks the
// browser for leave to reach the list's site first, in the reader's own click, as browsers require.
//
// Accessibility: the outcome of each action is announced in one polite live region; each card is
// a list item named by its title, its buttons named with it; a question takes focus when it is
// asked; focus goes to the new list after subscribing, and to the address field after leaving one.
import type { PackStore } from '../../core/database/pack-store';
import { isWebAddress } from '../../core/database/web-address';
import { listAddressProblem, listHostPattern, normalizeListAddress } from '../../core/lists/list-address';
import type { ListActionResult, ListAnswer } from '../../core/lists/list-update';
import type { ListSubscription } from '../../core/lists/subscription';
import {
  deniedMessage,
  keptKeyMessage,
  keptOwnMessage,
  lastErrorText,
  listByline,
  listPackLine,
  newKeyQuestion,
  NO_LISTS,
  nextUpdateText,
  REQUESTS_NOTE,
  SUBSCRIBE_NOTE,
  subscribedMessage,
  takeOverQuestion,
  timeText,
  unsubscribedMessage,
  updatedMessage,
} from './lists-text';
import { quoted } from './packs-text';

/** What the section does (src/extension/options/lists-actions.ts in the extension). */
export interface ListActions {
  read(): Promise<{ lists: ListSubscription[]; store: PackStore }>;
  /**
   * Asks the browser for leave to reach the sites matching `pattern`. Called in the reader's
   * click, before anything else is awaited (Firefox grants nothing outside the gesture).
   */
  requestSite(pattern: string): Promise<boolean>;
  subscribe(address: string): Promise<ListActionResult>;
  update(address: string): Promise<ListActionResult>;
  unsubscribe(address: string): Promise<ListActionResult>;
  answer(address: string, answer: ListAnswer): Promise<ListActionResult>;
  /** Calls back when the lists or the packs change (an update, another window). */
  watch(onChange: () => void): () => void;
  now(): Date;
}

export interface ListsSection {
  refresh(): Promise<void>;
  stop(): void;
}

export function mountListsSection(section: HTMLElement, actions: ListActions): ListsSection {
  const doc = section.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<Record<'className' | 'id' | 'textContent', string>> = {},
  ) => Object.assign(doc.createElement(tag), props);
  const button = (text: string, className: string, label?: string) => {
    const b = el('button', { className, textContent: text });
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    return b;
  };

  const heading = el('h2', { id: 'lists-heading', textContent: 'Story lists' });
  const intro = el('p', {
    className: 'note',
    textContent:
      'Subscribe to a curator’s list of stories, and Parallax adds its new stories, and their corrections, by itself.',
  });
  const requests = el('p', { className: 'note lists-requests', id: 'lists-requests', textContent: REQUESTS_NOTE });
  const list = el('ul', { className: 'lists' });
  list.setAttribute('aria-labelledby', heading.id);
  const empty = el('p', { className: 'empty', textContent: NO_LISTS });

  const form = el('form', { className: 'list-subscribe' });
  const label = el('label', { textContent: 'Subscribe to a list' });
  const input = el('input', { id: 'list-address' });
  label.htmlFor = input.id;
  input.type = 'url';
  input.placeholder = 'https://example.org/parallax/list.json';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const note = el('p', { className: 'note', id: 'list-address-note', textContent: SUBSCRIBE_NOTE });
  input.setAttribute('aria-describedby', `${note.id} ${requests.id}`);
  const subscribeButton = el('button', { className: 'list-subscribe-button', textContent: 'Subscribe' });
  subscribeButton.type = 'submit';
  const row = el('div', { className: 'list-subscribe-row' });
  row.append(input, subscribeButton);
  form.append(label, row, note);

  const result = el('div', { className: 'pack-result list-result', id: 'list-result' });
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  result.tabIndex = -1;

  section.setAttribute('aria-labelledby', heading.id);
  section.replaceChildren(heading, intro, requests, list, empty, form, result);

  let lists: ListSubscription[] = [];
  let store: PackStore = { installed: [], disabled: [] };
  let stopped = false;
  /** Lists with an action under way: their buttons wait. */
  const busy = new Set<string>();

  const say = (text: string, kind: 'done' | 'error' = 'done') => {
    result.classList.toggle('error', kind === 'error');
    result.replaceChildren(text);
  };
  const failed = (error: unknown) => say(error instanceof Error ? error.message : String(error), 'error');

  /** The control with this key (its action and list), to give focus back after the cards are drawn again. */
  const control = (key: string | undefined) =>
    key === undefined
      ? undefined
      : ([...list.querySelectorAll('[data-key]')] as HTMLElement[]).find((e) => e.dataset.key === key);

  function render(): void {
    const focusedKey = (doc.activeElement as HTMLElement | null)?.dataset?.key;
    empty.hidden = lists.length > 0;
    list.replaceChildren(...lists.map((sub, i) => renderList(sub, i)));
    if (focusedKey) control(focusedKey)?.focus?.();
  }

  function renderList(sub: ListSubscription, index: number): HTMLLIElement {
    const item = el('li', { className: 'list' });
    item.dataset.address = sub.address;
    const title = el('h3', { className: 'list-title', id: `list-${index}-title`, textContent: sub.title });
    item.setAttribute('aria-labelledby', title.id);
    const byline = el('p', { className: 'list-byline', textContent: listByline(sub) });
    // Checked again: storage can hold what the schema refused.
    if (isWebAddress(sub.homePage)) {
      const home = el('a', { textContent: 'home page' });
      home.href = sub.homePage;
      home.target = '_blank';
      home.rel = 'noopener noreferrer';
      byline.append(' · ', home);
    }
    const times = el('dl', { className: 'list-times' });
    const time = (term: string, value: string, className: string) => {
      const dd = el('dd', { className, textContent: value });
      times.append(el('dt', { textContent: term }), dd);
    };
    time('Last updated', timeText(sub.lastUpdate), 'list-last-update');
    time('Next update', nextUpdateText(sub, actions.now()), 'list-next-update');
    item.append(title, byline, times);

    if (sub.lastError) {
      const error = el('p', { className: 'list-error', textContent: lastErrorText(sub) });
      item.append(error);
    }
    const questions = renderQuestions(sub, index);
    if (questions) item.append(questions);

    const packs = el('ul', { className: 'list-packs' });
    packs.setAttribute('aria-label', `Stories of ${quoted(sub.title)}`);
    packs.append(...sub.packs.map((record) => el('li', { textContent: listPackLine(record, store, lists) })));
    const packsHeading = el('p', {
      className: 'list-packs-heading',
      textContent:
        sub.packs.length === 0
          ? 'No stories in it yet.'
          : `${sub.packs.length} ${sub.packs.length === 1 ? 'story' : 'stories'}:`,
    });
    item.append(packsHeading, packs);

    const key = el('p', { className: 'list-key' });
    key.append('Signing key ', el('code', { textContent: sub.publicKey }), ` · ${sub.address}`);
    item.append(key);

    const controls = el('div', { className: 'list-controls' });
    const update = button('Update now', 'list-update', `Update ${quoted(sub.title)} now`);
    update.dataset.key = `update ${sub.address}`;
    const leave = button('Unsubscribe', 'list-unsubscribe', `Unsubscribe from ${quoted(sub.title)}`);
    leave.dataset.key = `unsubscribe ${sub.address}`;
    update.disabled = leave.disabled = busy.has(sub.address);
    update.addEventListener(
      'click',
      () =>
        void act(
          sub,
          () => actions.update(sub.address),
          (r) => updatedMessage(sub, r),
          update,
        ),
    );
    leave.addEventListener('click', () => void unsubscribe(sub));
    controls.append(update, leave);
    item.append(controls);
    return item;
  }

  function renderQuestions(sub: ListSubscription, index: number): HTMLElement | null {
    const asks: HTMLElement[] = [];
    const question = (text: string, yes: string, no: string, onYes: () => void, onNo: () => void, key: string) => {
      const box = el('div', { className: 'pack-confirm list-question' });
      box.setAttribute('role', 'group');
      const p = el('p', { id: `list-${index}-q${asks.length}`, textContent: text });
      box.setAttribute('aria-labelledby', p.id);
      const buttons = el('div', { className: 'pack-confirm-buttons' });
      const yesButton = button(yes, 'pack-replace');
      yesButton.dataset.key = `${key} yes`;
      const noButton = button(no, 'pack-keep');
      noButton.dataset.key = `${key} no`;
      yesButton.disabled = noButton.disabled = busy.has(sub.address);
      yesButton.addEventListener('click', onYes);
      noButton.addEventListener('click', onNo);
      buttons.append(yesButton, noButton);
      box.append(p, buttons);
      asks.push(box);
    };
    if (sub.newKey !== null) {
      const ask = newKeyQuestion(sub);
      question(
        ask.question,
        ask.accept,
        ask.keep,
        () => void answer(sub, { about: 'key', accept: true }, (r) => updatedMessage(sub, r)),
        () => void answer(sub, { about: 'key', accept: false }, () => keptKeyMessage(sub)),
        `key ${sub.address}`,
      );
    }
    for (const record of sub.packs.filter((p) => p.state === 'asks')) {
      const ask = takeOverQuestion(sub, record, store);
      question(
        ask.question,
        ask.take,
        ask.keep,
        () => void answer(sub, { about: 'pack', id: record.id, takeListCopy: true }, (r) => updatedMessage(sub, r)),
        () =>
          void answer(sub, { about: 'pack', id: record.id, takeListCopy: false }, () => keptOwnMessage(record.title)),
        `pack ${sub.address} ${record.id}`,
      );
    }
    if (asks.length === 0) return null;
    const box = el('div', { className: 'list-questions' });
    box.append(...asks);
    return box;
  }

  async function act(
    sub: ListSubscription,
    run: () => Promise<ListActionResult>,
    message: (r: ListActionResult) => string,
    from?: HTMLElement,
  ): Promise<void> {
    busy.add(sub.address);
    render();
    say(`Updating ${quoted(sub.title)}…`);
    let outcome: ListActionResult;
    try {
      outcome = await run();
    } catch (error) {
      busy.delete(sub.address);
      await refresh();
      return failed(error);
    }
    busy.delete(sub.address);
    await refresh();
    say(message(outcome), outcome.ok ? 'done' : 'error');
    control(from?.dataset.key)?.focus?.();
  }

  async function answer(
    sub: ListSubscription,
    given: ListAnswer,
    message: (r: ListActionResult) => string,
  ): Promise<void> {
    await act(
      sub,
      () => actions.answer(sub.address, given),
      (r) => (r.ok ? message(r) : updatedMessage(sub, r)),
    );
    // The question is gone: focus goes to the list's Update button.
    control(`update ${sub.address}`)?.focus?.();
  }

  async function unsubscribe(sub: ListSubscription): Promise<void> {
    const stories = store.installed.filter((p) => p.list === sub.address).length;
    busy.add(sub.address);
    render();
    let outcome: ListActionResult;
    try {
      outcome = await actions.unsubscribe(sub.address);
    } catch (error) {
      busy.delete(sub.address);
      await refresh();
      return failed(error);
    }
    busy.delete(sub.address);
    await refresh();
    if (outcome.ok) say(unsubscribedMessage(sub, stories));
    else say(updatedMessage(sub, outcome), 'error');
    input.focus?.();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value;
    const problem = listAddressProblem(typed);
    if (problem) {
      say(`Nothing was subscribed: the address you gave is not a list’s: ${problem}.`, 'error');
      input.focus?.();
      return;
    }
    const address = normalizeListAddress(typed);
    const already = lists.find((l) => l.address === address);
    if (already) {
      say(`You already subscribe to ${quoted(already.title)}.`);
      return;
    }
    // Asked at once, in the reader's click: nothing is awaited before it.
    const permission = actions.requestSite(listHostPattern(address));
    void subscribe(address, permission);
  });

  async function subscribe(address: string, permission: Promise<boolean>): Promise<void> {
    subscribeButton.disabled = true;
    try {
      let granted: boolean;
      try {
        granted = await permission;
      } catch (error) {
        return failed(error);
      }
      if (!granted) return say(deniedMessage(address), 'error');
      say(`Subscribing to ${address}…`);
      let outcome: ListActionResult;
      try {
        outcome = await actions.subscribe(address);
      } catch (error) {
        return failed(error);
      }
      await refresh();
      say(subscribedMessage(address, outcome), outcome.ok ? 'done' : 'error');
      if (outcome.ok) {
        input.value = '';
        control(`update ${address}`)?.focus?.();
      } else {
        result.focus?.();
      }
    } finally {
      subscribeButton.disabled = false;
    }
  }

  async function refresh(): Promise<void> {
    const read = await actions.read();
    if (stopped) return;
    lists = read.lists;
    store = read.store;
    render();
  }

  const unwatch = actions.watch(() => void refresh().catch(failed));
  void refresh().catch(failed);

  return {
    refresh,
    stop() {
      stopped = true;
      unwatch();
    },
  };
}
