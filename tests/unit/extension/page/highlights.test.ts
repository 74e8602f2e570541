// The highlight layer draws in each document's own registry and puts back whatever the page took.
import { describe, expect, it } from 'vitest';
import { createHighlightLayer } from '../../../../src/extension/page/highlights';
import type { Passage } from '../../../../src/extension/page/passages';

class FakeHighlight extends Set<unknown> {
  priority = 0;
}

/** A window with a highlight registry, and a document whose ranges belong to it. */
function fakeWindow() {
  const view = {
    CSS: { highlights: new Map<string, FakeHighlight>() },
    Highlight: FakeHighlight,
  } as unknown as Window & typeof globalThis;
  const doc = { defaultView: view } as unknown as Document;
  const passage = (status: 'no-difference' | 'differ', alternate = false): Passage =>
    ({ status, alternate, range: { startContainer: { ownerDocument: doc } } }) as unknown as Passage;
  const sizes = () =>
    Object.fromEntries(
      [...(view.CSS.highlights as unknown as Map<string, FakeHighlight>)].map(([name, h]) => [name, h.size]),
    );
  return { view, passage, sizes, registry: view.CSS.highlights as unknown as Map<string, FakeHighlight> };
}

describe('createHighlightLayer', () => {
  it('draws each document’s passages in its own registry', () => {
    const page = fakeWindow();
    const frame = fakeWindow();
    const layer = createHighlightLayer(page.view);
    layer.draw([
      page.passage('no-difference'),
      page.passage('differ'),
      frame.passage('differ'),
      frame.passage('differ'),
    ]);
    expect(page.sizes()).toMatchObject({ 'parallax-no-difference': 1, 'parallax-differ': 1 });
    expect(frame.sizes()).toMatchObject({ 'parallax-differ': 2 });
  });

  it('draws a passage in its deeper tint over its status tint, and the focus over its tint alone', () => {
    const page = fakeWindow();
    const layer = createHighlightLayer(page.view);
    const focused = page.passage('differ', true);
    layer.draw([page.passage('no-difference'), page.passage('no-difference', true), focused, page.passage('differ')]);
    const drawn = {
      'parallax-no-difference': 2,
      'parallax-no-difference-alternate': 1,
      'parallax-differ': 2,
      'parallax-differ-alternate': 1,
    };
    expect(page.sizes()).toEqual(drawn);
    // Three translucent layers would dim the text: while focused, the passage loses its deeper tint.
    layer.setFocus(focused);
    expect(page.sizes()).toEqual({ ...drawn, 'parallax-differ-alternate': 0, 'parallax-focus': 1 });
    expect(layer.repair()).toBe(false);
    layer.setFocus(null);
    expect(page.sizes()).toEqual({ ...drawn, 'parallax-focus': 0 });
    const priority = (name: string) => page.registry.get(name)!.priority;
    expect(priority('parallax-no-difference')).toBeLessThan(priority('parallax-no-difference-alternate'));
    expect(priority('parallax-differ-alternate')).toBeLessThan(priority('parallax-focus'));
  });

  it('puts back highlights the page unregistered, replaced or emptied', () => {
    const page = fakeWindow();
    const layer = createHighlightLayer(page.view);
    const focused = page.passage('differ');
    layer.draw([page.passage('no-difference'), focused]);
    layer.setFocus(focused);
    const drawn = page.sizes();
    expect(layer.repair()).toBe(false);

    page.registry.clear(); // CSS.highlights.clear()
    expect(layer.repair()).toBe(true);
    expect(page.sizes()).toEqual(drawn);

    page.registry.get('parallax-no-difference')!.clear(); // emptied our Highlight object
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
