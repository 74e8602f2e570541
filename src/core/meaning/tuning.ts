// Matching by meaning's calibrated numbers, in one place (the lexical matcher's are in
// match/tuning.ts). The weights, threshold and secondary ratio were fitted by
// `npm run eval -- --calibrate` on the five labelled seed articles, each scored against the database
// without its own outlet (docs/matching-accuracy.md says how); `npm run eval` refits them with each
// outlet held out before scoring that outlet's page, and warns when these differ from a fit on all
// five. The gate numbers were fixed before any run.
import type { MeaningWeights } from './hybrid';

export interface MeaningTuning {
  /** The logistic model of "this sentence states this claim" (hybrid.ts). */
  weights: MeaningWeights;
  /** Meaning adds a claim to a sentence when its hybrid score reaches this... */
  threshold: number;
  /** ...and at least this share of the sentence's best hybrid score. */
  secondaryRatio: number;
  /**
   * The story gate by meaning, for a page that passes the cheap test (it names enough of the
   * story's names): this many distinct claims at gateScore or more.
   */
  gateScore: number;
  gateMinClaims: number;
  /**
   * Where words already open a story's gate, embed only sentences with a claim the words nearly
   * state (match/matcher.ts, meaningCandidates): fewer sentences through the model, and, measured,
   * the same additions (docs/matching-accuracy.md). Otherwise every sentence with a candidate.
   */
  onlyNearMisses: boolean;
}

export const DEFAULT_MEANING_TUNING: Readonly<MeaningTuning> = {
  weights: { bias: -2.1871, lexical: 7.5843, similarity: 0.6871, window: 0.6871, margin: 13.6892, spread: -3.237, lexicalPresent: -1.229 },
  threshold: 0.75,
  secondaryRatio: 0.5,
  gateScore: 0.8,
  gateMinClaims: 3,
  onlyNearMisses: true,
};
