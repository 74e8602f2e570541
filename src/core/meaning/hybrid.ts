// Hybrid matching: the lexical matcher's score for a (sentence, claim) pair combined with how
// close the sentence is in meaning to the claim's texts (its summary and each outlet's quote), in
// the encoder's space and in the story's own discriminant space (discriminant.ts). The combination
// is a logistic model whose weights are calibrated on labelled real pages, each page held out
// (`npm run eval -- --calibrate`, src/tools/eval/calibrate.ts); this module only applies them.

/** What the sentence encoder says about one claim for one sentence. */
export interface ClaimMeaning {
  /** Highest cosine similarity of the whole sentence to one of the claim's texts. */
  similarity: number;
  /**
   * The same, over the sentence and its clause windows (a clause may state the fact alone). The
   * matcher scores whole sentences only, so here it always equals `similarity`; clause windows were
   * phase 1's experiment (src/research/sentence-meaning.ts). Kept while the calibrated weights have
   * it: the fit without it (ridge-regularised) moves every weight.
   */
  window: number;
  /**
   * Best lead of this claim over the story's other claims in any window (negative when some
   * other claim is always closer). In a one-story database every sentence is close to every
   * claim; what tells the fact is being closer to it than to its neighbours.
   */
  margin: number;
  /** Similarity minus the sentence's mean similarity to the story's claims. */
  spread: number;
  /**
   * Highest cosine with the claim's texts in the story's discriminant space (what tells the
   * story's facts apart); the plain similarity where the story has no discriminant.
   */
  distinct: number;
  /** `distinct` minus the best of the story's other claims (negative when another is nearer). */
  distinctMargin: number;
}

/**
 * What the logistic model reads of a pair (chosen by leave-one-page-out figures on real outside
 * pages: docs/matching-accuracy.md). `lexicalPresent` is 1 when the lexical matcher scored the pair
 * at all (it shares a distinctive term). Clause windows and the plain margin are measured for the
 * phase-1 experiments but not read.
 */
export const FEATURE_NAMES = [
  'lexical',
  'lexicalPresent',
  'similarity',
  'spread',
  'distinct',
  'distinctMargin',
] as const;

export type MeaningWeights = Record<(typeof FEATURE_NAMES)[number] | 'bias', number>;

export function features(lexical: number, m: ClaimMeaning): number[] {
  return [lexical, lexical > 0 ? 1 : 0, m.similarity, m.spread, m.distinct, m.distinctMargin];
}

/** Probability-like score in 0..1 that the sentence states the claim. */
export function hybridScore(lexical: number, m: ClaimMeaning, w: MeaningWeights): number {
  const x = features(lexical, m);
  let z = w.bias;
  FEATURE_NAMES.forEach((name, i) => (z += w[name] * x[i]!));
  return 1 / (1 + Math.exp(-z));
}

/**
 * The meaning evidence for every claim of one story, for one sentence, from its similarities:
 * `sims[w][c]` is window w's highest cosine with claim c's texts (window 0 the whole sentence);
 * `distinct[c]` the whole sentence's in the story's discriminant space (omitted: the plain
 * similarities stand in).
 */
export function meaningFromSimilarities(
  sims: readonly (readonly number[])[],
  distinct?: readonly number[],
): ClaimMeaning[] {
  if (sims.length === 0) throw new Error('a sentence has at least its own window');
  const whole = sims[0]!;
  const mean = whole.reduce((a, b) => a + b, 0) / Math.max(1, whole.length);
  return whole.map((_, c) => {
    let window = -1;
    let margin = -Infinity;
    for (const row of sims) {
      window = Math.max(window, row[c]!);
      let other = -1;
      row.forEach((s, k) => {
        if (k !== c) other = Math.max(other, s);
      });
      margin = Math.max(margin, whole.length > 1 ? row[c]! - other : 0);
    }
    const d = distinct ?? whole;
    let other = -Infinity;
    d.forEach((x, k) => {
      if (k !== c) other = Math.max(other, x);
    });
    const distinctMargin = d.length > 1 ? d[c]! - other : 0;
    return { similarity: whole[c]!, window, margin, spread: whole[c]! - mean, distinct: d[c]!, distinctMargin };
  });
}
