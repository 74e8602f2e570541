// The matcher: finds the passages of a page that state claims of the database.
// scoreBlock (per block, cacheable) segments the block into sentences and scores each against the
// claims the index retrieves for it; decide (per page) applies the story gate, anchors the page
// outlet's own reports at their exact place and removes what that outlet's reader must not see.
import { createOutletLookup } from '../database/outlets';
import { lexiconOf, type Database } from '../database/combine';
import { matchTerms } from '../terms/match-terms';
import { blockStarts, joinBlocks } from '../text/joined-blocks';
import { splitSentences } from '../text/segment';
import { prepareSelector, QuoteAnchorer, type PreparedSelector } from './anchor-quote';
import { ClaimIndex, type CandidateScore } from './claim-index';
import type { SerializedIndex } from './index-format';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import type { BlockMatch, ClaimScore, Matcher, PageMatches } from './types';

export interface PassageScores {
  start: number;
  end: number;
  /** Claims scoring at least tuning.keepFloor, best first. */
  candidates: CandidateScore[];
  /** The passage's terms, kept only when a claim is near enough the threshold to be rescued. */
  terms?: string[];
}

export interface BlockScores {
  text: string;
  passages: PassageScores[];
  /** Story names (names that signal a story) the block mentions. */
  storyNames: string[];
}

/**
 * Claims kept per passage, best first, before the page's story gate: in all and per story. Six per
 * story, not fewer: a caption can state five facts of one story, and the fuzzy rescue can lift a
 * claim ranked below the first three over the threshold (at 3, two labelled facts were lost).
 */
const MAX_CANDIDATES = 1000;
const MAX_CANDIDATES_PER_STORY = 6;

export interface MatcherOptions {
  /** Override calibrated numbers (the eval's calibration sweep does; the extension never does). */
  tuning?: Partial<Tuning>;
}

export function createMatcher(db: Database, index: SerializedIndex, options: MatcherOptions = {}): Matcher<BlockScores> {
  const tuning: Tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const claims = new ClaimIndex(index, tuning);
  if (index.claims.length !== db.claims.length || index.claims.some((id, i) => db.claims[i]!.id !== id)) {
    throw new Error('the claim index was built for other claim packs; rebuild it (npm run build:index) or build it from these packs');
  }
  const lexicon = lexiconOf(db);
  const threshold = tuning.threshold;
  const articleOutlet = new Map(db.articles.map((a) => [a.id, a.outlet]));
  const claimById = new Map(db.claims.map((c) => [c.id, c]));
  // Whether any outlet but `outletId` reports a claim: a claim only the page's own outlet reports
  // is never offered (there would be nothing to show). Memoised: asked only on outlets' pages.
  const othersReport = new Map<string, boolean>();
  const reportedByOthers = (claimId: string, outletId: string): boolean => {
    const key = `${outletId}\u0000${claimId}`;
    let known = othersReport.get(key);
    if (known === undefined) {
      known = (claimById.get(claimId)?.reports ?? []).some((r) => articleOutlet.get(r.article) !== outletId);
      othersReport.set(key, known);
    }
    return known;
  };
  // Per outlet, the reports from its own articles, for anchoring on its pages.
  const ownReports = new Map<string, { claimId: string; selector: PreparedSelector }[]>();
  const reportsOf = (outletId: string): { claimId: string; selector: PreparedSelector }[] => {
    let list = ownReports.get(outletId);
    if (list === undefined) {
      list = db.claims.flatMap((c) =>
        c.reports.filter((r) => articleOutlet.get(r.article) === outletId).map((r) => ({ claimId: c.id, selector: prepareSelector(r) })),
      );
      ownReports.set(outletId, list);
    }
    return list;
  };

  const storyNames = index.storyNames.map((names) => new Set(names));
  const allStoryNames = new Set(index.storyNames.flat());
  const outlets = createOutletLookup(db.outlets);

  const scoreBlock = (text: string): BlockScores => {
    const passages: PassageScores[] = [];
    const namesSeen = new Set<string>();
    for (const span of splitSentences(text)) {
      const terms = matchTerms(text.slice(span.start, span.end), lexicon);
      for (const t of terms) if (allStoryNames.has(t)) namesSeen.add(t);
      if (terms.length < 2) continue;
      const candidates = claims.scoreTerms(terms, tuning.keepFloor);
      if (candidates.length === 0) continue;
      // Bounded so that a huge database cannot make a block's cached scores huge, per story so
      // that many look-alike stories cannot crowd out the one the page is about.
      const perStory = new Map<number, number>();
      const kept = candidates.filter((c) => {
        const story = claims.claimStory[c.claim]!;
        const n = perStory.get(story) ?? 0;
        perStory.set(story, n + 1);
        return n < MAX_CANDIDATES_PER_STORY;
      }).slice(0, MAX_CANDIDATES);
      const passage: PassageScores = { start: span.start, end: span.end, candidates: kept };
      if (kept.some((c) => c.parts !== undefined)) passage.terms = [...new Set(terms)];
      passages.push(passage);
    }
    return { text, passages, storyNames: [...namesSeen] };
  };

  const anchorOwnReports = (outletId: string, blocks: readonly BlockScores[]): BlockMatch[] => {
    const own = reportsOf(outletId);
    if (own.length === 0) return [];
    const texts = blocks.map((b) => b.text);
    const starts = blockStarts(texts);
    const anchorer = new QuoteAnchorer(joinBlocks(texts));
    const found: BlockMatch[] = [];
    for (const { claimId, selector } of own) {
      if (!reportedByOthers(claimId, outletId)) continue; // nothing another outlet says about it
      const range = anchorer.anchor(selector);
      if (range === null) continue;
      // Split the page range into per-block ranges (a quote rarely crosses blocks, but may).
      blocks.forEach((b, block) => {
        const s = Math.max(range.start, starts[block]!);
        const e = Math.min(range.end, starts[block]! + b.text.length);
        if (e <= s) return;
        const start = s - starts[block]!;
        const end = e - starts[block]!;
        const same = found.find((m) => m.block === block && m.start === start && m.end === end);
        if (same) {
          if (!same.claims.some((c) => c.claimId === claimId)) same.claims.push({ claimId, score: 1 });
        } else {
          found.push({ block, start, end, text: b.text.slice(start, end), claims: [{ claimId, score: 1 }], kind: 'anchored' });
        }
      });
    }
    return found;
  };

  const decide = ({ url, blocks }: { url: string; blocks: readonly BlockScores[] }): PageMatches => {
    const outlet = outlets.forUrl(url);
    const outletId = outlet?.id ?? null;

    // The story gate: a story's claims are shown only on a page that states several of them well.
    const strongClaimsByStory = new Map<number, Set<number>>();
    for (const block of blocks) {
      for (const passage of block.passages) {
        for (const c of passage.candidates) {
          if (c.score < tuning.gateScore) continue;
          const story = claims.claimStory[c.claim]!;
          let set = strongClaimsByStory.get(story);
          if (!set) strongClaimsByStory.set(story, (set = new Set()));
          set.add(c.claim);
        }
      }
    }
    const pageNames = new Set(blocks.flatMap((b) => b.storyNames));
    const namesStory = (story: number): boolean => {
      let named = 0;
      for (const name of storyNames[story] ?? []) if (pageNames.has(name)) named++;
      return named >= tuning.gateMinStoryNames;
    };
    const storiesOnPage = new Set(
      [...strongClaimsByStory].filter(([story, set]) => set.size >= tuning.gateMinClaims && namesStory(story)).map(([story]) => story),
    );

    const anchored = outletId ? anchorOwnReports(outletId, blocks) : [];
    const matches: BlockMatch[] = [...anchored];
    blocks.forEach((block, blockIndex) => {
      for (const passage of block.passages) {
        const stated: ClaimScore[] = [];
        // Only the page's stories compete: another story's claim never crowds out this one's.
        const onPage = passage.candidates
          .filter((c) => storiesOnPage.has(claims.claimStory[c.claim]!))
          .map((c) => (c.parts && passage.terms ? { claim: c.claim, score: claims.rescue(c, new Set(passage.terms)) ?? c.score } : c))
          .sort((a, b) => b.score - a.score);
        const best = onPage[0]?.score ?? 0;
        for (const c of onPage) {
          if (c.score < threshold || c.score < best * tuning.secondaryRatio) continue;
          const claimId = claims.claimIds[c.claim]!;
          if (outletId !== null && !reportedByOthers(claimId, outletId)) continue;
          stated.push({ claimId, score: Math.round(c.score * 1000) / 1000 });
        }
        if (stated.length === 0) continue;
        // Where the outlet's own words are anchored, the exact quote wins over a paraphrase.
        const overlapsAnchored = anchored.some((a) => a.block === blockIndex && a.start < passage.end && passage.start < a.end);
        if (overlapsAnchored) continue;
        matches.push({ block: blockIndex, start: passage.start, end: passage.end, text: block.text.slice(passage.start, passage.end), claims: stated, kind: 'fuzzy' });
      }
    });
    matches.sort((a, b) => a.block - b.block || a.start - b.start);
    return { outletId, onStory: storiesOnPage.size > 0 || anchored.length > 0, matches };
  };

  return {
    scoreBlock,
    decide,
    matchPage: ({ url, blocks }) => decide({ url, blocks: blocks.map(scoreBlock) }),
  };
}
