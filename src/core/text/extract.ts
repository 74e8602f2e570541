// The visible text of a page, in reading order, as blocks with an exact map back to DOM text
// nodes. Runs on the live page (content script) and on linkedom documents (CLI, tests), so it
// decides what is a block and what is hidden from markup alone, the same way in both, and takes
// nodes as parameters: no DOM globals are used here.

import { ARTICLE_SELECTOR, furnitureOfLine, isFurniture, opensArticle } from './furniture';
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
  /**
   * The shadow root whose content an element shows instead of its children (the browser passes
   * `el => el.shadowRoot`, the open ones). When given, text is read in the flat tree, as the
   * reader sees it: a host's shadow content, with each <slot> read as the nodes assigned to it.
   * Without it (the default, and in Node) only the light DOM is read.
   */
  shadowRootOf?: (element: Element) => ShadowRoot | null;
  /**
   * The document of an <iframe>/<frame> to read in its place (the browser passes the same-origin
   * frame's contentDocument). Without it, frames are skipped like other embeds.
   */
  frameDocumentOf?: (element: Element) => Document | null;
  /**
   * Keep page furniture (captions, asides, navigation, promos, embedded posts, print-edition
   * lines: see furniture.ts), which is left out by default. For tools that classify it themselves.
   */
  keepFurniture?: boolean;
}

export type ExtractedBlock = TextBlock<Text, Element>;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never read as page text: code, styling, form fields, embeds. */
const SKIPPED_TAGS = new Set([
  'head',
  'title',
  'meta',
  'link',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'img',
  'picture',
  'source',
]);

/**
 * Elements a browser lays out as blocks by default. Each starts a new block of text, so sentences
 * never run from one paragraph, list item or table cell into the next. Everything else (a, em,
 * strong, span, b, i, q, abbr, time, sup, sub, mark, code, unknown custom elements...) is inline
 * and flows into the surrounding block, so a sentence that crosses a link stays one passage.
 * Judged by tag name, not computed style, so the CLI and the extension see the same blocks.
 */
const BLOCK_TAGS = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'colgroup',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'xmp',
]);

const FRAME_TAGS = new Set(['iframe', 'frame']);

/** Elements whose whitespace is rendered as written. */
const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** CSS collapsible whitespace. Not U+00A0: a non-breaking space is rendered and kept. */
const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f]+/g;

const INLINE_STYLE_HIDDEN =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

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
function isExcluded(
  element: Element,
  isHidden: (element: Element) => boolean,
  skip: (element: Element) => boolean,
  frameDocumentOf: ExtractOptions['frameDocumentOf'],
): boolean {
  const tag = tagNameOf(element);
  if (SKIPPED_TAGS.has(tag) && !(FRAME_TAGS.has(tag) && frameDocumentOf?.(element))) return true;
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

/** Whether a root extracted on its own (a changed subtree) sits inside an <article> or <main>. */
function insideArticle(element: Element): boolean {
  const parent = element.parentNode;
  if (parent === null || parent.nodeType !== ELEMENT_NODE) return false;
  // closest() is native in browsers and linkedom: fast even under 100,000 levels of nesting.
  const closest = (parent as Element & { closest?(selectors: string): Element | null }).closest;
  if (typeof closest === 'function') return closest.call(parent, ARTICLE_SELECTOR) !== null;
  for (let at: Node | null = parent; at !== null && at.nodeType === ELEMENT_NODE; at = at.parentNode) {
    if (opensArticle(at as Element)) return true;
  }
  return false;
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

  constructor(
    private readonly out: ExtractedBlock[],
    /** Whether a finished block's text is furniture by its wording alone (then it is dropped). */
    private readonly isFurnitureLine: (text: string) => boolean,
  ) {}

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
      if (text.trim() !== '' && !this.isFurnitureLine(text)) {
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
    if (
      last !== undefined &&
      last.node === node &&
      last.nodeStart + last.length === nodeStart &&
      last.start + last.length === this.length
    ) {
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
 * Traversal keeps its own stack instead of recursing, so 100,000 levels of nesting cannot overflow
 * the call stack, and visits each node once.
 */
export function extractBlocks(root: Node, options: ExtractOptions = {}): ExtractedBlock[] {
  const extraction = new Extraction([root], options);
  extraction.run();
  return extraction.blocks;
}

/**
 * Extract several subtrees (e.g. the block elements a mutation touched), in the order given.
 * Each root is extracted as if it were the whole page; callers pass block-level elements.
 */
export function extractBlocksIn(roots: Iterable<Node>, options: ExtractOptions = {}): ExtractedBlock[] {
  const extraction = new Extraction(roots, options);
  extraction.run();
  return extraction.blocks;
}

/**
 * A node's children as they are now. Taken by walking sibling pointers (iterating a live
 * childNodes list is several times slower), and kept as a list so that a page changing between
 * two slices cannot cut the walk short (its changes are read from the mutations that follow).
 */
function childrenList(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
  return children;
}

/** A node whose children are being visited, and how far the visit got. */
interface Visit {
  /** The element to leave once its children are done; null for a document or fragment root. */
  node: Node | null;
  children: ArrayLike<Node>;
  next: number;
}

/** Nodes visited between two questions to `shouldPause` (asking costs a clock read). */
const PAUSE_CHECK_EVERY = 64;

/**
 * An extraction that can run in slices (the content script reads a 5 MB page without blocking
 * it): `run` walks on until the extraction is complete or `shouldPause` asks it to stop, and the
 * next `run` resumes where it stopped. extractBlocks and extractBlocksIn run one to completion.
 */
export class Extraction {
  readonly blocks: ExtractedBlock[] = [];
  private readonly roots: Node[];
  private nextRoot = 0;
  private readonly stack: Visit[] = [];
  private readonly builder: BlockBuilder;
  /** Open block-level elements, innermost last: the owner of the text being built. */
  private blockElements: Element[] = [];
  private preformattedDepth = 0;
  /** How many <article>/<main> elements are open: a <header> or <footer> inside one is the article's. */
  private articleDepth = 0;
  private readonly isHidden: (element: Element) => boolean;
  private readonly skip: (element: Element) => boolean;

  constructor(
    roots: Iterable<Node>,
    private readonly options: ExtractOptions = {},
  ) {
    this.roots = [...roots];
    this.builder = new BlockBuilder(
      this.blocks,
      options.keepFurniture ? () => false : (text) => furnitureOfLine(text) !== null,
    );
    this.isHidden = options.isHidden ?? isHiddenByMarkup;
    const skip = options.skip ?? isParallaxUi;
    this.skip = options.keepFurniture
      ? skip
      : (element) => skip(element) || isFurniture(element, { inArticle: this.articleDepth > 0 });
  }

  /** Walks on; true when the extraction is complete. */
  run(shouldPause: () => boolean = () => false): boolean {
    let steps = 0;
    for (;;) {
      const visit = this.stack[this.stack.length - 1];
      if (visit === undefined) {
        if (!this.startNextRoot()) return true;
        continue;
      }
      if (++steps % PAUSE_CHECK_EVERY === 0 && shouldPause()) return false;
      if (visit.next < visit.children.length) {
        const child = visit.children[visit.next++]!;
        if (this.enter(child)) this.stack.push({ node: child, children: this.childrenOf(child as Element), next: 0 });
      } else {
        this.stack.pop();
        if (visit.node !== null) this.leave(visit.node);
        if (this.stack.length === 0) this.finishRoot();
      }
    }
  }

  /** Starts walking the next root; false when there is none. */
  private startNextRoot(): boolean {
    const root = this.roots[this.nextRoot++];
    if (root === undefined) return false;
    // A document's or fragment's children are walked one by one: linkedom links a doctype to no
    // sibling, and text after </html> ends up as a child of the document itself.
    if (root.nodeType === DOCUMENT_NODE || root.nodeType === DOCUMENT_FRAGMENT_NODE) {
      this.stack.push({ node: null, children: Array.from(root.childNodes), next: 0 });
    } else {
      // A changed subtree extracted on its own: is it in the article, as the full pass would know?
      if (root.nodeType === ELEMENT_NODE) this.articleDepth = insideArticle(root as Element) ? 1 : 0;
      if (this.enter(root)) this.stack.push({ node: root, children: this.childrenOf(root as Element), next: 0 });
      else this.finishRoot();
    }
    return true;
  }

  private finishRoot(): void {
    this.builder.finish(this.owner());
    this.blockElements = [];
    this.preformattedDepth = 0;
    this.articleDepth = 0;
  }

  private owner(): Element | undefined {
    return this.blockElements[this.blockElements.length - 1];
  }

  /** What an entered element shows: its children, its shadow root's, a slot's assigned nodes, a frame's document. */
  private childrenOf(element: Element): ArrayLike<Node> {
    const { shadowRootOf, frameDocumentOf } = this.options;
    if (shadowRootOf) {
      const shadow = shadowRootOf(element);
      if (shadow) return childrenList(shadow);
      if (tagNameOf(element) === 'slot') {
        const assigned = (element as HTMLSlotElement).assignedNodes?.() ?? [];
        if (assigned.length > 0) return assigned;
      }
    }
    if (frameDocumentOf && FRAME_TAGS.has(tagNameOf(element))) {
      const root = frameDocumentOf(element)?.documentElement;
      return root ? [root] : [];
    }
    return childrenList(element);
  }

  /** Visit a node on the way down; returns whether to walk into its children. */
  private enter(node: Node): boolean {
    if (node.nodeType === TEXT_NODE) {
      this.builder.addText(node as Text, this.preformattedDepth > 0);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false; // comments, doctypes, CDATA
    const element = node as Element;
    if (isExcluded(element, this.isHidden, this.skip, this.options.frameDocumentOf)) return false;
    const tag = tagNameOf(element);
    if (tag === 'br') {
      this.builder.addLineBreak();
      return false;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.builder.finish(this.owner());
      this.blockElements.push(element);
    }
    if (PREFORMATTED_TAGS.has(tag)) this.preformattedDepth += 1;
    if (opensArticle(element)) this.articleDepth += 1;
    return true;
  }

  /** Leave an element whose children have all been visited. */
  private leave(node: Node): void {
    const tag = tagNameOf(node as Element);
    if (PREFORMATTED_TAGS.has(tag)) this.preformattedDepth -= 1;
    if (opensArticle(node as Element)) this.articleDepth -= 1;
    if (BLOCK_TAGS.has(tag)) {
      this.builder.finish(this.owner());
      this.blockElements.pop();
    }
  }
}
