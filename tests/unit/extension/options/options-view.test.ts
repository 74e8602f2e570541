// The options page as written (entrypoints/options/index.html), and its site list drawn into a parsed copy.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect, it, vi } from 'vitest';
import { renderSiteList } from '../../../../src/extension/options/options-view';

const page = () => parseHTML(readFileSync('entrypoints/options/index.html', 'utf8')).document as unknown as Document;

it('describes the stories in one card, the stories card, and never claims a story is bundled', () => {
  const doc = page();
  // The stories card (packs-section.ts) describes every story, bundled or added: no second card repeats one of them.
  expect(doc.getElementById('packs')).not.toBeNull();
  expect(doc.body.textContent).not.toMatch(/Fact database|bundled with the extension|claim/i);
});

it('lists the turned-off sites, each with a button that turns it back on', () => {
  const doc = page();
  const list = doc.getElementById('sites') as HTMLUListElement;
  const onTurnOn = vi.fn();
  renderSiteList(list, ['example.com', '<b>x</b>.org'], onTurnOn);
  expect([...list.querySelectorAll('li span')].map((s) => s.textContent)).toEqual(['example.com', '<b>x</b>.org']);
  expect(list.querySelector('b')).toBeNull();
  (list.querySelectorAll('button')[1] as HTMLButtonElement).click();
  expect(onTurnOn).toHaveBeenCalledWith('<b>x</b>.org');
});
