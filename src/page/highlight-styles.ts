// The ::highlight() rules. They live in constructed stylesheets adopted by the document (and by
// each open shadow root and same-origin frame that has highlights: a document's rules do not reach
// into them), so Parallax adds no <style> node to the page.
import type { HighlightStyle } from '../settings/settings';

export const HIGHLIGHT_NAMES = {
  agree: 'parallax-agree',
  differ: 'parallax-differ',
  focus: 'parallax-focus',
} as const;

// Calm tints a reader can read through: blue-grey for agreement, amber for disagreement. Dark
// schemes get lighter, translucent tints so the page's light text stays readable on them.
function highlightRules(style: HighlightStyle): string {
  const { agree, differ, focus } = HIGHLIGHT_NAMES;
  if (style === 'underline') {
    return `
::highlight(${agree}) { text-decoration: underline 2px rgba(60, 110, 190, 0.75); text-underline-offset: 3px; }
::highlight(${differ}) { text-decoration: underline wavy 2px rgba(214, 120, 0, 0.9); text-underline-offset: 3px; }
::highlight(${focus}) { background-color: rgba(255, 214, 102, 0.55); }
@media (prefers-color-scheme: dark) {
  ::highlight(${agree}) { text-decoration-color: rgba(140, 180, 255, 0.85); }
  ::highlight(${differ}) { text-decoration-color: rgba(255, 180, 80, 0.95); }
  ::highlight(${focus}) { background-color: rgba(255, 200, 80, 0.35); }
}`;
  }
  return `
::highlight(${agree}) { background-color: rgba(120, 160, 230, 0.22); }
::highlight(${differ}) { background-color: rgba(255, 176, 32, 0.30); text-decoration: underline dotted 1px rgba(180, 100, 0, 0.8); text-underline-offset: 3px; }
::highlight(${focus}) { background-color: rgba(255, 200, 40, 0.60); }
@media (prefers-color-scheme: dark) {
  ::highlight(${agree}) { background-color: rgba(120, 160, 255, 0.25); }
  ::highlight(${differ}) { background-color: rgba(255, 170, 40, 0.28); text-decoration-color: rgba(255, 190, 90, 0.9); }
  ::highlight(${focus}) { background-color: rgba(255, 200, 60, 0.40); }
}`;
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
      for (const [scope, sheet] of sheets) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      sheets.clear();
    },
  };
}
