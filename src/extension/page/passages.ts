// A passage is what the reader sees highlighted: a matched span of one block, as a live DOM Range,
// with the claims it states as the tooltip shows them.
//
// Passages are placed from the last match result onto the blocks as they are now. A match names
// its block by index in the texts it was computed on; the passage goes to the block that now holds
// that same text (the same index if it still does, else the nearest one that does). So when a
// framework re-renders the article, or a paragraph is added above, the highlights move to the new
// text nodes at once, without waiting for the service worker to match the page again.
import type { BlockMatch } from '../../core/match/types';
import type { ClaimView } from '../../core/claim-view/types';
import type { ExtractedBlock } from '../../core/text/extract';
import { toNodeRange } from '../../core/text/range';
import { orderFacts, type PassageFact } from '../../core/claim-view/order';
import { claimViewFor, type MatchResult } from '../messaging/protocol';

export interface Passage {
  /** Position in reading order (what keyboard navigation and the popup use). */
  index: number;
  /** The block's text the passage is in, and its offsets there. */
  blockText: string;
  start: number;
  end: number;
  text: string;
  range: Range;
  /** The range's text as drawn (the DOM's, before whitespace is collapsed): a change means it broke. */
  rangeText: string;
  claims: ClaimView[];
  status: 'no-difference' | 'differ';
  /**
   * Drawn in the deeper tint of its status: it touches the passage before it (same block, same
   * status, nothing but spaces or punctuation between), and two passages in one tint would read
   * as one. Along a run of touching passages the tints alternate.
   */
  alternate: boolean;
}

/** A match result and the block texts it was computed on. */
export interface Matched {
  result: MatchResult;
  texts: readonly string[];
  url: string;
}

export interface PassageOptions {
  onlyDiffering: boolean;
}

/**
 * Claims with no other outlet's report are left out (there is nothing to show), and under
 * "only differing" so are claims on which outlets agree; a passage left with no claims is dropped,
 * and so is one whose text is not on the page any more.
 */
export function placePassages(blocks: readonly ExtractedBlock[], matched: Matched, options: PassageOptions): Passage[] {
  const { page } = matched.result;
  if (!page.onStory) return [];
  const locate = blockLocator(blocks, matched.texts);
  const placed: (Omit<Passage, 'index' | 'alternate'> & { at: number })[] = [];
  for (const [i, match] of page.matches.entries()) {
    const views = claimViewsOf(match, i, matched.result).filter(
      (view) => view.reports.length > 0 && (!options.onlyDiffering || view.status === 'differ'),
    );
    if (views.length === 0) continue;
    const at = locate(match.block);
    if (at === null) continue;
    const block = blocks[at]!;
    const range = rangeOf(block, match.start, match.end);
    if (!range || range.collapsed) continue;
    placed.push({
      at,
      blockText: block.text,
      start: match.start,
      end: match.end,
      text: match.text,
      range,
      rangeText: range.toString(),
      claims: views,
      // Two tints: amber where any fact's outlets differ, blue where none does (they agree, or give
      // nothing to compare).
      status: views.some((v) => v.status === 'differ') ? 'differ' : 'no-difference',
    });
  }
  // Reading order: where the passages now are in the page's blocks.
  placed.sort((a, b) => a.at - b.at || a.start - b.start);
  const passages: Passage[] = [];
  placed.forEach(({ at, ...p }, index) => {
    const before = placed[index - 1];
    const touches =
      before !== undefined &&
      before.at === at &&
      before.status === p.status &&
      TOUCHING.test(p.blockText.slice(before.end, p.start));
    passages.push({ ...p, index, alternate: touches && !passages[index - 1]!.alternate });
  });
  return passages;
}

/** What may stand between two passages that still read as one block of tint. */
const TOUCHING = /^[\s\p{P}]{0,3}$/u;

/** Finds, for a block index of the matched texts, the index of the current block with the same text. */
function blockLocator(
  blocks: readonly ExtractedBlock[],
  matchedTexts: readonly string[],
): (index: number) => number | null {
  let byText: Map<string, number[]> | null = null;
  return (index) => {
    const text = matchedTexts[index];
    if (text === undefined) return null;
    if (blocks[index]?.text === text) return index;
    if (!byText) {
      byText = new Map();
      blocks.forEach((b, i) => {
        const list = byText!.get(b.text);
        if (list) list.push(i);
        else byText!.set(b.text, [i]);
      });
    }
    const candidates = byText.get(text);
    if (!candidates) return null;
    let best = candidates[0]!;
    for (const i of candidates) if (Math.abs(i - index) < Math.abs(best - index)) best = i;
    return best;
  };
}

/** A live Range over block offsets [start, end), in the document of the block's text nodes. */
function rangeOf(block: ExtractedBlock, start: number, end: number): Range | null {
  const at = toNodeRange(block, start, end);
  if (!at || !at.startNode.isConnected || !at.endNode.isConnected) return null;
  const range = at.startNode.ownerDocument.createRange();
  range.setStart(at.startNode, at.startOffset);
  range.setEnd(at.endNode, at.endOffset);
  return range;
}

/** The claims a match states, as its passage states them, the one it states best first (core/claim-view/order). */
function claimViewsOf(match: BlockMatch, index: number, result: MatchResult): ClaimView[] {
  const seen = new Set<string>();
  const facts: PassageFact[] = [];
  for (const { claimId, score, byMeaning } of match.claims) {
    const view = claimViewFor(result, index, claimId);
    if (!view || seen.has(claimId)) continue;
    seen.add(claimId);
    facts.push({ view, score, byMeaning: byMeaning === true });
  }
  return orderFacts(facts).map((f) => f.view);
}

/** Whether two passage lists draw the same ranges with the same claims (nothing to redraw). */
export function samePassages(a: readonly Passage[], b: readonly Passage[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.status === q.status &&
        p.alternate === q.alternate &&
        p.range.startContainer === q.range.startContainer &&
        p.range.startOffset === q.range.startOffset &&
        p.range.endContainer === q.range.endContainer &&
        p.range.endOffset === q.range.endOffset &&
        p.claims.length === q.claims.length &&
        p.claims.every(
          (c, j) =>
            c.id === q.claims[j]!.id &&
            c.status === q.claims[j]!.status &&
            c.reports.length === q.claims[j]!.reports.length,
        )
      );
    })
  );
}

/** Whether a passage's range no longer covers its text (its nodes were removed or rewritten). */
export function isBroken(passage: Passage): boolean {
  const { range } = passage;
  return (
    range.collapsed ||
    !range.startContainer.isConnected ||
    !range.endContainer.isConnected ||
    range.toString() !== passage.rangeText
  );
}
