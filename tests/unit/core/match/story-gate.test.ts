// The story gate on the evidence a short article gives (issue 19): a page opens its story when it
// names the story and states several of its facts, their scores summed, however short it is; pages
// of the same place and actors in other events, and news that merely shares words, stay shut.
import { describe, expect, it } from 'vitest';
import { readDatabase } from '../../../../src/node/data';
import { negativePages, sourceBlocks } from '../../../../src/tools/eval/labels';
import { buildIndex } from '../../../../src/core/match/index-builder';
import { createMatcher } from '../../../../src/core/match/matcher';
import { betterOfBoth, storyEvidenceSum } from '../../../../src/core/match/story-gate';
import { DEFAULT_TUNING } from '../../../../src/core/match/tuning';
import { raqqa } from '../database/seed-texts';

const db = readDatabase();
const matcher = createMatcher(db, buildIndex(db));
const claimsOf = (page: ReturnType<typeof matcher.matchPage>): string[] =>
  page.matches.flatMap((m) => m.claims.map((c) => c.claimId));

describe('story evidence', () => {
  it('counts each claim once, by its best score, and only at the bar or above', () => {
    expect(storyEvidenceSum([0.9, 0.6, 0.5, 0.44, 0], 0.45)).toBeCloseTo(2.0, 10);
    expect(storyEvidenceSum([0.3, 0.2], 0.45)).toBe(0);
  });

  it("takes each claim by the better of its words' and meaning's score, so a fact stated both ways counts once", () => {
    // Two facts by words, one of them again by meaning, a third by meaning alone: three facts, not four.
    const both = betterOfBoth([0.9, 0.6, 0, 0], [0.95, 0, 0.8, 0.3]);
    expect(both).toEqual([0.95, 0.6, 0.8, 0.3]);
    expect(storyEvidenceSum(both, 0.5)).toBeCloseTo(2.35, 10);
    expect(() => betterOfBoth([0.9], [0.9, 0.8])).toThrow(/one score per claim/);
  });
});

describe('story gate on short articles', () => {
  it('opens on a real four-paragraph article by an outlet outside the pack, and finds the convoy by its figures', () => {
    const { blocks, url } = sourceBlocks('tests/fixtures/outside-pages/raqqa/milblog.html');
    const page = matcher.matchPage({ url: url ?? '', blocks });
    expect(page.onStory).toBe(true);
    expect(
      page.matches.find((m) => m.text.startsWith('The 47 truck, 13 bus convoy'))?.claims.map((c) => c.claimId),
    ).toContain(raqqa('convoy-vehicles'));
  });

  it('opens on a short real article whose facts are stated loosely, not one of them at the old gate’s 0.6 but one', () => {
    const { blocks, url } = sourceBlocks('tests/fixtures/outside-pages/raqqa/anews.html');
    const page = matcher.matchPage({ url: url ?? '', blocks });
    expect(page.onStory).toBe(true);
    expect(claimsOf(page)).toContain(raqqa('raqqa-captured'));
  });

  it('opens on five sentences in an outlet’s own words that state four facts', () => {
    const page = matcher.matchPage({
      url: 'https://short-wire.example/raqqa',
      blocks: [
        'ISIS men and their families were let out of Raqqa under a quiet deal, the BBC says',
        'The column that left the Syrian city ran six or seven kilometres, drivers told the broadcaster.',
        'It was made of nearly 50 lorries, 13 buses and over 100 vehicles of the group itself.',
        'The SDF and the US-led coalition took the city days later.',
        'The coalition has not commented.',
      ],
    });
    expect(page.onStory).toBe(true);
    expect(claimsOf(page)).toEqual(expect.arrayContaining(['convoy-length', 'convoy-vehicles'].map(raqqa)));
  });

  it('stays shut on a page of the same city in another month that states two of the story’s background facts strongly and a third weakly', () => {
    const page = matcher.matchPage({
      url: 'https://news.example/raqqa-2019',
      blocks: [
        'Two years on, Raqqa rebuilds',
        'The Syrian Democratic Forces and the US-led coalition took Raqqa from ISIS in October 2017.',
        'Four months of fighting had left the city in ruins and almost empty of people.',
        'This week the Raqqa Civil Council reopened the old bridge over the Euphrates, and traders returned to the market.',
        'Teams are still digging up mass graves on the edge of the city.',
      ],
    });
    expect(page.onStory).toBe(false);
    expect(page.matches).toEqual([]);
  });

  it('stays shut on every negative page: other events with the same actors, and news that shares words', () => {
    for (const source of negativePages()) {
      const { blocks, url } = sourceBlocks(source);
      expect(blocks.join(' ').split(/\s+/).length, `${source} has its article's text`).toBeGreaterThan(80);
      const page = matcher.matchPage({ url: url ?? '', blocks });
      expect(page.matches, source).toEqual([]);
    }
  });

  it('asks for evidence no smaller than the old gate’s least (three claims at 0.6)', () => {
    expect(DEFAULT_TUNING.gateMinClaims).toBe(3);
    expect(DEFAULT_TUNING.gateEvidence).toBeGreaterThanOrEqual(3 * 0.6 - 1e-9);
  });
});
