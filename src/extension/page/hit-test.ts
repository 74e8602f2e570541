// Which passage is under a point of a document's viewport. The caret position at the point narrows
// the candidates to the passages around that text node; the range's client rects then confirm the
// point is really on the passage's glyphs (the caret snaps to the nearest character even in a
// margin). Passages in open shadow roots are found too: the caret is asked to look into them, and
// where the browser cannot, their rects are checked directly.
import type { Passage } from './passages';

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Node | null {
  const withPosition = doc as CaretDocument;
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    return withPosition.caretPositionFromPoint(x, y, { shadowRoots })?.offsetNode ?? null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

export function passageAt(doc: Document, passages: readonly Passage[], x: number, y: number): Passage | null {
  const here = passages.filter((p) => p.range.startContainer.ownerDocument === doc);
  if (here.length === 0) return null;
  const inShadow = here.filter((p) => p.range.startContainer.getRootNode() !== doc);
  const shadowRoots = [...new Set(inShadow.map((p) => p.range.startContainer.getRootNode() as ShadowRoot))];
  const caret = caretAt(doc, x, y, shadowRoots);
  let candidates = caret
    ? here.filter((p) => {
        try {
          return p.range.intersectsNode(caret);
        } catch {
          return false;
        }
      })
    : here;
  if (candidates.length === 0) candidates = inShadow;
  return candidates.find((p) => rectsContain(p.range, x, y)) ?? null;
}
