// The claim index as shipped: built by index-builder.ts at build time, read by claim-index.ts at
// run time. Plain JSON, so the extension bundles it and loads it with one JSON.parse.

/** Bumped whenever the index's shape or its terms change: an old index is refused, not misread. */
export const INDEX_FORMAT = 8;

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  /** One story per claim pack: the packs' ids. */
  stories: string[];
  /** The claims' ids in the set of packs ("raqqa-convoy-2017/convoy-length"), in the set's order. */
  claims: string[];
  /** Story index of each claim. */
  claimStory: number[];
  terms: string[];
  /**
   * Per term, the claims whose texts use it, ascending and delta-encoded (each number is the gap
   * from the previous claim index) to keep the shipped JSON small and fast to parse.
   */
  postings: number[][];
  /** Per term, parallel to `postings`: the term's weight in that claim's profile. */
  weights: number[][];
  /** Per claim, the weight a typical text of the claim carries: what full coverage looks like. */
  claimNorms: number[];
  /**
   * Per story, its names (capitalised terms: places, groups, people) that several of its claims
   * use. The story gate asks a page to name the story before showing any of its claims.
   */
  storyNames: string[][];
  /**
   * Per term, parallel to `postings`: the positions (ascending, delta-encoded) of the claims for
   * which the term is distinctive, i.e. the claim holds at least tuning.distinctiveShare of the
   * term's weight among its story's claims. A passage must share one such term with a claim to
   * state it: story words (Raqqa, coalition, fighters, leave) spread over many claims never are.
   */
  distinctive: number[][];
}
