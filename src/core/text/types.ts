// What text extraction hands to the matcher: the page's visible text as blocks in reading order.
// A block is the text of one block-level element (paragraph, heading, list item, quote...),
// so a sentence that crosses links and emphasis stays one passage.

/** A run of a block's text that comes from one DOM text node. */
export interface TextSegment<N = unknown> {
  /** The DOM text node (typed loosely so this file stays free of DOM types). */
  node: N;
  /** Offset of the run in the block's text. */
  start: number;
  /** Offset of the run in the node's data. */
  nodeStart: number;
  length: number;
}

export interface TextBlock<N = unknown, E = unknown> {
  text: string;
  segments: TextSegment<N>[];
  /**
   * The block-level element the text came from, so the content script can re-extract only the
   * blocks whose elements changed. Several blocks can share one element (a div's own text around
   * a nested paragraph). Absent for text that is not extracted from a DOM.
   */
  element?: E;
}
