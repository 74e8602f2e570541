// Maps offsets in a block's text back to DOM positions (for a Range to highlight) and DOM
// positions back to block offsets. Block text and DOM differ where whitespace was collapsed and
// where a <br> put a synthetic line break in the text, so a range's ends are moved inward to the
// nearest character that exists in a text node.

import type { TextBlock, TextSegment } from './types';

export interface NodeRange<N> {
  startNode: N;
  startOffset: number;
  endNode: N;
  endOffset: number;
}

/** Index of the last segment whose start is at or before `offset`, or -1 (binary search). */
function lastSegmentStartingAtOrBefore<N>(segments: readonly TextSegment<N>[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (segments[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The DOM positions of block text [start, end). Returns null for an empty or out-of-range span
 * and for a span that covers only synthetic characters (a line break from a <br>).
 */
export function toNodeRange<N>(block: TextBlock<N>, start: number, end: number): NodeRange<N> | null {
  const { segments } = block;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > block.text.length || start >= end || segments.length === 0) return null;

  // Start: the segment holding character `start`, or the next segment if it falls in a gap.
  let startIndex = lastSegmentStartingAtOrBefore(segments, start);
  let startSegment = segments[startIndex];
  let startOffset: number;
  if (startSegment !== undefined && start < startSegment.start + startSegment.length) {
    startOffset = startSegment.nodeStart + (start - startSegment.start);
  } else {
    startIndex += 1;
    startSegment = segments[startIndex];
    if (startSegment === undefined) return null;
    startOffset = startSegment.nodeStart;
  }

  // End: the segment holding character `end - 1`, or the previous one if it falls in a gap.
  const endIndex = lastSegmentStartingAtOrBefore(segments, end - 1);
  const endSegment = segments[endIndex];
  if (endSegment === undefined || endIndex < startIndex) return null;
  const endOffset = endSegment.nodeStart + Math.min(end - endSegment.start, endSegment.length);

  return { startNode: startSegment.node, startOffset, endNode: endSegment.node, endOffset };
}

/**
 * The block offset of a DOM position (node, offset in its data), or null if the node is not part
 * of the block. A position inside collapsed whitespace maps to the next character in the text.
 */
export function toBlockOffset<N>(block: TextBlock<N>, node: N, offset: number): number | null {
  let seen = false;
  for (const segment of block.segments) {
    if (segment.node !== node) {
      if (seen) return segment.start; // past the node's last segment: the next text character
      continue;
    }
    seen = true;
    if (offset < segment.nodeStart) return segment.start;
    if (offset <= segment.nodeStart + segment.length) return segment.start + (offset - segment.nodeStart);
  }
  return seen ? block.text.length : null;
}
