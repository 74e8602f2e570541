// Draws passages with the CSS Custom Highlight API: one Highlight per status, plus one for the
// passage whose tooltip is open. The page's DOM is never touched.
//
// Where the API is missing (older browsers), nothing is drawn: passages are still counted on the
// badge and reachable through the keyboard command and the popup, which open the tooltip.
import { HIGHLIGHT_NAMES } from './highlight-styles';
import type { Passage } from './passages';

export interface HighlightLayer {
  readonly supported: boolean;
  draw(passages: readonly Passage[]): void;
  setFocus(passage: Passage | null): void;
  clear(): void;
}

export function createHighlightLayer(view: Window & typeof globalThis): HighlightLayer {
  const registry = view.CSS?.highlights;
  const HighlightCtor = (view as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) {
    return { supported: false, draw() {}, setFocus() {}, clear() {} };
  }
  const agree = new HighlightCtor();
  const differ = new HighlightCtor();
  const focus = new HighlightCtor();
  // Focus is drawn above the status tints.
  focus.priority = 1;
  registry.set(HIGHLIGHT_NAMES.agree, agree);
  registry.set(HIGHLIGHT_NAMES.differ, differ);
  registry.set(HIGHLIGHT_NAMES.focus, focus);
  return {
    supported: true,
    draw(passages) {
      agree.clear();
      differ.clear();
      for (const p of passages) (p.status === 'differ' ? differ : agree).add(p.range);
      // A page script may have cleared the registry; put ours back.
      if (registry.get(HIGHLIGHT_NAMES.agree) !== agree) registry.set(HIGHLIGHT_NAMES.agree, agree);
      if (registry.get(HIGHLIGHT_NAMES.differ) !== differ) registry.set(HIGHLIGHT_NAMES.differ, differ);
      if (registry.get(HIGHLIGHT_NAMES.focus) !== focus) registry.set(HIGHLIGHT_NAMES.focus, focus);
    },
    setFocus(passage) {
      focus.clear();
      if (passage) focus.add(passage.range);
    },
    clear() {
      agree.clear();
      differ.clear();
      focus.clear();
    },
  };
}
