import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/core/database/combine';
import { buildIndex } from '../../../../src/core/match/index-builder';
import { ClaimIndex } from '../../../../src/core/match/claim-index';
import { DEFAULT_TUNING } from '../../../../src/core/match/tuning';

// A tiny story: every claim says "Raqqa" and "fighters" (story words); each has its own core words.
const claim = (id: string, summary: string, quotes: string[]) => ({
  id,
  pack: 's',
  summary,
  reports: quotes.map((quote, k) => ({ article: `a${k}`, quote, values: [] })),
});
const db = {
  packs: [{ id: 's', title: 'story', lexicon: { names: [], terms: [] }, totals: [] }],
  outlets: [],
  articles: [],
  claims: [
    claim('convoy', 'A convoy of trucks took the fighters out of Raqqa.', [
      'The convoy of trucks left Raqqa with fighters.',
      'Fighters rode a long convoy out of Raqqa.',
    ]),
    claim('captured', 'Raqqa was captured from the fighters.', [
      'Raqqa was captured, the fighters defeated.',
      'After Raqqa was captured, fighters were gone.',
    ]),
    claim('date', 'The fighters left Raqqa on October 12.', [
      'Fighters left Raqqa on October 12.',
      'On October 12 the fighters were gone from Raqqa.',
    ]),
    claim('weapons', 'The fighters took weapons out of Raqqa.', [
      'Fighters carried weapons and ammunition from Raqqa.',
      'Weapons went with the fighters from Raqqa.',
    ]),
  ],
} as unknown as Database;

const distinctiveOf = (claimId: string): string[] => {
  const index = buildIndex(db);
  const c = index.claims.indexOf(claimId);
  return index.terms.filter((_, id) => {
    let claimAt = 0;
    const claims = index.postings[id]!.map((g) => (claimAt += g));
    let at = 0;
    const positions = index.distinctive[id]!.map((g, k) => (at = k === 0 ? g : at + g));
    return positions.some((k) => claims[k] === c);
  });
};

describe('distinctive terms', () => {
  it('are the words several of a claim’s texts use and the story’s other claims do not', () => {
    expect(distinctiveOf('convoy')).toEqual(expect.arrayContaining(['convoy', 'truck']));
    expect(distinctiveOf('captured')).toContain('capture');
    expect(distinctiveOf('weapons')).toContain('weapon');
  });

  it('never include the story’s shared words or one text’s incidental word', () => {
    for (const id of ['convoy', 'captured', 'weapons']) {
      expect(distinctiveOf(id)).not.toContain('fighter');
      expect(distinctiveOf(id)).not.toContain('raqqa');
    }
    expect(distinctiveOf('weapons')).not.toContain('ammunition');
  });

  it('gate scoring: a passage sharing only story words states no claim', () => {
    const index = new ClaimIndex(buildIndex(db));
    const scored = (text: string[]) => index.scoreTerms(text, 0).map((c) => index.claimIds[c.claim]);
    expect(scored(['raqqa', 'fighter', 'out'])).toEqual([]);
    expect(scored(['raqqa', 'fighter', 'capture'])).toEqual(['captured']);
    expect(DEFAULT_TUNING.distinctiveMinTexts).toBeGreaterThanOrEqual(2);
  });
});

describe("a pack's lexicon", () => {
  const withNames = (names: string[][]): Database => ({
    ...db,
    packs: [{ ...db.packs[0]!, lexicon: { names, terms: [] } }],
  });
  const termsOf = (index: ReturnType<typeof buildIndex>) => new Set(index.terms);

  it('makes its name variants one term, so that the index knows the story by any of them', () => {
    const variants = {
      ...db,
      claims: [
        claim('named', 'Daesh fighters left Raqqa.', [
          'ISIL fighters left Raqqa.',
          'Islamic State fighters left Raqqa.',
        ]),
      ],
    } as unknown as Database;
    const plain = termsOf(buildIndex({ ...variants, packs: db.packs }));
    expect(plain).toContain('daesh');
    expect(plain).not.toContain('isis');
    const named = termsOf(
      buildIndex({ ...variants, packs: withNames([['ISIS', 'ISIL', 'IS', 'Daesh', 'Islamic State']]).packs }),
    );
    expect(named).toContain('isis');
    expect(named).not.toContain('daesh');
    expect(named).not.toContain('isil');
  });
});
