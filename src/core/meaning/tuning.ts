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
   * story's names): the hybrid scores are calibrated probabilities that a sentence states a claim,
   * so summing each claim's best over the page, counting only claims at gateClaimScore or more,
   * is how many of the story's facts the page states with some confidence. Each claim is taken by
   * the better of its hybrid score and its lexical score where words state it (story-gate.ts). It
   * opens at gateEvidence: three facts, as the gate by words asks (fixed before the runs, not
   * fitted; with the lexical scores counted too, 1.8 opened more short pages but also two written
   * pages of the same story's actors a year later: docs/matching-accuracy.md).
   */
  gateClaimScore: number;
  gateEvidence: number;
  /**
   * Where words already open a story's gate, embed only sentences with a claim the words nearly
   * state (match/matcher.ts, meaningCandidates): fewer sentences through the model, and, measured,
   * the same additions (docs/matching-accuracy.md). Otherwise every sentence with a candidate.
   */
  onlyNearMisses: boolean;
}

export const DEFAULT_MEANING_TUNING: Readonly<MeaningTuning> = {
  weights: {
    bias: -4.5567,
    lexical: 5.812,
    lexicalPresent: -1.5755,
    similarity: 3.9714,
    spread: -0.8345,
    distinct: 1.6566,
    distinctMargin: 3.3353,
  },
  threshold: 0.55,
  secondaryRatio: 0.9,
  gateClaimScore: 0.5,
  gateEvidence: 3,
  onlyNearMisses: true,
};
