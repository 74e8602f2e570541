// Draws passages with the CSS Custom Highlight API: one Highlight per status, plus one for the
// passage whose tooltip is open, in the registry of each document that has passages (the page and
// any same-origin frame). The page's DOM is never touched.
//
// The registry belongs to the page, which can clear it or replace our entries at any time:
// `repair` puts back whatever is missing, and the content script calls it after every change it
// sees and on a short timer while anything is drawn.
//
// Where the API is missing (older browsers), nothing is drawn: passages are still counted on the
// badge and reachable through the keyboard command and the popup, which open the tooltip.
import { HIGHLIGHT_NAMES } from './highlight-styles';
import type { Passage } from './passages';

export interface HighlightLayer {
  readonly supported: boolean;
  draw(passages: readonly Passage[]): void;
  setFocus(passage: Passage | null): void;
  /** Re-registers and refills whatever the page removed; true if anything was missing. */
  repair(): boolean;
  clear(): void;
}

type HighlightView = Window & typeof globalThis & { Highlight?: typeof Highlight };

interface DocumentLayer {
  registry: HighlightRegistry;
  highlights: Record<keyof typeof HIGHLIGHT_NAMES, Highlight>;
  /** What each highlight should hold. */
  expected: Record<keyof typeof HIGHLIGHT_NAMES, Range[]>;
}

const KINDS = Object.keys(HIGHLIGHT_NAMES) as (keyof typeof HIGHLIGHT_NAMES)[];

export function createHighlightLayer(top: HighlightView): HighlightLayer {
  const supported = Boolean(top.CSS?.highlights && top.Highlight);
  const layers = new Map<Document, DocumentLayer>();

  const layerOf = (doc: Document): DocumentLayer | null => {
    let layer = layers.get(doc);
    if (layer) return layer;
    const view = doc.defaultView as HighlightView | null;
    const registry = view?.CSS?.highlights;
    const HighlightCtor = view?.Highlight;
    if (!registry || !HighlightCtor) return null;
    const highlights = { agree: new HighlightCtor(), differ: new HighlightCtor(), focus: new HighlightCtor() };
    // Focus is drawn above the status tints.
    highlights.focus.priority = 1;
    layer = { registry, highlights, expected: { agree: [], differ: [], focus: [] } };
    layers.set(doc, layer);
    return layer;
  };

  const fill = (layer: DocumentLayer, kind: keyof typeof HIGHLIGHT_NAMES): void => {
    const highlight = layer.highlights[kind];
    highlight.clear();
    for (const range of layer.expected[kind]) highlight.add(range);
  };

  const repairLayer = (layer: DocumentLayer): boolean => {
    let repaired = false;
    for (const kind of KINDS) {
      const name = HIGHLIGHT_NAMES[kind];
      const highlight = layer.highlights[kind];
      if (highlight.size !== layer.expected[kind].length) {
        fill(layer, kind);
        repaired = true;
      }
      if (layer.registry.get(name) !== highlight) {
        if (highlight.size === 0 && !layer.registry.has(name)) continue; // nothing to show: no need to register
        layer.registry.set(name, highlight);
        repaired = true;
      }
    }
    return repaired;
  };

  return {
    supported,
    draw(passages) {
      if (!supported) return;
      for (const layer of layers.values()) {
        layer.expected.agree = [];
        layer.expected.differ = [];
      }
      for (const p of passages) {
        const layer = layerOf(p.range.startContainer.ownerDocument!);
        layer?.expected[p.status].push(p.range);
      }
      for (const layer of layers.values()) {
        fill(layer, 'agree');
        fill(layer, 'differ');
        repairLayer(layer);
      }
    },
    setFocus(passage) {
      if (!supported) return;
      for (const layer of layers.values()) {
        layer.expected.focus = [];
        fill(layer, 'focus');
      }
      if (!passage) return;
      const layer = layerOf(passage.range.startContainer.ownerDocument!);
      if (!layer) return;
      layer.expected.focus = [passage.range];
      fill(layer, 'focus');
      repairLayer(layer);
    },
    repair() {
      let repaired = false;
      for (const layer of layers.values()) repaired = repairLayer(layer) || repaired;
      return repaired;
    },
    clear() {
      for (const layer of layers.values()) {
        for (const kind of KINDS) {
          layer.expected[kind] = [];
          layer.highlights[kind].clear();
        }
      }
    },
  };
}

/** The page may wipe CSS.highlights at any time, with no event to tell: check this often. */
export const REPAIR_EVERY_MS = 500;

/** Puts back what the page removed, every REPAIR_EVERY_MS while anything is drawn, until the signal aborts. */
export function keepRepaired(view: Window, layer: HighlightLayer, anyDrawn: () => boolean, signal: AbortSignal): void {
  const timer = view.setInterval(() => {
    if (anyDrawn()) layer.repair();
  }, REPAIR_EVERY_MS);
  signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
}
