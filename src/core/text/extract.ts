// The visible text of a page, in reading order, as blocks with an exact map back to DOM text
// nodes. Runs on the live page (content script) and on linkedom documents (CLI, tests), so it
// decides what is a block and what is hidden from markup alone, the same way in both, and takes
// nodes as parameters: no DOM globals are used here.

import type { TextBlock, TextSegment } from './types';

export interface ExtractOptions {
  /**
   * Whether an element is hidden from the reader. The browser passes a computed-style check
   * (checkVisibility); the default reads only markup: the `hidden` attribute and an inline
   * `display: none` / `visibility: hidden`.
   */
  isHidden?: (element: Element) => boolean;
  /**
   * Whether an element is not page content, e.g. the extension's own UI. The default skips
   * elements named `parallax-*` and elements with a `data-parallax-ui` attribute.
   */
  skip?: (element: Element) => boolean;
}

export type ExtractedBlock = TextBlock<Text, Element>;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never read as page text: code, styling, form fields, embeds. */
const SKIPPED_TAGS = new Set([
  'head', 'title', 'meta', 'link', 'script', 'style', 'noscript', 'template', 'textarea', 'input',
  'select', 'option', 'optgroup', 'datalist', 'button', 'svg', 'math', 'iframe', 'frame',
  'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'img', 'picture', 'source',
]);

/**
 * Elements a browser lays out as blocks by default. Each starts a new block of text, so sentences
 * never run from one paragraph, list item or table cell into the next. Everything else (a, em,
 * strong, span, b, i, q, abbr, time, sup, sub, mark, code, unknown custom elements...) is inline
 * and flows into the surrounding block, so a sentence that crosses a link stays one passage.
 * Judged by tag name, not computed style, so the CLI and the extension see the same blocks.
 */
const BLOCK_TAGS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'caption', 'colgroup', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'xmp',
]);

/** Elements whose whitespace is rendered as written. */
const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** CSS collapsible whitespace. Not U+00A0: a non-breaking space is rendered and kept. */
const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f]+/g;

const INLINE_STYLE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** Markup-only visibility check, used in Node where there is no computed style. */
export function isHiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && INLINE_STYLE_HIDDEN.test(style);
}

/** The extension's own UI (tooltips, hosts of shadow roots) is not page text. */
export function isParallaxUi(element: Element): boolean {
  return tagNameOf(element).startsWith('parallax-') || element.hasAttribute('data-parallax-ui');
}

function tagNameOf(element: Element): string {
  return (element.localName || element.tagName || '').toLowerCase();
}

/** Whether the element and everything in it is left out of the page text. */
function isExcluded(element: Element, isHidden: (element: Element) => boolean, skip: (element: Element) => boolean): boolean {
  const tag = tagNameOf(element);
  if (SKIPPED_TAGS.has(tag)) return true;
  // A closed dialog is not rendered.
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  // aria-hidden marks decoration and duplicates (e.g. visually repeated headlines).
  if (element.getAttribute('aria-hidden') === 'true') return true;
  // Text the reader is typing is not the article.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (element.hasAttribute('hidden')) return true;
  return skip(element) || isHidden(element);
}

/** Builds one block's text and segments, collapsing whitespace as a browser renders it. */
class BlockBuilder {
  private chunks: string[] = [];
  private length = 0;
  private segments: TextSegment<Text>[] = [];
  /** A collapsed whitespace run waiting for the next visible character (dropped at block end). */
  private pendingSpace: { node: Text; offset: number } | null = null;
  /** A <br> waiting for the next visible character (dropped at block start and end). */
  private pendingBreak = false;
  /** Whether the last character written is a space or line break (so whitespace collapses). */
  private atWhitespace = true;

  constructor(private readonly out: ExtractedBlock[]) {}

  /** Add a text node's data, collapsing whitespace runs to one space unless preformatted. */
  addText(node: Text, preformatted: boolean): void {
    const data = node.data;
    if (data.length === 0) return;
    if (preformatted) {
      this.flushPending();
      this.write(node, 0, data);
      this.atWhitespace = /\s$/.test(data);
      return;
    }
    let position = 0;
    COLLAPSIBLE_WHITESPACE.lastIndex = 0;
    for (let match = COLLAPSIBLE_WHITESPACE.exec(data); match !== null; match = COLLAPSIBLE_WHITESPACE.exec(data)) {
      if (match.index > position) this.addVisible(node, position, data.slice(position, match.index));
      if (!this.atWhitespace && this.pendingSpace === null) this.pendingSpace = { node, offset: match.index };
      position = match.index + match[0].length;
    }
    if (position < data.length) this.addVisible(node, position, data.slice(position));
  }

  /** A <br>: a visible line break, so no sentence runs across it. */
  addLineBreak(): void {
    if (this.length === 0) return;
    this.pendingSpace = null;
    this.pendingBreak = true;
  }

  /** Close the block (if it has any visible text) and start a new one. */
  finish(element: Element | undefined): void {
    if (this.length > 0) {
      const text = this.chunks.join('');
      if (text.trim() !== '') {
        const block: ExtractedBlock = { text, segments: this.segments };
        if (element !== undefined) block.element = element;
        this.out.push(block);
      }
    }
    this.chunks = [];
    this.length = 0;
    this.segments = [];
    this.pendingSpace = null;
    this.pendingBreak = false;
    this.atWhitespace = true;
  }

  private addVisible(node: Text, offset: number, run: string): void {
    this.flushPending();
    this.write(node, offset, run);
    this.atWhitespace = false;
  }

  private flushPending(): void {
    if (this.pendingBreak) {
      // A synthetic character: it is in the block text but in no segment.
      this.chunks.push('\n');
      this.length += 1;
    } else if (this.pendingSpace !== null) {
      // The space stands for the first character of the collapsed run, which keeps the map exact.
      this.write(this.pendingSpace.node, this.pendingSpace.offset, ' ');
    }
    this.pendingBreak = false;
    this.pendingSpace = null;
  }

  private write(node: Text, nodeStart: number, run: string): void {
    const last = this.segments[this.segments.length - 1];
    if (last !== undefined && last.node === node && last.nodeStart + last.length === nodeStart && last.start + last.length === this.length) {
      last.length += run.length;
    } else {
      this.segments.push({ node, start: this.length, nodeStart, length: run.length });
    }
    this.chunks.push(run);
    this.length += run.length;
  }
}

/**
 * Extract the visible text under `root` (a document or an element) as blocks in reading order.
 * Traversal follows child/sibling/parent pointers instead of recursing, so 100,000 levels of
 * nesting cannot overflow the stack, and visits each node once.
 */
export function extractBlocks(root: Node, options: ExtractOptions = {}): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  extractInto(root, options, blocks);
  return blocks;
}

/**
 * Extract several subtrees (e.g. the block elements a mutation touched), in the order given.
 * Each root is extracted as if it were the whole page; callers pass block-level elements.
 */
export function extractBlocksIn(roots: Iterable<Node>, options: ExtractOptions = {}): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  for (const root of roots) extractInto(root, options, blocks);
  return blocks;
}

function extractInto(root: Node, options: ExtractOptions, out: ExtractedBlock[]): void {
  const isHidden = options.isHidden ?? isHiddenByMarkup;
  const skip = options.skip ?? isParallaxUi;
  const builder = new BlockBuilder(out);
  /** Open block-level elements, innermost last: the owner of the text being built. */
  const blockElements: Element[] = [];
  let preformattedDepth = 0;
  const owner = (): Element | undefined => blockElements[blockElements.length - 1];

  /** Visit a node on the way down; returns whether to walk into its children. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node as Text, preformattedDepth > 0);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false; // comments, doctypes, CDATA
    const element = node as Element;
    if (isExcluded(element, isHidden, skip)) return false;
    const tag = tagNameOf(element);
    if (tag === 'br') {
      builder.addLineBreak();
      return false;
    }
    if (BLOCK_TAGS.has(tag)) {
      builder.finish(owner());
      blockElements.push(element);
    }
    if (PREFORMATTED_TAGS.has(tag)) preformattedDepth += 1;
    return true;
  };

  /** Leave an element whose children have all been visited. */
  const leave = (node: Node): void => {
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = tagNameOf(node as Element);
    if (PREFORMATTED_TAGS.has(tag)) preformattedDepth -= 1;
    if (BLOCK_TAGS.has(tag)) {
      builder.finish(owner());
      blockElements.pop();
    }
  };

  /** Depth-first walk of one subtree in document order. */
  const walk = (subtree: Node): void => {
    let current: Node | null = subtree;
    while (current !== null) {
      const entered = enter(current);
      if (entered && current.firstChild !== null) {
        current = current.firstChild;
        continue;
      }
      if (entered) leave(current);
      // Climb until a node has a next sibling, leaving each finished ancestor on the way.
      let next: Node | null = null;
      while (current !== null && current !== subtree) {
        next = current.nextSibling;
        if (next !== null) break;
        current = current.parentNode;
        if (current !== null) leave(current);
      }
      current = current === subtree ? null : next;
    }
  };

  // A document's or fragment's children are walked one by one: linkedom links a doctype to no
  // sibling, and text after </html> ends up as a child of the document itself.
  if (root.nodeType === DOCUMENT_NODE || root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    for (const child of Array.from(root.childNodes)) walk(child);
  } else {
    walk(root);
  }
  builder.finish(owner());
}
