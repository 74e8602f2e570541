// Builds, at build time, the inverted index the matcher retrieves candidate claims from
// (its shape: index-format.ts).
// Scanning every claim for every sentence costs ~0.15 ms per pair with fuse.js (1.5 s per sentence
// at 10,000 claims); an index of normalised terms makes retrieval cost proportional to the few
// claims that share a rare term with the sentence. The index is plain JSON so the extension can
// bundle it and load it with one JSON.parse.
//
// Each claim is indexed as a profile of all the ways it is worded: its neutral summary and every
// outlet's quote. A term counts by how many of those texts use it, so the words outlets share for
// a fact ("convoy", "km", "long") outweigh one outlet's incidental words.
import { lexiconOf, type Database } from '../database/combine';
import type { PackBudget } from '../database/pack-budget';
import { extractTerms } from '../terms/extract-terms';
import { matchTerms } from '../terms/match-terms';
import { INDEX_FORMAT, type SerializedIndex } from './index-format';
import { termWeight } from './score';
import { DEFAULT_TUNING, type Tuning } from './tuning';

/** A name is one of the story's names when at least this share of its claims use it (and two at least). */
const STORY_NAME_CLAIM_SHARE = 0.1;

/** `budget`, in the service worker, stops a pack that takes too long to index (database/pack-budget.ts). */
export function buildIndex(
  db: Database,
  tuning: Readonly<Tuning> = DEFAULT_TUNING,
  budget?: PackBudget,
): SerializedIndex {
  const lexicon = lexiconOf(db);
  const stories = db.packs.map((p) => p.id); // one story per pack
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const counts: number[][] = [];
  const lastClaim: number[] = [];
  const claimTexts: number[] = [];
  // Per story, per name: how many of the story's claims use it.
  const nameUse = stories.map(() => new Map<string, number>());
  const storyClaimCount = stories.map(() => 0);

  db.claims.forEach((claim, claimIndex) => {
    budget?.charge(claim.pack);
    const texts = [claim.summary, ...claim.reports.map((r) => r.quote)];
    const termCounts = new Map<number, number>();
    const story = stories.indexOf(claim.pack);
    const names = new Set<string>();
    for (const text of texts) {
      for (const t of extractTerms(text, lexicon)) if (t.proper === true && !/^\d/.test(t.term)) names.add(t.term);
    }
    if (story >= 0) {
      storyClaimCount[story]!++;
      for (const name of names) nameUse[story]!.set(name, (nameUse[story]!.get(name) ?? 0) + 1);
    }
    for (const text of texts) {
      for (const term of new Set(matchTerms(text, lexicon))) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          postings.push([]);
          counts.push([]);
          lastClaim.push(0);
        }
        termCounts.set(id, (termCounts.get(id) ?? 0) + 1);
      }
    }
    for (const [id, count] of termCounts) {
      postings[id]!.push(claimIndex - lastClaim[id]!);
      counts[id]!.push(count);
      lastClaim[id] = claimIndex;
    }
    claimTexts.push(texts.length);
  });
  budget?.settle();

  const storyNames = nameUse.map((names, story) =>
    [...names]
      .filter(([, n]) => n >= Math.max(2, storyClaimCount[story]! * STORY_NAME_CLAIM_SHARE))
      .sort((a, b) => b[1] - a[1])
      .map(([name]) => name),
  );

  // Each term's weight in each claim using it (score.ts), and whether it is distinctive of the claim.
  const claimStory = db.claims.map((c) => stories.indexOf(c.pack));
  const nameSets = storyNames.map((names) => new Set(names));
  const weights: number[][] = [];
  const distinctive: number[][] = [];
  const claimNorms = db.claims.map(() => 0);
  postings.forEach((gaps, id) => {
    const claims: number[] = [];
    let claim = 0;
    for (const gap of gaps) claims.push((claim += gap));
    const perStory = new Map<number, number>();
    const shareSum = new Map<number, number>();
    for (const [k, c] of claims.entries()) {
      perStory.set(claimStory[c]!, (perStory.get(claimStory[c]!) ?? 0) + 1);
      shareSum.set(claimStory[c]!, (shareSum.get(claimStory[c]!) ?? 0) + counts[id]![k]! / claimTexts[c]!);
    }
    // Distinctive: the claim holds a large part of the term's use among its story's claims (the
    // term's story-rarity factor is the same for every claim of the story, so shares compare).
    const isStoryName = (c: number): boolean => nameSets[claimStory[c]!]?.has(terms[id]!) === true;
    const positions: number[] = [];
    let last = 0;
    claims.forEach((c, k) => {
      const share = counts[id]![k]! / claimTexts[c]!;
      if (
        isStoryName(c) ||
        counts[id]![k]! < tuning.distinctiveMinTexts ||
        share < tuning.distinctiveShare * shareSum.get(claimStory[c]!)!
      )
        return;
      positions.push(k - last);
      last = k;
    });
    distinctive.push(positions);
    weights.push(
      claims.map((c, k) => {
        const story = claimStory[c]!;
        const share = counts[id]![k]! / claimTexts[c]!;
        const w = termWeight(
          {
            storyClaims: storyClaimCount[story] ?? 1,
            storyClaimsUsing: perStory.get(story)!,
            share,
            isStoryName: isStoryName(c),
          },
          tuning,
        );
        // A typical text holds the term with probability `share` and then carries its weight.
        claimNorms[c] = claimNorms[c]! + w * share;
        return Math.round(w * 1e4) / 1e4;
      }),
    );
  });

  return {
    format: INDEX_FORMAT,
    stories,
    claims: db.claims.map((c) => c.id),
    claimStory: db.claims.map((c) => stories.indexOf(c.pack)),
    terms,
    postings,
    weights,
    claimNorms: claimNorms.map((n) => Math.round(n * 1e4) / 1e4),
    storyNames,
    distinctive,
  };
}
