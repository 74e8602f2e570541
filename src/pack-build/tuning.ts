// The builder's thresholds, per sentence encoder (scores from different models are on different
// scales), and for words alone. Chosen with `npm run pack:build -- ... --score-against` on both
// stories the repository has curated (the five Raqqa seed articles against the curated Raqqa pack,
// the five Northern Lark articles against their facts.json), the same numbers for both: from a grid
// of seed, join and prune scores, a setting whose neighbours score alike, that finds at least 0.8
// of the curated facts with at least 0.8 of its claims real on both, with the fewest stray reports.
// Tuned and measured on the same two stories: a third story would tell how well they carry over.
import type { AlignOptions } from './align';

export interface BuildTuning extends AlignOptions {
  /** How much the encoder's cosine counts against the words' in a pair's score. */
  meaningWeight: number;
  /** How much of the sentences' shared direction (the story) is taken out of their vectors (similarity.ts). */
  storyShare?: number;
}

export const WORDS_ONLY_TUNING: BuildTuning = { meaningWeight: 0, seedScore: 0.25, joinScore: 0.15, pruneScore: 0, candidatesPerArticle: 2, duplicateShare: 0.5 };

export const ENCODER_TUNING: Readonly<Record<string, BuildTuning>> = {
  'bge-small-en-v15-q': { meaningWeight: 0.8, seedScore: 0.54, joinScore: 0.44, pruneScore: 0.5, candidatesPerArticle: 2, duplicateShare: 0.5 },
  'all-minilm-l6-v2-q': { meaningWeight: 0.6, storyShare: 1, seedScore: 0.35, joinScore: 0.3, pruneScore: 0, candidatesPerArticle: 2, duplicateShare: 0.5 },
};

/** The encoder pack:build uses unless told otherwise: it told stated pairs apart best (docs/model.md). */
export const PACK_BUILD_MODEL = 'bge-small-en-v15-q';
