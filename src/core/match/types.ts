// The matcher's contract, shared by the extension, the CLI and the tests.

export interface ClaimScore {
  claimId: string;
  /** 0..1, higher is a better match; only scores over the calibrated threshold are reported. */
  score: number;
}

/** A passage of one block that states one or more claims. Offsets index the block's text. */
export interface BlockMatch {
  block: number;
  start: number;
  end: number;
  text: string;
  claims: ClaimScore[];
  /** 'anchored': an outlet's report found at its exact place; 'fuzzy': a paraphrase. */
  kind: 'anchored' | 'fuzzy';
}

export interface PageMatches {
  /** The outlet whose page this is (from the URL's host), or null. Its reports are never shown. */
  outletId: string | null;
  /** Whether the page as a whole is about a story in the database (the gate). */
  onStory: boolean;
  matches: BlockMatch[];
}

/**
 * Scoring is split in two so that callers can cache per block: `scoreBlock` depends only on the
 * block's text (so a re-render or a late paragraph costs only the new blocks), and `decide` applies
 * the page-level story gate and the outlet rules over all blocks.
 */
export interface Matcher<BlockScores = unknown> {
  scoreBlock(text: string): BlockScores;
  decide(input: { url: string; blocks: readonly BlockScores[] }): PageMatches;
  matchPage(input: { url: string; blocks: readonly string[] }): PageMatches;
}
