// The matcher's scoring, in one place: how much a term weighs in a claim (computed when the index
// is built) and how well a passage states a claim (computed for each passage at run time). The
// numbers they use are in tuning.ts. A second signal (a sentence encoder's similarity) would be
// combined with the lexical score here.
import type { Tuning } from './tuning';

export interface TermUse {
  /** Claims in the term's story, and how many of them use the term. */
  storyClaims: number;
  storyClaimsUsing: number;
  /** Share of the claim's texts (its summary and each outlet's quote) that use the term. */
  share: number;
  /** The term is one of the story's names: it tells the story, not the fact. */
  isStoryName: boolean;
}

/**
 * A term's weight in a claim: how rare it is among the claims of the same story (what tells this
 * fact from the story's other facts; independent of how many other stories the database holds),
 * times how many of the claim's texts use it. The story's names weigh less.
 */
export function termWeight(use: TermUse, tuning: Readonly<Tuning>): number {
  const storyIdf = Math.log(1 + use.storyClaims / use.storyClaimsUsing);
  return storyIdf * (use.isStoryName ? tuning.storyNameWeight : 1) * Math.pow(use.share, tuning.shareExponent);
}

export interface Overlap {
  /** Summed weight, in the claim's profile, of the terms the passage shares with it. */
  sharedWeight: number;
  /** The weight a typical text of the claim carries (the index's claimNorms). */
  claimNorm: number;
  /** Distinct words (not quantity terms) the passage shares with the claim, and has in all. */
  sharedWords: number;
  passageWords: number;
}

/**
 * How well a passage states a claim: mostly how much of the claim's core wording it covers
 * (relative to a typical outlet's text of the claim), partly how much of the passage is about the
 * claim (a long sentence that merely mentions two of its words scores low). Passage coverage
 * counts words, not their rarity, so that it does not move as the database grows.
 */
export function passageScore(overlap: Overlap, tuning: Readonly<Tuning>): number {
  const claimCoverage = Math.min(1, overlap.sharedWeight / overlap.claimNorm);
  const passageCoverage = Math.min(1, overlap.sharedWords / Math.max(1, overlap.passageWords));
  return tuning.claimCoverageWeight * claimCoverage + (1 - tuning.claimCoverageWeight) * passageCoverage;
}
