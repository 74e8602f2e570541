// The matcher's contract, shared by the extension, the CLI and the tests.
import type { ClaimEvidence, MeaningInput, SentenceRef } from './by-meaning';

export interface ClaimScore {
  claimId: string;
  /**
   * 0..1, higher is a better match; only scores over the calibrated threshold are reported. By
   * words: the lexical score; by meaning: the hybrid score (meaning/hybrid.ts), another scale.
   */
  score: number;
  /** Stated by meaning: the sentence encoder added the claim where words alone did not. */
  byMeaning?: true;
}

/** A passage of one block that states one or more claims. Offsets index the block's text. */
export interface BlockMatch {
  block: number;
  start: number;
  end: number;
  text: string;
  claims: ClaimScore[];
  /**
   * 'anchored': an outlet's report found at its exact place; 'words': a paraphrase found by words
   * (maybe with claims added by meaning); 'meaning': a paraphrase found by meaning alone.
   */
  kind: 'anchored' | 'words' | 'meaning';
}

export interface PageMatches {
  /** The outlet whose page this is (from the URL's host), or null. Its reports are never shown. */
  outletId: string | null;
  /** Whether the page as a whole is about a story in the database (the gate). */
  onStory: boolean;
  matches: BlockMatch[];
}

/** Per sentence the matcher would embed, every claim's evidence (for calibration and the eval). */
export interface SentenceEvidence extends SentenceRef {
  claims: (Omit<ClaimEvidence, 'claim'> & { claimId: string })[];
}

/**
 * Scoring is split in two so that callers can cache per block: `scoreBlock` depends only on the
 * block's text (so a re-render or a late paragraph costs only the new blocks), and `decide` applies
 * the page-level story gate and the outlet rules over all blocks. Matching by meaning is a second
 * pass: `meaningCandidates` names the sentences worth a sentence vector (none on a page that is not
 * about a known story), and `decide` given their vectors adds what meaning finds to what words do.
 */
export interface Matcher<BlockScores = unknown> {
  scoreBlock(text: string): BlockScores;
  meaningCandidates(blocks: readonly BlockScores[]): SentenceRef[];
  /** `published`: the page's own date (YYYY-MM-DD) where its markup states one; the gate weighs it. */
  decide(input: {
    url: string;
    blocks: readonly BlockScores[];
    meaning?: MeaningInput;
    published?: string | null;
  }): PageMatches;
  meaningEvidence(input: { blocks: readonly BlockScores[]; meaning: MeaningInput }): SentenceEvidence[];
  matchPage(input: { url: string; blocks: readonly string[]; published?: string | null }): PageMatches;
}
