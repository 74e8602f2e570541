// Which passage is under a point. The caret position at the point narrows the candidates to the
// passages around that text node; the range's client rects then confirm the point is really on
// the passage's glyphs (the caret snaps to the nearest character even in a margin).
import type { Passage } from './passages';

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

export function passageAt(doc: Document, passages: readonly Passage[], x: number, y: number): Passage | null {
  if (passages.length === 0) return null;
  const caret = caretAt(doc, x, y);
  const candidates = caret
    ? passages.filter((p) => {
        try {
          return p.range.intersectsNode(caret.node);
        } catch {
          return false;
        }
      })
    : passages;
  return candidates.find((p) => rectsContain(p.range, x, y)) ?? null;
}
