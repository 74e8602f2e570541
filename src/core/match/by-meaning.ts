// Matching by meaning, beside the words: how a page sentence's vector (from the sentence encoder)
// and its lexical scores become hybrid scores for the claims of a story. The matcher decides with
// them (matcher.ts); which sentences get a vector at all is the matcher's meaningCandidates.
import type { ClaimVectorLookup } from '../meaning/claim-vectors';
import { StorySpace } from '../meaning/discriminant';
import { hybridScore, meaningFromSimilarities, type ClaimMeaning, type MeaningWeights } from '../meaning/hybrid';

/** A sentence of a page, by block and offsets in the block's text. */
export interface SentenceRef {
  block: number;
  start: number;
  end: number;
  text: string;
}

/** What the matcher needs to decide with meaning: the claims' vectors and the page sentences'. */
export interface MeaningInput {
  claimVectors: ClaimVectorLookup;
  /** Unit vectors by sentence text (as meaningCandidates gives it); sentences without one get no meaning evidence. */
  sentenceVectors: ReadonlyMap<string, Float32Array>;
}

/** One claim's evidence in one sentence: its lexical score (0 when not a candidate) and what meaning says. */
export interface ClaimEvidence {
  claim: number;
  lexical: number;
  meaning: ClaimMeaning;
}

/**
 * The evidence for every claim of one story that has vectors, for one sentence. Spread and the
 * discriminant's margin compare the claim with the story's other claims: in a story every sentence
 * is near every claim, and what tells a fact is being nearer to it than to the story's other facts.
 * `space` is the story's discriminant (null: the plain similarities stand in).
 */
export function storyEvidence(
  vector: Float32Array,
  storyClaims: readonly number[],
  claimIds: readonly string[],
  lexical: ReadonlyMap<number, number>,
  claimVectors: ClaimVectorLookup,
  space: StorySpace | null,
): ClaimEvidence[] {
  const claims: number[] = [];
  const similarities: number[] = [];
  const distinct: number[] = [];
  const projected = space?.project(vector);
  for (const claim of storyClaims) {
    const similarity = claimVectors.nearest(claimIds[claim]!, vector);
    if (similarity === null) continue;
    claims.push(claim);
    similarities.push(similarity);
    distinct.push((projected && space?.nearest(claimIds[claim]!, projected)) ?? similarity);
  }
  if (claims.length === 0) return [];
  return meaningFromSimilarities([similarities], distinct).map((meaning, k) => ({
    claim: claims[k]!,
    lexical: lexical.get(claims[k]!) ?? 0,
    meaning,
  }));
}

/** Per set of claim vectors, each story's discriminant space (null: too few facts), by story id. */
const spaces = new WeakMap<ClaimVectorLookup, Map<string, StorySpace | null>>();

/**
 * A story's discriminant space for a set of claim vectors, fitted the first time a page names the
 * story (a few hundred milliseconds for thirty facts) and kept while the same vectors are in use.
 */
export function storySpace(
  storyId: string,
  storyClaimIds: readonly string[],
  claimVectors: ClaimVectorLookup,
): StorySpace | null {
  let byStory = spaces.get(claimVectors);
  if (byStory === undefined) spaces.set(claimVectors, (byStory = new Map()));
  let space = byStory.get(storyId);
  if (space === undefined) {
    const texts = new Map<string, Float32Array[]>();
    for (const id of storyClaimIds) {
      const vectors = claimVectors.texts(id);
      if (vectors.length > 0) texts.set(id, vectors);
    }
    space = StorySpace.fit(texts);
    byStory.set(storyId, space);
  }
  return space;
}

export function scoreEvidence(
  evidence: readonly ClaimEvidence[],
  weights: MeaningWeights,
): { claim: number; score: number }[] {
  return evidence.map((e) => ({ claim: e.claim, score: hybridScore(e.lexical, e.meaning, weights) }));
}
