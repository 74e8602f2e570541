// Hybrid matching: the lexical matcher's score for a (sentence, claim) pair combined with how
// close the sentence is in meaning to the claim's texts (its summary and each outlet's quote).
// The combination is a logistic model whose weights are calibrated on labelled pages with the
// page's outlet held out (`npm run eval -- --calibrate`, src/tools/eval/calibrate.ts); this module
// only applies them.

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
}

export interface MeaningWeights {
  lexical: number;
  similarity: number;
  window: number;
  margin: number;
  spread: number;
  /** Added when the lexical matcher scored the pair at all (it shares a distinctive term). */
  lexicalPresent: number;
  bias: number;
}

export const FEATURE_NAMES = ['lexical', 'similarity', 'window', 'margin', 'spread', 'lexicalPresent'] as const;

export function features(lexical: number, m: ClaimMeaning): number[] {
  return [lexical, m.similarity, m.window, m.margin, m.spread, lexical > 0 ? 1 : 0];
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
 * `sims[w][c]` is window w's highest cosine with claim c's texts (window 0 the whole sentence).
 */
export function meaningFromSimilarities(sims: readonly (readonly number[])[]): ClaimMeaning[] {
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
    return { similarity: whole[c]!, window, margin, spread: whole[c]! - mean };
  });
}
