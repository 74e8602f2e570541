// Placing match results onto the page's blocks as they are now: what is highlighted, in which
// order, and how highlights follow re-rendered or moved text.
import { describe, expect, it } from 'vitest';
import type { PageMatches } from '../../../../src/core/match/types';
import type { ClaimView } from '../../../../src/core/claim-view/types';
import { extractBlocks } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { passageClaimKey, type MatchResult } from '../../../../src/extension/messaging/protocol';
import { placePassages, isBroken, samePassages, type Matched } from '../../../../src/extension/page/passages';

/** linkedom has no working Range: a minimal live-enough one over text nodes. */
class FakeRange {
  startContainer!: Node;
  startOffset = 0;
  endContainer!: Node;
  endOffset = 0;
  setStart(node: Node, offset: number) {
    this.startContainer = node;
    this.startOffset = offset;
  }
  setEnd(node: Node, offset: number) {
    this.endContainer = node;
    this.endOffset = offset;
  }
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
  toString() {
    if (this.startContainer === this.endContainer)
      return (this.startContainer as Text).data.slice(this.startOffset, this.endOffset);
    return `${(this.startContainer as Text).data.slice(this.startOffset)}…${(this.endContainer as Text).data.slice(0, this.endOffset)}`;
  }
}

function page(html: string) {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  (doc as unknown as { createRange(): FakeRange }).createRange = () => new FakeRange();
  return { doc, blocks: () => extractBlocks(doc.body) };
}

const view = (id: string, status: 'agree' | 'differ', reports = 1): ClaimView => ({
  id,
  summary: id,
  draft: false,
  pageKinds: 0,
  status,
  reasons: [],
  compared: [],
  note: null,
  score: 1,
  reports: Array.from({ length: reports }, (_, i) => ({
    outletId: `o${i}`,
    outlet: `Outlet ${i}`,
    url: 'https://example.org/',
    published: '2017-11-15',
    quote: 'q',
    attribution: null,
    values: [],
  })),
});

const claims = { a: view('a', 'agree'), d: view('d', 'differ'), lonely: view('lonely', 'differ', 0) };

const ARTICLE = '<p>first block text</p><p>second block text</p>';
const TEXTS = ['first block text', 'second block text'];
const PAGE: PageMatches = {
  outletId: 'own',
  onStory: true,
  matches: [
    { block: 0, start: 0, end: 5, text: 'first', claims: [{ claimId: 'lonely', score: 1 }], kind: 'anchored' },
    {
      block: 0,
      start: 6,
      end: 11,
      text: 'block',
      claims: [
        { claimId: 'a', score: 0.5 },
        { claimId: 'd', score: 0.7 },
      ],
      kind: 'words',
    },
    { block: 1, start: 0, end: 6, text: 'second', claims: [{ claimId: 'a', score: 0.9 }], kind: 'words' },
  ],
};
const matched = (page: PageMatches = PAGE, texts = TEXTS): Matched => ({
  result: { page, claims } as MatchResult,
  texts,
  url: 'https://x.example/',
});
const ALL = { onlyDiffering: false };

describe('placePassages', () => {
  it('orders passages as they are read, numbers them from 0, and covers their text', () => {
    const { blocks } = page(ARTICLE);
    const passages = placePassages(blocks(), matched(), ALL);
    expect(passages.map((p) => [p.blockText, p.start, p.index, p.range.toString()])).toEqual([
      ['first block text', 6, 0, 'block'],
      ['second block text', 0, 1, 'second'],
    ]);
  });

  it('drops claims no other outlet reports, and passages left with none', () => {
    const { blocks } = page(ARTICLE);
    const passages = placePassages(blocks(), matched(), ALL);
    expect(passages.flatMap((p) => p.claims.map((c) => c.id))).not.toContain('lonely');
  });

  it('lists a passage’s claims best score first and marks it differ when any claim differs', () => {
    const { blocks } = page(ARTICLE);
    const [both] = placePassages(blocks(), matched(), ALL);
    expect(both!.claims.map((c) => c.id)).toEqual(['d', 'a']);
    expect(both!.status).toBe('differ');
  });

  it('shows a claim as this passage states it, and opens on the fact whose figures the passage gives', () => {
    const { blocks } = page(ARTICLE);
    // The passage "block" gives a figure of fact a: its view for that passage alone has a "This page" row.
    const own = { ...view('a', 'differ'), pageKinds: 1 };
    const result = { page: PAGE, claims, passageClaims: { [passageClaimKey(1, 'a')]: own } } as MatchResult;
    const [block, second] = placePassages(blocks(), { result, texts: TEXTS, url: 'https://x.example/' }, ALL);
    expect(block!.claims.map((c) => c.id)).toEqual(['a', 'd']);
    expect(block!.claims[0]).toBe(own);
    expect(second!.claims[0]).toBe(claims.a);
    expect(second!.status).toBe('no-difference');
  });

  it('keeps only claims on which outlets differ when asked', () => {
    const { blocks } = page(ARTICLE);
    const passages = placePassages(blocks(), matched(), { onlyDiffering: true });
    expect(passages.map((p) => p.claims.map((c) => c.id))).toEqual([['d']]);
  });

  it('highlights nothing on a page that is not about a story in the database', () => {
    const { blocks } = page(ARTICLE);
    expect(placePassages(blocks(), matched({ ...PAGE, onStory: false }), ALL)).toEqual([]);
  });

  it('follows a re-rendered paragraph to its new text node, at once', () => {
    const { doc, blocks } = page(ARTICLE);
    const before = placePassages(blocks(), matched(), ALL);
    const second = doc.querySelectorAll('p')[1]!;
    second.replaceChildren(doc.createTextNode('second block text'));
    expect(isBroken(before[1]!)).toBe(true);
    const after = placePassages(blocks(), matched(), ALL);
    expect(after[1]!.range.startContainer).toBe(second.firstChild);
    expect(isBroken(after[1]!)).toBe(false);
    expect(samePassages(before, after)).toBe(false);
  });

  it('follows text to its new place when a paragraph is added above, and drops text that changed', () => {
    const { doc, blocks } = page(ARTICLE);
    const [first, second] = doc.querySelectorAll('p');
    const added = doc.createElement('p');
    added.textContent = 'A late paragraph.';
    doc.body.insertBefore(added, first!);
    first!.textContent = 'first block text, corrected';
    const passages = placePassages(blocks(), matched(), ALL);
    expect(passages.map((p) => [p.blockText, p.index])).toEqual([['second block text', 0]]);
    expect(passages[0]!.range.startContainer).toBe(second!.firstChild);
  });

  it('draws every second passage of a run of touching ones in the deeper tint, so each stands apart', () => {
    const text = 'One fact. Two fact. Three fact. Four fact, then words between. Five fact.';
    const { blocks } = page(`<p>${text}</p><p>Six fact.</p>`);
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    const match = (block: number, [start, end]: readonly [number, number], claimId = 'a') => ({
      block,
      start,
      end,
      text: '',
      claims: [{ claimId, score: 1 }],
      kind: 'words' as const,
    });
    const result: PageMatches = {
      outletId: 'own',
      onStory: true,
      matches: [
        match(0, at('One fact.')),
        match(0, at('Two fact.')),
        match(0, at('Three fact.')),
        // A differing passage next to an agreeing one is told apart by its colour already.
        match(0, at('Four fact,'), 'd'),
        match(0, at('Five fact.')),
        match(1, [0, 9]),
      ],
    };
    const passages = placePassages(blocks(), matched(result, [text, 'Six fact.']), ALL);
    expect(passages.map((p) => [p.range.toString(), p.alternate])).toEqual([
      ['One fact.', false],
      ['Two fact.', true],
      ['Three fact.', false],
      ['Four fact,', false],
      ['Five fact.', false],
      ['Six fact.', false],
    ]);
  });

  it('finds nothing to redraw when the page did not change', () => {
    const { blocks } = page(ARTICLE);
    expect(samePassages(placePassages(blocks(), matched(), ALL), placePassages(blocks(), matched(), ALL))).toBe(true);
  });
});
