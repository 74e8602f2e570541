// Phase 1's experiment with clause windows (src/research/meaning-eval.ts): a sentence that states
// two facts has a vector between the two, while each of its clauses sits near one. The shipped
// matcher scores whole sentences only (core/meaning/hybrid.ts, meaningFromSimilarities); the
// experiment measures what scoring the clauses would add.
import { meaningFromSimilarities, type ClaimMeaning } from '../core/meaning/hybrid';

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

/**
 * The meaning evidence for every claim of one story, for one sentence and its clause windows:
 * `windows[0]` is the whole sentence, the rest its clause windows (clauseWindows); `claims[c]`
 * holds claim c's text vectors. All vectors are unit length.
 */
export function sentenceMeaning(
  windows: readonly Float32Array[],
  claims: readonly (readonly Float32Array[])[],
): ClaimMeaning[] {
  // sims[w][c]: window w's best similarity to claim c.
  return meaningFromSimilarities(
    windows.map((v) => claims.map((texts) => texts.reduce((best, t) => Math.max(best, dot(v, t)), -1))),
  );
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
    .split(
      /(?<=[,;:])\s+|\s+[—–-]\s+|\s+(?=(?:and|but|while|after|before|where|which|who|because|although|though|whereas)\s)/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const words = (s: string): number => s.split(/\s+/).length;
  const merged: string[] = [];
  for (const p of pieces) {
    const last = merged.length - 1;
    if (last >= 0 && (words(p) < MIN_CLAUSE_WORDS || words(merged[last]!) < MIN_CLAUSE_WORDS))
      merged[last] = `${merged[last]} ${p}`;
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
