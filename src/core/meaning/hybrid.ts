// Hybrid matching: the lexical matcher's score for a (sentence, claim) pair combined with how
// close the sentence is in meaning to the claim's texts (its summary and each outlet's quote), in
// the encoder's space and in the story's own discriminant space (discriminant.ts). The combination
// is a logistic model whose weights are calibrated on labelled real pages, each page held out
// (scripts/meaning/calibrate.ts); this module only applies them.

/** What the sentence encoder says about one claim for one sentence. */
export interface ClaimMeaning {
  /** Highest cosine similarity of the whole sentence to one of the claim's texts. */
  similarity: number;
  /** The same, over the sentence and its clause windows: a clause may state the fact alone. */
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
export const FEATURE_NAMES = ['lexical', 'lexicalPresent', 'similarity', 'spread', 'distinct', 'distinctMargin'] as const;

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

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

/**
 * The meaning evidence for every claim of one story, for one sentence. `windows[0]` is the whole
 * sentence, the rest its clause windows (clauseWindows); `claims[c]` holds claim c's text vectors.
 * All vectors are unit length.
 */
export function sentenceMeaning(windows: readonly Float32Array[], claims: readonly (readonly Float32Array[])[]): ClaimMeaning[] {
  // sims[w][c]: window w's best similarity to claim c.
  return meaningFromSimilarities(windows.map((v) => claims.map((texts) => texts.reduce((best, t) => Math.max(best, dot(v, t)), -1))));
}

/**
 * The same from the similarities already computed: `sims[w][c]` is window w's highest cosine
 * with claim c's texts (window 0 the whole sentence); `distinct[c]` the whole sentence's in the
 * story's discriminant space (omitted: the plain similarities stand in).
 */
export function meaningFromSimilarities(sims: readonly (readonly number[])[], distinct?: readonly number[]): ClaimMeaning[] {
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

/** Shortest clause kept on its own (in words); shorter pieces join their neighbour. */
const MIN_CLAUSE_WORDS = 4;

/**
 * A sentence and its clause windows: the pieces between commas, semicolons, colons, dashes and
 * clause-opening conjunctions, and each pair of neighbouring pieces. A sentence stating two facts
 * ("Some 4,000 people left in hired lorries while the world was told the battle was being won")
 * has a vector between the two; its clauses each sit near one.
 */
export function clauseWindows(sentence: string): string[] {
  const pieces = sentence
    .split(/(?<=[,;:])\s+|\s+[—–-]\s+|\s+(?=(?:and|but|while|after|before|where|which|who|because|although|though|whereas)\s)/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const words = (s: string): number => s.split(/\s+/).length;
  const merged: string[] = [];
  for (const p of pieces) {
    const last = merged.length - 1;
    if (last >= 0 && (words(p) < MIN_CLAUSE_WORDS || words(merged[last]!) < MIN_CLAUSE_WORDS)) merged[last] = `${merged[last]} ${p}`;
    else merged.push(p);
  }
  const out = [sentence];
  if (merged.length > 1) {
    merged.forEach((p, i) => {
      out.push(p);
      // Two neighbouring pieces; with only two pieces that is the sentence itself.
      if (i + 1 < merged.length && merged.length > 2) out.push(`${p} ${merged[i + 1]}`);
    });
  }
  return [...new Set(out)];
}
