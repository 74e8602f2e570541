// The matcher's second pass, by meaning, with vectors made up so that each test knows what meaning
// says (the real encoder's judgement is measured by npm run eval, not asserted here): meaning adds
// the claims its hybrid score is sure of and never takes away what words found; it runs only on a
// page that names a known story; it may open the story gate; and it obeys the outlet rules.
import { describe, expect, it } from 'vitest';
import { readDatabase, readSeedTexts } from '../../../../src/node/data';
import type { MeaningInput } from '../../../../src/core/match/by-meaning';
import { buildIndex } from '../../../../src/core/match/index-builder';
import { createMatcher, type BlockScores } from '../../../../src/core/match/matcher';
import type { PageMatches } from '../../../../src/core/match/types';
import { loadClaimVectors, serializeClaimVectors } from '../../../../src/core/meaning/claim-vectors';
import { normalize } from '../../../../src/core/meaning/pooling';

const db = readDatabase();
const index = buildIndex(db);
const matcher = createMatcher(db, index);
const model = { id: 'test-model', sha256: 't'.repeat(64), dimensions: 64 };

// Random unit vectors, one per claim text: in 64 dimensions any two are nearly orthogonal, so a
// sentence given a claim's vector is near that claim and no other.
let seed = 11;
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

const RETELLING = [
  'Secret pact let Islamic State fighters leave Raqqa',
  'Under a deal worked out by local officials, some 250 IS fighters and about 3,500 members of their families left Raqqa in October before the city fell.',
  'Drivers said the convoy stretched six or seven kilometers and was made up of nearly 50 lorries, 13 buses and over 100 of the militants\u2019 own vehicles.',
  'Ten of the trucks were loaded with weapons and ammunition, they said.',
  'The US-led coalition now admits the deal took place.',
];
const URL = 'https://unknown-outlet.example/raqqa';

const pairs = (page: PageMatches): string[] =>
  page.matches.flatMap((m) =>
    m.claims.map((c) => `${m.block}:${m.start}:${c.claimId}${c.byMeaning ? ' (meaning)' : ''}`),
  );

/** For each candidate sentence, a lexical candidate claim the words do not state there (if any). */
function unstatedCandidates(
  blocks: readonly BlockScores[],
  words: PageMatches,
): { text: string; block: number; start: number; claimId: string }[] {
  return matcher.meaningCandidates(blocks).flatMap((s) => {
    const passage = blocks[s.block]!.passages.find((p) => p.start === s.start)!;
    const stated = words.matches
      .filter((m) => m.block === s.block && m.start === s.start)
      .flatMap((m) => m.claims.map((c) => c.claimId));
    const claimId = passage.candidates.map((c) => index.claims[c.claim]!).find((id) => !stated.includes(id));
    return claimId ? [{ ...s, claimId }] : [];
  });
}

describe('matching by meaning, in the matcher', () => {
  const blocks = RETELLING.map((b) => matcher.scoreBlock(b));
  const words = matcher.decide({ url: URL, blocks });

  it('names the sentences with lexical candidates on a page about a known story', () => {
    const candidates = matcher.meaningCandidates(blocks);
    expect(candidates.length).toBeGreaterThan(0);
    for (const s of candidates) expect(RETELLING[s.block]!.slice(s.start, s.end)).toBe(s.text);
  });

  it('adds a claim a sentence states by meaning, and keeps every pair words found', () => {
    const target = unstatedCandidates(blocks, words)[0]!;
    const meaning: MeaningInput = {
      claimVectors,
      sentenceVectors: new Map([[target.text, vectorsByClaim.get(target.claimId)![0]!]]),
    };
    const both = matcher.decide({ url: URL, blocks, meaning });
    expect(pairs(both)).toEqual(expect.arrayContaining(pairs(words)));
    expect(pairs(both)).toContain(`${target.block}:${target.start}:${target.claimId} (meaning)`);
    expect(pairs(both).length).toBe(pairs(words).length + 1);
  });

  it('adds nothing for a sentence whose vector is near no claim', () => {
    const target = unstatedCandidates(blocks, words)[0]!;
    const nowhere = normalize(Float32Array.from({ length: 64 }, random));
    expect(
      matcher.decide({
        url: URL,
        blocks,
        meaning: { claimVectors, sentenceVectors: new Map([[target.text, nowhere]]) },
      }),
    ).toEqual(words);
  });

  it('runs for no sentence of a page that does not name a known story', () => {
    const page = [
      'The bridge reopened after four months of repairs, local officials said.',
      'A convoy of almost 50 trucks and 13 buses crossed first, followed by more than 100 cars.',
      'Ten trucks were loaded with asphalt.',
    ].map((b) => matcher.scoreBlock(b));
    expect(matcher.meaningCandidates(page)).toEqual([]);
  });

  it('opens the story gate by meaning when words state too few claims well', () => {
    // The story named (ISIS, Raqqa, SDF...), facts told loosely: words alone open no gate.
    const loose = [
      'ISIS fighters held Raqqa until the Syrian Democratic Forces and the coalition took the city.',
      'Many of the ISIS men left Raqqa in the end, with their wives and children, in hired lorries.',
      'Some of the fighters who left Raqqa went on to Deir ez-Zor, the SDF said.',
      'The coalition said it watched the lorries leave Raqqa but did not strike them.',
      'Reporters were kept away from Raqqa while the lorries were loaded.',
      'The city of Raqqa lay in ruins after the battle with ISIS.',
      'Talks with tribal elders in Raqqa set the terms for the ISIS fighters.',
    ].map((b) => matcher.scoreBlock(b));
    const byWords = matcher.decide({ url: URL, blocks: loose });
    expect(byWords.onStory).toBe(false);
    // One sentence per claim, so that n sentences bring n distinct claims.
    const targets = unstatedCandidates(loose, byWords).filter(
      (t, i, all) => all.findIndex((u) => u.claimId === t.claimId) === i,
    );
    expect(targets.length).toBeGreaterThanOrEqual(3);
    const meaning: MeaningInput = {
      claimVectors,
      sentenceVectors: new Map(targets.map((t) => [t.text, vectorsByClaim.get(t.claimId)![0]!])),
    };
    const both = matcher.decide({ url: URL, blocks: loose, meaning });
    expect(both.onStory).toBe(true);
    expect(both.matches.filter((m) => m.kind === 'meaning').length).toBeGreaterThanOrEqual(3);
    // Two claims near the sentence are not enough: the gate asks for three.
    const two = new Map(targets.slice(0, 2).map((t) => [t.text, vectorsByClaim.get(t.claimId)![0]!]));
    expect(matcher.decide({ url: URL, blocks: loose, meaning: { claimVectors, sentenceVectors: two } }).onStory).toBe(
      false,
    );
  });

  it('opens the gate by meaning on what words and meaning state together, each claim counted once', () => {
    // A short page: words state the convoy's length and vehicles (two claims: their gate asks for
    // three); two other sentences state other facts in the page's own words.
    const short = [
      'ISIS fighters held Raqqa until the Syrian Democratic Forces and the coalition took the city.',
      'Drivers said the convoy stretched six or seven kilometers.',
      'It was made up of nearly 50 lorries, 13 buses and over 100 of the militants\u2019 own vehicles.',
      'Some of the fighters who left Raqqa went on to Deir ez-Zor, the SDF said.',
      'Reporters were kept away from Raqqa while the lorries were loaded.',
    ];
    const blocks = short.map((b) => matcher.scoreBlock(b));
    const byWords = matcher.decide({ url: URL, blocks });
    expect(byWords.onStory).toBe(false);
    const ungated = createMatcher(db, index, { tuning: { gateMinClaims: 0, gateEvidence: 0 } }).decide({
      url: URL,
      blocks,
    });
    expect(ungated.matches.flatMap((m) => m.claims.map((c) => c.claimId)).sort()).toEqual(
      ['convoy-length', 'convoy-vehicles'].map((c) => `raqqa-convoy-2017/${c}`),
    );
    const vector = (claim: string): Float32Array => vectorsByClaim.get(`raqqa-convoy-2017/${claim}`)![0]!;
    const withMeaning = (vectors: [number, string][]): PageMatches =>
      matcher.decide({
        url: URL,
        blocks,
        meaning: {
          claimVectors,
          sentenceVectors: new Map(vectors.map(([block, claim]) => [short[block]!, vector(claim)])),
        },
      });
    // Meaning alone states two facts: not enough by itself; with the two words state, four.
    const twoMore = withMeaning([
      [0, 'raqqa-captured'],
      [3, 'convoy-destination'],
    ]);
    expect(twoMore.onStory).toBe(true);
    expect(twoMore.matches.filter((m) => m.kind === 'words').map((m) => m.block)).toEqual([1, 2]);
    expect(withMeaning([[0, 'raqqa-captured']]).onStory).toBe(false);
    // Meaning stating the very facts words state adds no fact: still two, still shut.
    expect(
      withMeaning([
        [1, 'convoy-length'],
        [2, 'convoy-vehicles'],
      ]).onStory,
    ).toBe(false);
  });

  it('never adds a claim only the page’s own outlet reports', () => {
    const article = db.articles.find((a) => a.outlet === 'straits-times')!;
    const own = readSeedTexts()
      .get(article.source)!
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((b) => matcher.scoreBlock(b));
    const onlyOwn = new Set(
      db.claims
        .filter((c) => c.reports.every((r) => db.articles.find((a) => a.id === r.article)!.outlet === 'straits-times'))
        .map((c) => c.id),
    );
    // Every candidate sentence made to look exactly like each of its candidate claims in turn.
    const sentences = matcher.meaningCandidates(own);
    for (const claimId of [...onlyOwn, ...db.claims.map((c) => c.id).slice(0, 3)]) {
      const meaning: MeaningInput = {
        claimVectors,
        sentenceVectors: new Map(sentences.map((s) => [s.text, vectorsByClaim.get(claimId)![0]!])),
      };
      const page = matcher.decide({ url: article.url, blocks: own, meaning });
      for (const m of page.matches) for (const c of m.claims) expect(onlyOwn.has(c.claimId)).toBe(false);
    }
  });
});
