// Matching in the service worker: the database and its index are loaded once per worker lifetime
// (not once per tab), and scoreBlock results are cached by block text, so a re-render, a late
// paragraph or a second tab on the same article costs only the blocks not seen before.
// Matching by meaning is a second, slower answer: `decide` answers at once, by words and by the
// sentence vectors already known, and says whether sentences still await the model
// (`meaning: 'pending'`); `decideWithMeaning` embeds them (loading the model the first time) and
// answers again. Meaning only adds, so the second answer keeps every passage of the first. The
// claims' vectors are those of this set of packs (an added pack's made by the meaning service).
import type { LoadedDatabase } from '../../core/database/load';
import { claimTextsOf, type ClaimVectorLookup } from '../../core/meaning/claim-vectors';
import type { MeaningInput } from '../../core/match/by-meaning';
import type { BlockScores } from '../../core/match/matcher';
import type { Matcher, PageMatches } from '../../core/match/types';
import type { ClaimView } from '../../core/claim-view/types';
import { passageClaimKey, type MatchResult, type MeaningState } from '../messaging/protocol';
import { isoDay } from '../../core/text/page-date';
import { LruCache } from '../helpers/lru-cache';
import type { MeaningService } from '../meaning/meaning-service';

export interface MatchingDeps {
  db: LoadedDatabase;
  matcher: Matcher<BlockScores>;
  present(
    db: LoadedDatabase,
    claimId: string,
    options: { excludeOutletId: string | null; score: number; passage?: string },
  ): ClaimView;
}

/** Block texts cached: a long article has ~100 blocks; this holds a few dozen pages' worth. */
export const BLOCK_CACHE_SIZE = 5000;

/** Passages' own views of their claims cached (a page is matched again as it changes): a few dozen pages' worth. */
export const PASSAGE_VIEW_CACHE_SIZE = 2000;

export interface MatchingService {
  readonly cache: LruCache<string, BlockScores>;
  /** One block's scores (cached by text). */
  score(text: string): BlockScores;
  /** The page's matches from its blocks' scores, with the claims they state: by words and the sentence vectors at hand. */
  /** `published`: the page's own date (YYYY-MM-DD) where it states one; the story gate weighs it (anything else is ignored). */
  decide(url: string, blocks: readonly BlockScores[], published?: string | null): MatchResult;
  /** The same once every sentence the matcher names for meaning has its vector (the model runs here). */
  decideWithMeaning(url: string, blocks: readonly BlockScores[], published?: string | null): Promise<MatchResult>;
  /** score + decide. */
  match(url: string, blocks: readonly string[]): MatchResult;
}

export function createMatchingService(
  load: () => MatchingDeps,
  meaning: MeaningService | null = null,
): MatchingService {
  let deps: MatchingDeps | null = null;
  const loaded = (): MatchingDeps => (deps ??= load());
  const cache = new LruCache<string, BlockScores>(BLOCK_CACHE_SIZE);
  const score = (text: string): BlockScores => cache.getOrCompute(text, loaded().matcher.scoreBlock);
  // Reading a passage's figures and comparing them costs about a millisecond per passage and
  // claim; the answer depends only on the outlet, the claim and the passage's words.
  const passageViews = new LruCache<string, ClaimView | null>(PASSAGE_VIEW_CACHE_SIZE);

  /**
   * The claims the page's passages state, as a reader is shown them: one view per claim, and where
   * a passage states values of its own ("This page"), a view of the claim for that passage.
   */
  const present = (page: PageMatches): Pick<MatchResult, 'claims' | 'passageClaims'> => {
    const { db, present: view } = loaded();
    const claims: Record<string, ClaimView> = {};
    const passageClaims: Record<string, ClaimView> = {};
    if (!page.onStory) return { claims, passageClaims };
    const best = new Map<string, number>();
    for (const m of page.matches) {
      for (const c of m.claims) best.set(c.claimId, Math.max(best.get(c.claimId) ?? 0, c.score));
    }
    for (const [claimId, s] of best) claims[claimId] = view(db, claimId, { excludeOutletId: page.outletId, score: s });
    page.matches.forEach((m, i) => {
      for (const c of m.claims) {
        const own = passageViews.getOrCompute(`${page.outletId ?? ''}\u0000${c.claimId}\u0000${m.text}`, () => {
          const built = view(db, c.claimId, { excludeOutletId: page.outletId, score: c.score, passage: m.text });
          return built.pageKinds > (claims[c.claimId]?.pageKinds ?? 0) ? built : null;
        });
        if (own) passageClaims[passageClaimKey(i, c.claimId)] = { ...own, score: c.score };
      }
    });
    return { claims, passageClaims };
  };

  /** The distinct texts of the sentences the matcher names for meaning (none on an ordinary page). */
  const candidateTexts = (blocks: readonly BlockScores[]): string[] => {
    if (meaning === null || !meaning.usable) return [];
    return [
      ...new Set(
        loaded()
          .matcher.meaningCandidates(blocks)
          .map((s) => s.text),
      ),
    ];
  };

  // This pack set's claim vectors, once made (null until then, and when the model cannot load).
  let claimVectors: ClaimVectorLookup | null = null;
  let makingVectors: Promise<ClaimVectorLookup | null> | null = null;
  const claimVectorsMade = (service: MeaningService): Promise<ClaimVectorLookup | null> =>
    (makingVectors ??= service
      .claimVectorsFor(claimTextsOf(loaded().db.combined))
      .then((made) => (claimVectors = made)));

  const answer = (
    url: string,
    blocks: readonly BlockScores[],
    published: unknown,
    vectors: ReadonlyMap<string, Float32Array>,
    state: MeaningState,
  ): MatchResult => {
    const input: MeaningInput | undefined =
      claimVectors !== null && vectors.size > 0 ? { claimVectors, sentenceVectors: vectors } : undefined;
    // The date comes from the page: only a real YYYY-MM-DD day is passed on.
    const page = loaded().matcher.decide({
      url,
      blocks,
      meaning: input,
      published: typeof published === 'string' ? isoDay(published) : null,
    });
    return { page, ...present(page), meaning: state };
  };

  const decide = (url: string, blocks: readonly BlockScores[], published: string | null = null): MatchResult => {
    const texts = candidateTexts(blocks);
    if (texts.length === 0 || meaning === null) return answer(url, blocks, published, new Map(), 'none');
    const known = meaning.known(texts);
    return answer(
      url,
      blocks,
      published,
      known,
      known.size === texts.length && claimVectors !== null ? 'done' : 'pending',
    );
  };

  return {
    cache,
    score,
    decide,
    async decideWithMeaning(url, blocks, published = null) {
      const texts = candidateTexts(blocks);
      if (texts.length === 0 || meaning === null) return answer(url, blocks, published, new Map(), 'none');
      const made = await claimVectorsMade(meaning);
      const vectors = made === null ? null : await meaning.vectors(texts);
      // The model could not be loaded: words alone, and no more asking.
      return vectors === null
        ? answer(url, blocks, published, new Map(), 'none')
        : answer(url, blocks, published, vectors, 'done');
    },
    match: (url, blocks) => decide(url, blocks.map(score)),
  };
}
