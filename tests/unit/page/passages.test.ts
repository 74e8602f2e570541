import { describe, expect, it } from 'vitest';
import type { PageMatches } from '../../../src/core/match/types';
import type { ClaimView } from '../../../src/core/claim-view/types';
import type { TextBlock } from '../../../src/core/text/types';
import { buildPassages } from '../../../src/page/passages';

// Ranges stand in as plain records: buildPassages only passes them through.
const toRange = (block: TextBlock<Text>, start: number, end: number) =>
  ({ block: block.text, start, end, collapsed: start === end }) as unknown as Range;
const blocks = [{ text: 'first block text', segments: [] }, { text: 'second block text', segments: [] }] as TextBlock<Text>[];

const view = (id: string, status: 'agree' | 'differ', reports = 1): ClaimView => ({
  id,
  summary: id,
  status,
  reasons: [],
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

const page: PageMatches = {
  outletId: 'own',
  onStory: true,
  matches: [
    { block: 1, start: 0, end: 6, text: 'second', claims: [{ claimId: 'a', score: 0.9 }], kind: 'fuzzy' },
    { block: 0, start: 6, end: 11, text: 'block', claims: [{ claimId: 'a', score: 0.5 }, { claimId: 'd', score: 0.7 }], kind: 'fuzzy' },
    { block: 0, start: 0, end: 5, text: 'first', claims: [{ claimId: 'lonely', score: 1 }], kind: 'anchored' },
  ],
};

describe('buildPassages', () => {
  it('orders passages as they are read and numbers them from 0', () => {
    const passages = buildPassages(blocks, page, claims, { onlyDiffering: false, toRange });
    expect(passages.map((p) => [p.block, p.start, p.index])).toEqual([
      [0, 6, 0],
      [1, 0, 1],
    ]);
  });

  it('drops claims no other outlet reports, and passages left with none', () => {
    const passages = buildPassages(blocks, page, claims, { onlyDiffering: false, toRange });
    expect(passages.flatMap((p) => p.claims.map((c) => c.id))).not.toContain('lonely');
  });

  it('lists a passage’s claims best score first and marks it differ when any claim differs', () => {
    const [both] = buildPassages(blocks, page, claims, { onlyDiffering: false, toRange });
    expect(both!.claims.map((c) => c.id)).toEqual(['d', 'a']);
    expect(both!.status).toBe('differ');
  });

  it('keeps only claims on which outlets differ when asked', () => {
    const passages = buildPassages(blocks, page, claims, { onlyDiffering: true, toRange });
    expect(passages).toHaveLength(1);
    expect(passages[0]!.claims.map((c) => c.id)).toEqual(['d']);
  });

  it('highlights nothing on a page that is not about a story in the database', () => {
    expect(buildPassages(blocks, { ...page, onStory: false }, claims, { onlyDiffering: false, toRange })).toEqual([]);
  });

  it('skips a match whose text cannot be mapped back to the page', () => {
    const passages = buildPassages(blocks, page, claims, { onlyDiffering: false, toRange: () => null });
    expect(passages).toEqual([]);
  });
});
