// Matching by meaning's calibrated numbers, in one place (the lexical matcher's are in
// match/tuning.ts). The weights, threshold and secondary ratio were fitted by
// `npm run meaning:calibrate` on the five labelled seed articles, each scored against the database
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
}

export const DEFAULT_MEANING_TUNING: Readonly<MeaningTuning> = {
  weights: { bias: -3.9521, lexical: 5.5158, similarity: 1.311, window: 1.311, margin: 8.8256, spread: 1.1643, lexicalPresent: -0.2899 },
  threshold: 0.75,
  secondaryRatio: 0.9,
  gateScore: 0.8,
  gateMinClaims: 3,
};
