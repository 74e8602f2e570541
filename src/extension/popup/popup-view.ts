// Draws the popup from its state. Page and database strings go in as text only.
import type { HighlightSummary, TabHighlights } from '../messaging/protocol';
import { quotedExcerpt } from '../../core/english/lists';
import { siteKey } from '../settings/site-key';
import { type SiteOff, countText, coveredNote, passageLabel, UNAVAILABLE_TEXT } from './popup-text';

export interface PopupElements {
  unavailable: HTMLElement;
  siteRow: HTMLElement;
  siteLabel: HTMLElement;
  siteSwitch: HTMLInputElement;
  siteNote: HTMLElement;
  passagesSection: HTMLElement;
  count: HTMLElement;
  passages: HTMLUListElement;
  globalSwitch: HTMLInputElement;
}

export function findElements(doc: Document): PopupElements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`popup.html lacks #${id}`);
    return element as T;
  };
  return {
    unavailable: get('unavailable'),
    siteRow: get('site-row'),
    siteLabel: get('site-label'),
    siteSwitch: get<HTMLInputElement>('site-switch'),
    siteNote: get('site-note'),
    passagesSection: get('passages-section'),
    count: get('count'),
    passages: get<HTMLUListElement>('passages'),
    globalSwitch: get<HTMLInputElement>('global-switch'),
  };
}

export interface PopupState {
  /** Null when no content script answers on the tab (browser pages, the web store). */
  tab: TabHighlights | null;
  /** Set when the site list turns this tab's site off (whatever the global switch says). */
  siteOff: SiteOff | undefined;
  globalEnabled: boolean;
  /** A problem saving the last change, shown until the next change. */
  error?: string;
}

export function renderPopup(
  elements: PopupElements,
  state: PopupState,
  onFocusHighlight: (index: number) => void,
): void {
  const { tab, siteOff, globalEnabled } = state;
  elements.globalSwitch.checked = state.globalEnabled;

  elements.unavailable.hidden = tab !== null;
  elements.unavailable.textContent = tab === null ? UNAVAILABLE_TEXT : '';
  elements.siteRow.hidden = tab === null;
  elements.passagesSection.hidden = tab === null;

  const note = state.error ?? (tab ? coveredNote(siteOff) : undefined);
  elements.siteNote.hidden = !note;
  elements.siteNote.textContent = note ?? '';
  elements.siteNote.classList.toggle('error', Boolean(state.error));
  if (!tab) return;

  elements.siteLabel.textContent = `Highlight on ${siteKey(tab.host) || tab.host}`;
  elements.siteSwitch.checked = !siteOff;

  const highlights = globalEnabled && !siteOff ? tab.highlights : [];
  const text = countText(globalEnabled, siteOff, highlights.length);
  // Rewriting the same words would make some screen readers repeat them.
  if (elements.count.textContent !== text) elements.count.textContent = text;
  const list = elements.passages;
  const focused = list.contains(list.ownerDocument.activeElement)
    ? (list.ownerDocument.activeElement as HTMLElement).dataset.index
    : undefined;
  list.replaceChildren(...highlights.map((h) => passageItem(list.ownerDocument, h, onFocusHighlight)));
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.passage')];
  const current = buttons.find((b) => b.dataset.index === focused) ?? buttons[0];
  buttons.forEach((b) => (b.tabIndex = b === current ? 0 : -1));
  if (focused !== undefined) current?.focus();
  markMoreBelow(list);
}

/** Whether passages lie below the list's fold; the style fades its bottom edge then. */
export function markMoreBelow(list: HTMLElement): void {
  list.classList.toggle('more-below', list.scrollTop + list.clientHeight < list.scrollHeight - 1);
}

/**
 * The list is one Tab stop (a roving tabindex): arrow keys, Home and End move within it, so a
 * keyboard user reaches the global switch without tabbing through every passage.
 */
export function enableListKeys(list: HTMLElement): void {
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.passage')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const to =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    buttons.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
    buttons[to]?.focus();
  });
}

function span(doc: Document, className: string, text: string): HTMLSpanElement {
  const element = doc.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * One passage: the facts it states, whether the outlets differ, and how it begins on the page (which
 * tells apart two passages that state the same fact).
 * (The spaces between the parts are for screen readers, which read the button as one line.)
 */
function passageItem(
  doc: Document,
  highlight: HighlightSummary,
  onFocusHighlight: (index: number) => void,
): HTMLLIElement {
  const { summaries, status, tone, snippet } = passageLabel(highlight);
  const item = doc.createElement('li');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `passage ${tone}`;
  button.dataset.index = String(highlight.index);
  for (const summary of summaries) button.append(span(doc, 'summary', summary), ' ');
  const meta = doc.createElement('span');
  meta.className = 'meta';
  meta.append(span(doc, `status ${tone}`, status), ' ', span(doc, 'snippet', snippet));
  button.append(meta);
  // The facts and the passage in full (the list cuts a fact at two lines, the passage at one).
  button.title = [...summaries, quotedExcerpt(highlight.text, Infinity)].join('\n');
  button.addEventListener('click', () => onFocusHighlight(highlight.index));
  item.append(button);
  return item;
}
