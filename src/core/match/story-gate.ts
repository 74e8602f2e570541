// The story gate's measure of how much of a story a page states: each of the story's claims counts
// once, by its best score on the page, and only where that score reaches the bar at which a claim
// is taken as stated. By words the scores are the lexical matcher's; by meaning they are calibrated
// probabilities, so the sum is how many of the story's facts the page states, in expectation.
// It does not grow with a page's length, only with the facts it states and how surely: a short
// article that states four facts plainly opens the gate as a long one does, while a page about the
// same place and actors in another month, which shares the story's names and one or two of its
// background facts, does not (the bars are in match/tuning.ts and meaning/tuning.ts).
// Where meaning has read the page, its gate takes each claim by the better of the two scores: a
// short article states one fact in an outlet's words and the next in its own, and counting only
// one kind of evidence left such pages blank (issue 19's Thai cave pages). A claim still counts
// once, so a page that states two facts both ways is not three facts' worth.

/** The sum of the claims' best scores that reach `bar` (one score per claim of the story). */
export function storyEvidenceSum(bestScores: readonly number[], bar: number): number {
  let sum = 0;
  for (const score of bestScores) if (score >= bar) sum += score;
  return sum;
}

/** Per claim (the two lists in the same claim order), the better of its words' and meaning's score. */
export function betterOfBoth(byWords: readonly number[], byMeaning: readonly number[]): number[] {
  if (byWords.length !== byMeaning.length)
    throw new Error(`one score per claim expected: ${byWords.length} by words, ${byMeaning.length} by meaning`);
  return byWords.map((score, k) => Math.max(score, byMeaning[k]!));
}
