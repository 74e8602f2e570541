// The story gate's measure of how much of a story a page states: each of the story's claims counts
// once, by its best score on the page, and only where that score reaches the bar at which a claim
// is taken as stated. By words the scores are the lexical matcher's; by meaning they are calibrated
// probabilities, so the sum is how many of the story's facts the page states, in expectation.
// It does not grow with a page's length, only with the facts it states and how surely: a short
// article that states four facts plainly opens the gate as a long one does, while a page about the
// same place and actors in another month, which shares the story's names and one or two of its
// background facts, does not (the bars are in match/tuning.ts and meaning/tuning.ts).

/** The sum of the claims' best scores that reach `bar` (one score per claim of the story). */
export function storyEvidenceSum(bestScores: readonly number[], bar: number): number {
  let sum = 0;
  for (const score of bestScores) if (score >= bar) sum += score;
  return sum;
}
