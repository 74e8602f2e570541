// Draws passages with the CSS Custom Highlight API: one Highlight per status holding all its
// passages, one per status over the passages drawn in its deeper tint (where passages touch, so
// each stands apart from its neighbour), and one for the passage whose tooltip is open, in the
// registry of each document that has passages (the page and any same-origin frame). The page's
// DOM is never touched.
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
const PASSAGE_KINDS = KINDS.filter((kind) => kind !== 'focus');

function emptyExpected(): DocumentLayer['expected'] {
  return Object.fromEntries(KINDS.map((kind) => [kind, []])) as unknown as DocumentLayer['expected'];
}

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
    const highlights = Object.fromEntries(
      KINDS.map((kind) => [kind, new HighlightCtor()]),
    ) as DocumentLayer['highlights'];
    // The deeper tints are drawn over their status's tint, and focus above both.
    highlights['no-difference-alternate'].priority = 1;
    highlights['differ-alternate'].priority = 1;
    highlights.focus.priority = 2;
    layer = { registry, highlights, expected: emptyExpected() };
    layers.set(doc, layer);
    return layer;
  };

  /** What a highlight holds: its expected ranges, less the focused one for the deeper tints (three translucent layers would dim the text). */
  const target = (layer: DocumentLayer, kind: keyof typeof HIGHLIGHT_NAMES): Range[] => {
    const focused = layer.expected.focus[0];
    const ranges = layer.expected[kind];
    return focused && (kind === 'no-difference-alternate' || kind === 'differ-alternate')
      ? ranges.filter((r) => r !== focused)
      : ranges;
  };

  const fill = (layer: DocumentLayer, kind: keyof typeof HIGHLIGHT_NAMES): void => {
    const highlight = layer.highlights[kind];
    highlight.clear();
    for (const range of target(layer, kind)) highlight.add(range);
  };

  const repairLayer = (layer: DocumentLayer): boolean => {
    let repaired = false;
    for (const kind of KINDS) {
      const name = HIGHLIGHT_NAMES[kind];
      const highlight = layer.highlights[kind];
      if (highlight.size !== target(layer, kind).length) {
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
      for (const layer of layers.values()) for (const kind of PASSAGE_KINDS) layer.expected[kind] = [];
      for (const p of passages) {
        const layer = layerOf(p.range.startContainer.ownerDocument!);
        if (!layer) continue;
        layer.expected[p.status].push(p.range);
        if (p.alternate) layer.expected[`${p.status}-alternate`].push(p.range);
      }
      for (const layer of layers.values()) {
        for (const kind of PASSAGE_KINDS) fill(layer, kind);
        repairLayer(layer);
      }
    },
    setFocus(passage) {
      if (!supported) return;
      const refocus = (layer: DocumentLayer): void => {
        for (const kind of ['focus', 'no-difference-alternate', 'differ-alternate'] as const) fill(layer, kind);
      };
      for (const layer of layers.values()) {
        if (layer.expected.focus.length === 0) continue;
        layer.expected.focus = [];
        refocus(layer);
      }
      if (!passage) return;
      const layer = layerOf(passage.range.startContainer.ownerDocument!);
      if (!layer) return;
      layer.expected.focus = [passage.range];
      refocus(layer);
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
