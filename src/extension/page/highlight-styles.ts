// The ::highlight() rules. They live in constructed stylesheets adopted by the document (and by
// each open shadow root and same-origin frame that has highlights: a document's rules do not reach
// into them), so Parallax adds no <style> node to the page.
import type { HighlightStyle } from '../settings/settings';

export const HIGHLIGHT_NAMES = {
  /** Every passage of a status (what the badge and the tests count): no difference, or outlets differ. */
  'no-difference': 'parallax-no-difference',
  differ: 'parallax-differ',
  /** The passages drawn in their status's deeper tint: each one that touches the one before it. */
  'no-difference-alternate': 'parallax-no-difference-alternate',
  'differ-alternate': 'parallax-differ-alternate',
  /** The passage whose tooltip is open. */
  focus: 'parallax-focus',
} as const;

// Tints a reader can read through, translucent so the page's own background shows: amber where the
// outlets differ on one of the passage's facts, blue where they differ on none (they agree, or give
// nothing to compare: blue never says the figures were compared). One set for light and dark pages alike (the reader's colour
// scheme says nothing of the page's): on white they are clear tints, on a dark page they darken
// less than they colour, and body text keeps a contrast of 4.5:1 or more on both (the browser
// suite checks it). Where passages touch, each second one is drawn deeper (its "alternate"
// highlight, painted over its status tint), so neighbouring sentences read as separate passages.
// The passage whose tooltip is open is drawn in lilac over its tint, a hue nothing else uses.
//
// The background style has no text-decoration on purpose: Chromium repaints the whole page when an
// element whose text carries a decorated highlight is restyled (the hand cursor over a passage),
// 30-40 ms a pointer move on a 60,000-element page, against a few ms with tints alone. The
// underline style keeps its decorations and that cost, for readers who prefer it; there the
// alternate passages sit their line lower, a visible step where two passages meet.
const FOCUS = 'background-color: rgba(150, 80, 255, 0.32);';

function highlightRules(style: HighlightStyle): string {
  const { differ, focus } = HIGHLIGHT_NAMES;
  const same = HIGHLIGHT_NAMES['no-difference'];
  const sameAlternate = HIGHLIGHT_NAMES['no-difference-alternate'];
  const differAlternate = HIGHLIGHT_NAMES['differ-alternate'];
  if (style === 'underline') {
    return `
::highlight(${same}) { text-decoration: underline 2px rgba(56, 120, 240, 0.9); text-underline-offset: 3px; }
::highlight(${sameAlternate}) { text-decoration: underline 2px rgba(56, 120, 240, 0.9); text-underline-offset: 6px; }
::highlight(${differ}) { text-decoration: underline wavy 2px rgba(230, 130, 0, 0.95); text-underline-offset: 3px; }
::highlight(${differAlternate}) { text-decoration: underline wavy 2px rgba(230, 130, 0, 0.95); text-underline-offset: 6px; }
::highlight(${focus}) { ${FOCUS} }`;
  }
  return `
::highlight(${same}) { background-color: rgba(56, 120, 240, 0.26); }
::highlight(${sameAlternate}) { background-color: rgba(40, 100, 230, 0.24); }
::highlight(${differ}) { background-color: rgba(255, 150, 0, 0.34); }
::highlight(${differAlternate}) { background-color: rgba(200, 90, 0, 0.26); }
::highlight(${focus}) { ${FOCUS} }`;
}

/** A document or shadow root: each has its own style scope, so each gets the rules. */
export type StyleScope = Document | ShadowRoot;

export interface HighlightStyles {
  /** Adopts the rules into a scope (once; again if the page replaced its adopted sheets). */
  ensure(scope: StyleScope): void;
  setStyle(style: HighlightStyle): void;
  dispose(): void;
}

/**
 * Adding a stylesheet restyles every element of its scope: 0.5 s on a page of 60,000 elements. So
 * the content script adopts the rules into the document at document_start, before the page is
 * parsed, and never touches them again unless the reader changes the style.
 */
export function createHighlightStyles(initial: HighlightStyle): HighlightStyles {
  let style = initial;
  const sheets = new Map<StyleScope, CSSStyleSheet>();
  const documentOf = (scope: StyleScope): Document => (scope as ShadowRoot).host?.ownerDocument ?? (scope as Document);
  return {
    ensure(scope) {
      let sheet = sheets.get(scope);
      if (!sheet) {
        const view = documentOf(scope).defaultView;
        if (!view) return;
        sheet = new view.CSSStyleSheet();
        sheet.replaceSync(highlightRules(style));
        sheets.set(scope, sheet);
      }
      // Frameworks may reassign adoptedStyleSheets; put ours back.
      if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
    },
    setStyle(next) {
      if (next === style) return;
      style = next;
      for (const sheet of sheets.values()) sheet.replaceSync(highlightRules(style));
    },
    dispose() {
      for (const [scope, sheet] of sheets)
        scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      sheets.clear();
    },
  };
}
