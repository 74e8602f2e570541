// The page's text as blocks, kept up to date as the page changes. After the first full extraction,
// a batch of mutations re-extracts only the block elements it touched and the elements it added,
// so a live blog with thousands of paragraphs does not re-read them all for each new one.
//
// Exactness: an element is re-extracted on its own only when its parent was entered by the last
// extraction (it is an ancestor of an extracted block, so not excluded or hidden); then
// extractBlocksIn applies the same rules to it as a full pass would. Anything else (text added
// straight into a container, content in a container that held no text, a very large batch) falls
// back to a full extraction. So does any change when the page's text reaches into open shadow
// roots or same-origin frames: document order across trees is not what the reader sees.
//
// Extraction runs in slices (see slices.ts): the first slice runs at once, so a small update
// (a re-rendered paragraph) completes before the page next paints.
import { Extraction, type ExtractOptions, type ExtractedBlock } from '../../core/text/extract';
import type { Slicer } from './slices';

/** Past this many changed roots a full pass is as cheap and simpler. */
const MAX_INCREMENTAL_ROOTS = 200;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Whether `a` comes before `b` in the document. */
export type DocumentOrder = (a: Node, b: Node) => boolean;

const nativeOrder: DocumentOrder = (a, b) => (a.compareDocumentPosition(b) & FOLLOWING) !== 0;

/** A tree the page's text reaches beyond the document itself. */
export type OtherTree = ShadowRoot | Document;

export class PageText {
  blocks: ExtractedBlock[] = [];
  /** Open shadow roots and same-origin frame documents the last extraction read text from. */
  readonly otherTrees = new Set<OtherTree>();
  /** Elements that own a block. */
  private owners = new Set<Element>();
  /** Elements the last extraction entered: owners and all their ancestors up to the root. */
  private entered = new Set<Node>();
  lastUpdate: 'full' | 'incremental' = 'full';
  /** Time spent reading the page, summed over slices (the content script's own time). */
  readMs = 0;

  private readonly options: ExtractOptions;

  constructor(
    private readonly root: Node,
    options: ExtractOptions,
    /** The browser's compareDocumentPosition; tests on DOMs without a correct one pass their own. */
    private readonly precedes: DocumentOrder = nativeOrder,
  ) {
    // Note every other tree read, to watch it for changes and draw in it.
    const noting = <T extends OtherTree>(read: ((element: Element) => T | null) | undefined) =>
      read &&
      ((element: Element): T | null => {
        const tree = read(element);
        if (tree) this.otherTrees.add(tree);
        return tree;
      });
    this.options = {
      ...options,
      shadowRootOf: noting(options.shadowRootOf),
      frameDocumentOf: noting(options.frameDocumentOf),
    };
  }

  async full(slicer: Slicer): Promise<ExtractedBlock[]> {
    this.lastUpdate = 'full';
    this.otherTrees.clear();
    return this.adopt(await this.extract(new Extraction([this.root], this.options), slicer));
  }

  /** Brings the blocks up to date with a batch of mutation records. */
  async update(records: readonly MutationRecord[], slicer: Slicer): Promise<ExtractedBlock[]> {
    const roots = this.otherTrees.size > 0 ? null : this.changedRoots(records);
    if (roots === null || roots.length > MAX_INCREMENTAL_ROOTS) return this.full(slicer);
    this.lastUpdate = 'incremental';
    const inRoots = (node: Node) => roots.some((r) => r.contains(node));
    const kept = this.blocks.filter(
      (b) => !inRoots(b.segments[0]!.node) && b.segments.every((s) => s.node.isConnected),
    );
    const ordered = roots.sort((a, b) => (this.precedes(a, b) ? -1 : 1));
    const fresh = await this.extract(new Extraction(ordered, this.options), slicer);
    return this.adopt(mergeInDocumentOrder(kept, fresh, this.precedes));
  }

  /** Runs an extraction to the end, a slice at a time. */
  private async extract(extraction: Extraction, slicer: Slicer): Promise<ExtractedBlock[]> {
    for (;;) {
      const start = performance.now();
      const done = extraction.run(slicer.spent);
      this.readMs += performance.now() - start;
      if (done) return extraction.blocks;
      await slicer.yield();
    }
  }

  /** The subtrees to re-extract, or null when only a full pass is exact. */
  private changedRoots(records: readonly MutationRecord[]): Node[] | null {
    const roots = new Set<Node>();
    for (const record of records) {
      const owner = this.ownerOf(record.target);
      if (owner) {
        roots.add(owner);
        continue;
      }
      if (record.type !== 'childList' || !this.entered.has(record.target)) return null;
      for (const node of record.addedNodes) {
        if (!node.isConnected) continue;
        if (node.nodeType === ELEMENT_NODE) roots.add(node);
        else if (node.nodeType === TEXT_NODE && (node as Text).data.trim() !== '') return null;
      }
    }
    // A root inside another root is extracted with it.
    const list = [...roots].filter((r) => r.isConnected);
    return list.filter((r) => !list.some((other) => other !== r && other.contains(r)));
  }

  /** The nearest ancestor-or-self of a node that owns a block. */
  private ownerOf(node: Node): Element | null {
    for (let at: Node | null = node; at !== null && at !== this.root; at = at.parentNode) {
      if (this.owners.has(at as Element)) return at as Element;
    }
    return null;
  }

  private adopt(blocks: ExtractedBlock[]): ExtractedBlock[] {
    this.blocks = blocks;
    this.owners = new Set();
    this.entered = new Set([this.root]);
    for (const block of blocks) {
      if (!block.element) continue;
      this.owners.add(block.element);
      for (let at: Node | null = block.element; at !== null && !this.entered.has(at); at = at.parentNode) {
        this.entered.add(at);
      }
    }
    return blocks;
  }
}

function firstNode(block: ExtractedBlock): Node {
  return block.segments[0]!.node;
}

/** Inserts each fresh block (already in order) into the kept blocks (in order) by binary search. */
function mergeInDocumentOrder(
  kept: ExtractedBlock[],
  fresh: ExtractedBlock[],
  precedes: DocumentOrder,
): ExtractedBlock[] {
  const out = kept.slice();
  let low = 0;
  for (const block of fresh) {
    const node = firstNode(block);
    let lo = low;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (precedes(firstNode(out[mid]!), node)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, block);
    low = lo + 1;
  }
  return out;
}

/**
 * How the content script reads a live page: visibility from computed style, Parallax's own UI
 * skipped, and the flat tree as the reader sees it, into open shadow roots and same-origin frames.
 */
export function browserReading(skip: (element: Element) => boolean): ExtractOptions {
  return {
    skip,
    isHidden: (element) =>
      typeof element.checkVisibility === 'function' ? !element.checkVisibility({ visibilityProperty: true }) : false,
    shadowRootOf: (element) => element.shadowRoot,
    frameDocumentOf: (element) => {
      try {
        // Null for a cross-origin frame: its text is not the page's to read.
        const doc = (element as HTMLIFrameElement).contentDocument;
        return doc && doc.readyState !== 'loading' ? doc : null;
      } catch {
        return null;
      }
    },
  };
}
