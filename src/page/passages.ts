// A passage is what the reader sees highlighted: a matched span of one block, as a live DOM Range,
// with the claims it states as the tooltip shows them. Built from the matcher's BlockMatches.
import type { BlockMatch, PageMatches } from '../core/match/types';
import type { ClaimView } from '../core/claim-view/types';
import type { TextBlock } from '../core/text/types';

export interface Passage {
  /** Position in reading order (what keyboard navigation and the popup use). */
  index: number;
  block: number;
  start: number;
  end: number;
  text: string;
  range: Range;
  claims: ClaimView[];
  status: 'agree' | 'differ';
}

export interface PassageOptions {
  onlyDiffering: boolean;
  /** Maps block offsets to a DOM Range (toNodeRange from the text pipeline). */
  toRange(block: TextBlock<Text>, start: number, end: number): Range | null;
}

/**
 * Claims with no other outlet's report are left out (there is nothing to show), and under
 * "only differing" so are claims on which outlets agree; a passage left with no claims is dropped.
 */
export function buildPassages(
  blocks: readonly TextBlock<Text>[],
  page: PageMatches,
  claims: Readonly<Record<string, ClaimView>>,
  options: PassageOptions,
): Passage[] {
  if (!page.onStory) return [];
  const passages: Passage[] = [];
  const ordered = [...page.matches].sort((a, b) => a.block - b.block || a.start - b.start);
  for (const match of ordered) {
    const views = claimViewsOf(match, claims).filter(
      (view) => view.reports.length > 0 && (!options.onlyDiffering || view.status === 'differ'),
    );
    if (views.length === 0) continue;
    const block = blocks[match.block];
    if (!block) continue;
    const range = options.toRange(block, match.start, match.end);
    if (!range || range.collapsed) continue;
    passages.push({
      index: passages.length,
      block: match.block,
      start: match.start,
      end: match.end,
      text: match.text,
      range,
      claims: views,
      status: views.some((v) => v.status === 'differ') ? 'differ' : 'agree',
    });
  }
  return passages;
}

function claimViewsOf(match: BlockMatch, claims: Readonly<Record<string, ClaimView>>): ClaimView[] {
  const seen = new Set<string>();
  const views: ClaimView[] = [];
  for (const { claimId } of [...match.claims].sort((a, b) => b.score - a.score)) {
    const view = claims[claimId];
    if (!view || seen.has(claimId)) continue;
    seen.add(claimId);
    views.push(view);
  }
  return views;
}
