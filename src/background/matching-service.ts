// Matching in the service worker: the database and its index are loaded once per worker lifetime
// (not once per tab), and scoreBlock results are cached by block text, so a re-render, a late
// paragraph or a second tab on the same article costs only the blocks not seen before.
import type { LoadedDatabase } from '../core/database/load';
import type { BlockScores } from '../core/match/matcher';
import type { Matcher } from '../core/match/types';
import type { ClaimView } from '../core/claim-view/types';
import type { MatchResult } from '../messaging/protocol';
import { LruCache } from './lru-cache';

export interface MatchingDeps {
  db: LoadedDatabase;
  matcher: Matcher<BlockScores>;
  present(db: LoadedDatabase, claimId: string, options: { excludeOutletId: string | null; score: number }): ClaimView;
}

/** Block texts cached: a long article has ~100 blocks; this holds a few dozen pages' worth. */
export const BLOCK_CACHE_SIZE = 5000;

export interface MatchingService {
  readonly cache: LruCache<string, BlockScores>;
  /** One block's scores (cached by text). */
  score(text: string): BlockScores;
  /** The page's matches from its blocks' scores, with the claims they state. */
  decide(url: string, blocks: readonly BlockScores[]): MatchResult;
  /** score + decide. */
  match(url: string, blocks: readonly string[]): MatchResult;
}

export function createMatchingService(load: () => MatchingDeps): MatchingService {
  let deps: MatchingDeps | null = null;
  const loaded = (): MatchingDeps => (deps ??= load());
  const cache = new LruCache<string, BlockScores>(BLOCK_CACHE_SIZE);
  const score = (text: string): BlockScores => cache.getOrCompute(text, loaded().matcher.scoreBlock);
  const decide = (url: string, blocks: readonly BlockScores[]): MatchResult => {
    const { db, matcher, present } = loaded();
    const page = matcher.decide({ url, blocks });
    const claims: Record<string, ClaimView> = {};
    if (page.onStory) {
      const best = new Map<string, number>();
      for (const m of page.matches) {
        for (const c of m.claims) best.set(c.claimId, Math.max(best.get(c.claimId) ?? 0, c.score));
      }
      for (const [claimId, score] of best) {
        claims[claimId] = present(db, claimId, { excludeOutletId: page.outletId, score });
      }
    }
    return { page, claims };
  };
  return {
    cache,
    score,
    decide,
    match: (url, blocks) => decide(url, blocks.map(score)),
  };
}
