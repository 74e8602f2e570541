// The matcher's calibrated numbers, in one place (the formulas they enter are in score.ts). They
// are global (never per article) and were set on the leave-one-outlet-out evaluation
// (npm run eval -- --sweep); change them only with that table. The eval's sweep passes variations
// of them; the extension always uses DEFAULT_TUNING.

export interface Tuning {
  /** A passage must share at least this many distinct terms with a claim to be scored. */
  minSharedTerms: number;
  /**
   * How much a term's weight in a claim depends on the share of the claim's texts using it
   * (0: not at all; 1: proportionally). Words several outlets use for the fact are its core.
   */
  shareExponent: number;
  /** Weight of a story's names (Raqqa, ISIS, SDF) in a claim's profile: they tell the story, not the fact. */
  storyNameWeight: number;
  /** Share of a passage's score that comes from covering the claim (the rest: the passage being about it). */
  claimCoverageWeight: number;
  /**
   * A term is distinctive of a claim when the claim holds at least this share of the term's use
   * among its story's claims (shares of the claims' texts using it, summed over the story).
   */
  distinctiveShare: number;
  /** ...and at least this many of the claim's texts use it (one outlet's incidental word is not core). */
  distinctiveMinTexts: number;
  /** Passages scoring below this are not kept at all (keeps block scores small and cacheable). */
  keepFloor: number;
  /** A passage states a claim when its score reaches this. */
  threshold: number;
  /**
   * A sentence may state several claims, but a second claim must score at least this share of the
   * best one: a sentence about the deal that also names Raqqa and the coalition is not also a
   * statement that the coalition took Raqqa.
   */
  secondaryRatio: number;
  /** Claims scoring this far under the threshold get a fuse.js comparison of word forms. */
  rescueMargin: number;
  /**
   * The story gate by words: a page is about a story when its sentences state (as highlights are
   * decided) at least gateMinClaims distinct claims of it at gateClaimScore or more, whose best
   * scores sum to gateEvidence or more. A short article stating four facts plainly adds up as one
   * stating three strongly does; two strong facts and a weak one never open it (a page about the
   * same city in another month states the battle's length and the ruins, and a weak third).
   * 1.8 is the least evidence the gate took before (three claims at 0.6); 0.5 is the bar at which
   * meaning's gate counts a claim (meaning/tuning.ts).
   */
  gateMinClaims: number;
  gateClaimScore: number;
  gateEvidence: number;
  /** ...and it names at least this many of the story's names (its places, groups, people). */
  gateMinStoryNames: number;
}

export const DEFAULT_TUNING: Readonly<Tuning> = {
  minSharedTerms: 2,
  shareExponent: 1,
  storyNameWeight: 0.3,
  claimCoverageWeight: 0.7,
  distinctiveShare: 0.3,
  distinctiveMinTexts: 2,
  keepFloor: 0.25,
  threshold: 0.45,
  secondaryRatio: 0.75,
  rescueMargin: 0.1,
  gateMinClaims: 3,
  gateClaimScore: 0.5,
  gateEvidence: 1.8,
  gateMinStoryNames: 3,
};
