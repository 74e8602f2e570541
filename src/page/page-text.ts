// The page's text as blocks, kept up to date as the page changes. After the first full extraction,
// a batch of mutations re-extracts only the block elements it touched and the elements it added,
// so a live blog with thousands of paragraphs does not re-read them all for each new one.
//
// Exactness: an element is re-extracted on its own only when its parent was entered by the last
// extraction (it is an ancestor of an extracted block, so not excluded or hidden); then
// extractBlocksIn applies the same rules to it as a full pass would. Anything else (text added
// straight into a container, content in a container that held no text, a very large batch) falls
// back to a full extraction.
import { extractBlocks, extractBlocksIn, type ExtractOptions, type ExtractedBlock } from '../core/text/extract';

/** Past this many changed roots a full pass is as cheap and simpler. */
const MAX_INCREMENTAL_ROOTS = 200;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Whether `a` comes before `b` in the document. */
export type DocumentOrder = (a: Node, b: Node) => boolean;

const nativeOrder: DocumentOrder = (a, b) => (a.compareDocumentPosition(b) & FOLLOWING) !== 0;

export class PageText {
  blocks: ExtractedBlock[] = [];
  /** Elements that own a block. */
  private owners = new Set<Element>();
  /** Elements the last extraction entered: owners and all their ancestors up to the root. */
  private entered = new Set<Node>();
  lastUpdate: 'full' | 'incremental' = 'full';

  constructor(
    private readonly root: Node,
    private readonly options: ExtractOptions,
    /** The browser's compareDocumentPosition; tests on DOMs without a correct one pass their own. */
    private readonly precedes: DocumentOrder = nativeOrder,
  ) {}

  full(): ExtractedBlock[] {
    this.lastUpdate = 'full';
    return this.adopt(extractBlocks(this.root, this.options));
  }

  /** Brings the blocks up to date with a batch of mutation records. */
  update(records: readonly MutationRecord[]): ExtractedBlock[] {
    const roots = this.changedRoots(records);
    if (roots === null || roots.length > MAX_INCREMENTAL_ROOTS) return this.full();
    this.lastUpdate = 'incremental';
    const inRoots = (node: Node) => roots.some((r) => r.contains(node));
    const kept = this.blocks.filter(
      (b) => !inRoots(b.segments[0]!.node) && b.segments.every((s) => s.node.isConnected),
    );
    const fresh = extractBlocksIn(roots.sort((a, b) => (this.precedes(a, b) ? -1 : 1)), this.options);
    return this.adopt(mergeInDocumentOrder(kept, fresh, this.precedes));
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
function mergeInDocumentOrder(kept: ExtractedBlock[], fresh: ExtractedBlock[], precedes: DocumentOrder): ExtractedBlock[] {
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
