// The highlight layer draws in each document's own registry and puts back whatever the page took.
import { describe, expect, it } from 'vitest';
import { createHighlightLayer } from '../../../src/page/highlights';
import type { Passage } from '../../../src/page/passages';

class FakeHighlight extends Set<unknown> {
  priority = 0;
}

/** A window with a highlight registry, and a document whose ranges belong to it. */
function fakeWindow() {
  const view = { CSS: { highlights: new Map<string, FakeHighlight>() }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis;
  const doc = { defaultView: view } as unknown as Document;
  const passage = (status: 'agree' | 'differ'): Passage =>
    ({ status, range: { startContainer: { ownerDocument: doc } } }) as unknown as Passage;
  const sizes = () => Object.fromEntries([...(view.CSS.highlights as unknown as Map<string, FakeHighlight>)].map(([name, h]) => [name, h.size]));
  return { view, passage, sizes, registry: view.CSS.highlights as unknown as Map<string, FakeHighlight> };
}

describe('createHighlightLayer', () => {
  it('draws each document’s passages in its own registry', () => {
    const page = fakeWindow();
    const frame = fakeWindow();
    const layer = createHighlightLayer(page.view);
    layer.draw([page.passage('agree'), page.passage('differ'), frame.passage('differ'), frame.passage('differ')]);
    expect(page.sizes()).toMatchObject({ 'parallax-agree': 1, 'parallax-differ': 1 });
    expect(frame.sizes()).toMatchObject({ 'parallax-differ': 2 });
  });

  it('puts back highlights the page unregistered, replaced or emptied', () => {
    const page = fakeWindow();
    const layer = createHighlightLayer(page.view);
    const focused = page.passage('differ');
    layer.draw([page.passage('agree'), focused]);
    layer.setFocus(focused);
    const drawn = page.sizes();
    expect(layer.repair()).toBe(false);

    page.registry.clear(); // CSS.highlights.clear()
    expect(layer.repair()).toBe(true);
    expect(page.sizes()).toEqual(drawn);

    page.registry.get('parallax-agree')!.clear(); // emptied our Highlight object
    page.registry.set('parallax-differ', new FakeHighlight()); // replaced by the page's own
    expect(layer.repair()).toBe(true);
    expect(page.sizes()).toEqual(drawn);
  });

  it('draws nothing where the Highlight API is missing', () => {
    const view = {} as Window & typeof globalThis;
    const layer = createHighlightLayer(view);
    expect(layer.supported).toBe(false);
    expect(() => layer.draw([])).not.toThrow();
  });
});
