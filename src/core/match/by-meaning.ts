// Matching by meaning, beside the words: how a page sentence's vector (from the sentence encoder)
// and its lexical scores become hybrid scores for the claims of a story. The matcher decides with
// them (matcher.ts); which sentences get a vector at all is the matcher's meaningCandidates.
import type { ClaimVectorLookup } from '../meaning/claim-vectors';
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
 * The evidence for every claim of one story that has vectors, for one sentence. Margin and spread
 * compare the claim with the story's other claims: in a story every sentence is near every claim,
 * and what tells a fact is being nearer to it than to the story's other facts.
 */
export function storyEvidence(
  vector: Float32Array,
  storyClaims: readonly number[],
  claimIds: readonly string[],
  lexical: ReadonlyMap<number, number>,
  claimVectors: ClaimVectorLookup,
): ClaimEvidence[] {
  const claims: number[] = [];
  const similarities: number[] = [];
  for (const claim of storyClaims) {
    const similarity = claimVectors.nearest(claimIds[claim]!, vector);
    if (similarity === null) continue;
    claims.push(claim);
    similarities.push(similarity);
  }
  if (claims.length === 0) return [];
  return meaningFromSimilarities([similarities]).map((meaning, k) => ({ claim: claims[k]!, lexical: lexical.get(claims[k]!) ?? 0, meaning }));
}

export function scoreEvidence(evidence: readonly ClaimEvidence[], weights: MeaningWeights): { claim: number; score: number }[] {
  return evidence.map((e) => ({ claim: e.claim, score: hybridScore(e.lexical, e.meaning, weights) }));
}
