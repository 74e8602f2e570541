// linkedom's compareDocumentPosition is wrong for many node pairs, so page tests order nodes by
// their paths from the root (what the browser's native comparison computes).
import type { DocumentOrder } from '../../../../src/extension/page/page-text';

const pathOf = (node: Node): number[] => {
  const path: number[] = [];
  for (let at: Node = node; at.parentNode; at = at.parentNode)
    path.unshift([...at.parentNode.childNodes].indexOf(at as ChildNode));
  return path;
};

export const byPath: DocumentOrder = (a, b) => {
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]!;
  return pa.length < pb.length;
};
