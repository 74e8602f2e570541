// The matcher's calibrated numbers, in one place. They are global (never per article) and were
// set on the leave-one-outlet-out evaluation (npm run eval -- --sweep); change them only with
// that table.

/** A passage must share at least this many distinct terms with a claim to be scored. */
export const MIN_SHARED_TERMS = 2;

/**
 * How much a term's weight in a claim depends on the share of the claim's texts using it
 * (0: not at all; 1: proportionally). Words several outlets use for the fact are its core.
 */
export const SHARE_EXPONENT = 0.5;

/** Passages scoring below this are not kept at all (keeps block scores small and cacheable). */
export const KEEP_FLOOR = 0.25;

/** A passage states a claim when its score reaches this. */
export const MATCH_THRESHOLD = 0.5;

/** The story gate: a page is about a story when this many distinct claims match at GATE_SCORE. */
export const GATE_MIN_CLAIMS = 3;
export const GATE_SCORE = 0.6;
/** ...and names at least this many of the story's anchors (its places, groups, people). */
export const GATE_MIN_ANCHORS = 3;

/**
 * How well a passage states a claim: mostly how much of the claim's core wording it covers
 * (relative to a typical outlet's text of the claim), partly how much of the passage is about the
 * claim (a long sentence that merely mentions two of its words scores low).
 */
export const CLAIM_COVERAGE_WEIGHT = 0.75;

export function scoreOverlap(claimCoverage: number, passageCoverage: number): number {
  return CLAIM_COVERAGE_WEIGHT * Math.min(1, claimCoverage) + (1 - CLAIM_COVERAGE_WEIGHT) * passageCoverage;
}
