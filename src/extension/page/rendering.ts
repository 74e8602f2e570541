// From what the scanner knows (the page's blocks now, the last match result) and the reader's
// settings to what is drawn: passages placed, highlights drawn in each document, styles adopted
// in each tree that has passages, and the open tooltip kept on its passage. Nothing is redrawn
// when the passages did not move.
import type { ExtractedBlock } from '../../core/text/extract';
import type { HighlightStyle } from '../settings/settings';
import type { HighlightStyles, StyleScope } from './highlight-styles';
import type { HighlightLayer } from './highlights';
import { placePassages, isBroken, samePassages, type Matched, type Passage } from './passages';
import type { Tooltip } from './tooltip';

export interface RenderSettings {
  active: boolean;
  onlyDiffering: boolean;
  highlightStyle: HighlightStyle;
}

export interface Renderer {
  readonly passages: readonly Passage[];
  setBlocks(blocks: readonly ExtractedBlock[]): void;
  setMatched(matched: Matched | null): void;
  setSettings(settings: RenderSettings): void;
  /** Whether any drawn passage lost its text (removed or rewritten nodes): placing them again cannot wait. */
  broken(): boolean;
  /** Opens a passage's tooltip (scrolled to, when asked) and marks it as the focus. */
  open(passage: Passage, opts?: { focus?: boolean; scroll?: boolean }): void;
  /** The last passage opened, for the keyboard command to move on from. */
  readonly visited: number | null;
}

export function createRenderer(deps: {
  layer: HighlightLayer;
  styles: HighlightStyles;
  tooltip: Tooltip;
  settings: RenderSettings;
  onPassages(passages: readonly Passage[]): void;
}): Renderer {
  const { layer, styles, tooltip } = deps;
  let blocks: readonly ExtractedBlock[] = [];
  let matched: Matched | null = null;
  let settings = deps.settings;
  styles.setStyle(settings.highlightStyle);
  let passages: Passage[] = [];
  let visited: number | null = null;

  const open = (passage: Passage, { focus = true, scroll = false } = {}): void => {
    if (scroll) passage.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    visited = passage.index;
    tooltip.open(passage, { focus }); // closes any open tooltip first, which clears the focus highlight
    layer.setFocus(passage);
  };

  const refresh = (): void => {
    const next = matched && settings.active ? placePassages(blocks, matched, settings) : [];
    if (samePassages(passages, next)) return;
    const wasOpen = tooltip.current;
    passages = next;
    for (const scope of new Set(passages.map((p) => p.range.startContainer.getRootNode() as StyleScope)))
      styles.ensure(scope);
    layer.draw(passages);
    layer.setFocus(null);
    if (wasOpen) {
      // Keep the tooltip open across a rescan when its passage is still there (placed again).
      const same = passages.find(
        (p) => p.blockText === wasOpen.blockText && p.start === wasOpen.start && p.text === wasOpen.text,
      );
      if (same) open(same, { focus: false });
      else tooltip.close({ restoreFocus: false });
    }
    deps.onPassages(passages);
  };

  return {
    get passages() {
      return passages;
    },
    get visited() {
      return visited;
    },
    setBlocks(next) {
      blocks = next;
      refresh();
    },
    setMatched(next) {
      matched = next;
      refresh();
    },
    setSettings(next) {
      settings = next;
      styles.setStyle(next.highlightStyle);
      refresh();
    },
    broken: () => passages.some(isBroken),
    open,
  };
}
