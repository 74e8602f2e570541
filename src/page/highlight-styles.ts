// The ::highlight() rules for the page's document. They live in a constructed stylesheet adopted by
// the document, so Parallax adds no <style> node to the page; the same sheet carries the pointer
// cursor rule, switched on only while the pointer is over a highlight.
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

// Over a highlight every element under the pointer shows the hand, whatever the page's own cursor.
const POINTER_RULE = `html, html * { cursor: pointer !important; }`;

export interface HighlightStyles {
  setStyle(style: HighlightStyle): void;
  setPointer(on: boolean): void;
  dispose(): void;
}

export function adoptHighlightStyles(doc: Document, initial: HighlightStyle): HighlightStyles {
  const view = doc.defaultView!;
  const sheet = new view.CSSStyleSheet();
  const pointerSheet = new view.CSSStyleSheet();
  sheet.replaceSync(highlightRules(initial));
  // Frameworks may reassign document.adoptedStyleSheets; re-adopt ours whenever we touch them.
  const ensureAdopted = (): void => {
    const adopted = doc.adoptedStyleSheets;
    if (!adopted.includes(sheet)) doc.adoptedStyleSheets = [...adopted, sheet];
  };
  ensureAdopted();
  let pointer = false;
  return {
    setStyle(style) {
      sheet.replaceSync(highlightRules(style));
      ensureAdopted();
    },
    setPointer(on) {
      if (on === pointer) return;
      pointer = on;
      const others = doc.adoptedStyleSheets.filter((s) => s !== pointerSheet);
      if (on) pointerSheet.replaceSync(POINTER_RULE);
      doc.adoptedStyleSheets = on ? [...others, pointerSheet] : others;
      ensureAdopted();
    },
    dispose() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet && s !== pointerSheet);
    },
  };
}
