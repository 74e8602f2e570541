// The matcher's calibrated numbers, in one place. They are global (never per article) and were
// set on the leave-one-outlet-out evaluation (npm run eval); change them only with that table.

/** A passage must share at least this many distinct terms with a claim text to be scored. */
export const MIN_SHARED_TERMS = 2;

/** Passages scoring below this are not kept at all (keeps block scores small and cacheable). */
export const KEEP_FLOOR = 0.3;

/** A passage states a claim when its score reaches this. */
export const MATCH_THRESHOLD = 0.5;

/** The story gate: a page is about a story when this many distinct claims match at GATE_SCORE. */
export const GATE_MIN_CLAIMS = 3;
export const GATE_SCORE = 0.6;

/**
 * How well a passage states a claim text, from IDF weights: mostly how much of the claim text the
 * passage covers, partly how much of the passage is about the claim (a long sentence that merely
 * mentions two of its words scores low).
 */
export function scoreOverlap(shared: number, docWeight: number, passageWeight: number): number {
  if (docWeight <= 0 || passageWeight <= 0) return 0;
  const docCoverage = shared / docWeight;
  const passageCoverage = shared / passageWeight;
  return 0.75 * docCoverage + 0.25 * passageCoverage;
}
