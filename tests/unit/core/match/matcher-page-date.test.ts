// The story gate weighs the page's own date: a short page dated in the story's days opens on the
// words' bar (three claims summing to 1.8, each claim by the better of words and meaning); the same
// text dated a year later, or with no date, needs meaning's full three facts' worth, as before.
// Vectors are made up (as in matcher-meaning.test.ts) so that the test knows what meaning says.
import { describe, expect, it } from 'vitest';
import { readDatabase } from '../../../../src/node/data';
import { buildIndex } from '../../../../src/core/match/index-builder';
import { createMatcher } from '../../../../src/core/match/matcher';
import { loadClaimVectors, serializeClaimVectors } from '../../../../src/core/meaning/claim-vectors';
import { normalize } from '../../../../src/core/meaning/pooling';
import type { MeaningInput } from '../../../../src/core/match/by-meaning';

const db = readDatabase();
const matcher = createMatcher(db, buildIndex(db));
const model = { id: 'test-model', sha256: 't'.repeat(64), dimensions: 64 };
let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
const vectorsByClaim = new Map(
  db.claims.map((c) => [
    c.id,
    Array.from({ length: 1 + c.reports.length }, () => normalize(Float32Array.from({ length: 64 }, random))),
  ]),
);
const claimVectors = loadClaimVectors(
  serializeClaimVectors(
    model,
    [...vectorsByClaim].map(([claimId, vectors]) => ({ claimId, vectors })),
  ),
  model,
);
const URL = 'https://unknown-outlet.example/raqqa';

// A short report: words state the convoy's length and vehicles (two claims), meaning one more.
const SHORT = [
  'ISIS fighters held Raqqa until the Syrian Democratic Forces and the coalition took the city.',
  'Drivers said the convoy stretched six or seven kilometers.',
  'It was made up of nearly 50 lorries, 13 buses and over 100 of the militants\u2019 own vehicles.',
  'Reporters were kept away from Raqqa while the lorries were loaded.',
];
const blocks = SHORT.map((b) => matcher.scoreBlock(b));
const meaning: MeaningInput = {
  claimVectors,
  sentenceVectors: new Map([[SHORT[0]!, vectorsByClaim.get('raqqa-convoy-2017/raqqa-captured')![0]!]]),
};
const story = db.packs.find((p) => p.id === 'raqqa-convoy-2017')!;

describe("the story gate and the page's date", () => {
  it('opens for a short page dated in the story’s days, on three facts short of meaning’s bar', () => {
    const inDays = matcher.decide({ url: URL, blocks, meaning, published: '2017-11-15' });
    expect(inDays.onStory).toBe(true);
    expect(inDays.matches.flatMap((m) => m.claims.map((c) => c.claimId))).toEqual(
      expect.arrayContaining([
        'raqqa-convoy-2017/convoy-length',
        'raqqa-convoy-2017/convoy-vehicles',
        'raqqa-convoy-2017/raqqa-captured',
      ]),
    );
    // On the story's own date too.
    expect(matcher.decide({ url: URL, blocks, meaning, published: story.date }).onStory).toBe(true);
  });

  it('stays shut for the same text dated a year later, or months before', () => {
    expect(matcher.decide({ url: URL, blocks, meaning, published: '2018-11-15' }).onStory).toBe(false);
    expect(matcher.decide({ url: URL, blocks, meaning, published: '2017-05-11' }).onStory).toBe(false);
  });

  it('keeps today’s gate for a page with no date (or one that is not a date)', () => {
    expect(matcher.decide({ url: URL, blocks, meaning }).onStory).toBe(false);
    expect(matcher.decide({ url: URL, blocks, meaning, published: null }).onStory).toBe(false);
    expect(matcher.decide({ url: URL, blocks, meaning, published: 'yesterday' }).onStory).toBe(false);
  });

  it('does not open on two facts, however dated', () => {
    expect(matcher.decide({ url: URL, blocks, published: '2017-11-15' }).onStory).toBe(false);
    const none: MeaningInput = { claimVectors, sentenceVectors: new Map() };
    expect(matcher.decide({ url: URL, blocks, meaning: none, published: '2017-11-15' }).onStory).toBe(false);
  });
});
