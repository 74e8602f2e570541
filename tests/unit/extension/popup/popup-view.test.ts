// The popup drawn into a parsed copy of its own HTML: text from pages and the database stays text.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import type { TabHighlights } from '../../../../src/extension/messaging/protocol';
import { findElements, renderPopup } from '../../../../src/extension/popup/popup-view';

function popupDocument() {
  return parseHTML(readFileSync('entrypoints/popup/index.html', 'utf8')).document as unknown as Document;
}

const tab: TabHighlights = {
  host: 'www.straitstimes.com',
  active: true,
  highlights: [
    {
      index: 0,
      text: 'x <b>bold</b>',
      claims: [{ id: 'a', summary: '<img src=x onerror=alert(1)>', status: 'differ', differsOn: ['the figures'] }],
    },
    {
      index: 1,
      text: 'y',
      claims: [
        { id: 'b', summary: 'Plain summary', status: 'agree', differsOn: [] },
        { id: 'c', summary: 'Second fact', status: 'agree', differsOn: [] },
      ],
    },
    // The same fact stated again further down: its own start on the page tells the two rows apart.
    {
      index: 2,
      text: 'Later, the convoy\n was 6km long.',
      claims: [{ id: 'b', summary: 'Plain summary', status: 'agree', differsOn: [] }],
    },
  ],
};

it('lists passages as text, never as markup, one Tab stop for the whole list', () => {
  const doc = popupDocument();
  const elements = findElements(doc);
  renderPopup(elements, { tab, siteOff: undefined, globalEnabled: true }, () => {});
  expect(elements.siteLabel.textContent).toBe('Highlight on straitstimes.com');
  expect(elements.siteSwitch.checked).toBe(true);
  expect(elements.passages.querySelector('img, b')).toBeNull();
  const buttons = [...elements.passages.querySelectorAll('button')];
  // Each says what it is: the facts, whether outlets differ, and how the passage reads.
  expect(buttons.map((b) => b.textContent)).toEqual([
    '<img src=x onerror=alert(1)> Outlets differ on the figures “x <b>bold</b>”',
    'Plain summary Second fact 2 facts: outlets agree on both “y”',
    'Plain summary Outlets agree “Later, the convoy was 6km long.”',
  ]);
  expect(buttons.map((b) => b.classList.contains('differ'))).toEqual([true, false, false]);
  expect(buttons.map((b) => b.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
  expect(elements.count.textContent).toBe('3 passages highlighted on this tab');
});

it('a site turned off shows its switch off and lists nothing', () => {
  const doc = popupDocument();
  const elements = findElements(doc);
  renderPopup(
    elements,
    { tab, siteOff: { coveredBy: 'straitstimes.com', ownKey: 'straitstimes.com' }, globalEnabled: true },
    () => {},
  );
  expect(elements.siteSwitch.checked).toBe(false);
  expect(elements.passages.children.length).toBe(0);
  expect(elements.count.textContent).toBe('Highlights are turned off on this site.');
});

it('a tab without a content script hides the site switch and says why', () => {
  const doc = popupDocument();
  const elements = findElements(doc);
  renderPopup(elements, { tab: null, siteOff: undefined, globalEnabled: true }, () => {});
  expect(elements.siteRow.hidden).toBe(true);
  expect(elements.passagesSection.hidden).toBe(true);
  expect(elements.unavailable.hidden).toBe(false);
  expect(elements.unavailable.textContent).toMatch(/does not run on this page/);
});
