// The matcher: finds the passages of a page that state claims of the database.
// scoreBlock (per block, cacheable) segments the block into sentences and scores each against the
// claims the index retrieves for it; decide (per page) applies the story gate, anchors the page
// outlet's own reports at their exact place and removes what that outlet's reader must not see.
// With sentence vectors (for the sentences meaningCandidates names) decide also matches by meaning:
// what words state stands, and meaning adds claims whose hybrid score passes its own threshold
// (by-meaning.ts; numbers in meaning/tuning.ts); the gate may then open by meaning too.
import { createOutletLookup } from '../database/outlets';
import { lexiconOf, type Database } from '../database/combine';
import { DEFAULT_MEANING_TUNING, type MeaningTuning } from '../meaning/tuning';
import { matchTerms } from '../terms/match-terms';
import { blockStarts, joinBlocks } from '../text/joined-blocks';
import { splitSentences } from '../text/segment';
import { prepareSelector, QuoteAnchorer, type PreparedSelector } from './anchor-quote';
import {
  scoreEvidence,
  storyEvidence,
  storySpace,
  type ClaimEvidence,
  type MeaningInput,
  type SentenceRef,
} from './by-meaning';
import { betterOfBoth, storyEvidenceSum } from './story-gate';
import { pageTiming, storyDays } from './page-timing';
import { ClaimIndex, type CandidateScore } from './claim-index';
import type { SerializedIndex } from './index-format';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import type { BlockMatch, ClaimScore, Matcher, PageMatches, SentenceEvidence } from './types';

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
  meaningTuning?: Partial<MeaningTuning>;
}

export function createMatcher(
  db: Database,
  index: SerializedIndex,
  options: MatcherOptions = {},
): Matcher<BlockScores> {
  const tuning: Tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const meaningTuning: MeaningTuning = { ...DEFAULT_MEANING_TUNING, ...options.meaningTuning };
  const claims = new ClaimIndex(index, tuning);
  if (index.claims.length !== db.claims.length || index.claims.some((id, i) => db.claims[i]!.id !== id)) {
    throw new Error(
      'the claim index was built for other claim packs; rebuild it (npm run build:index) or build it from these packs',
    );
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
        c.reports
          .filter((r) => articleOutlet.get(r.article) === outletId)
          .map((r) => ({ claimId: c.id, selector: prepareSelector(r) })),
      );
      ownReports.set(outletId, list);
    }
    return list;
  };

  const storyNames = index.storyNames.map((names) => new Set(names));
  const allStoryNames = new Set(index.storyNames.flat());
  const outlets = createOutletLookup(db.outlets);
  const claimsOfStory: number[][] = index.stories.map(() => []);
  claims.claimStory.forEach((story, claim) => claimsOfStory[story]?.push(claim));
  const claimIdsOfStory = claimsOfStory.map((list) => list.map((claim) => claims.claimIds[claim]!));
  // Per story (index.stories holds pack ids), its days: the pack's date and its articles' dates.
  const daysOfStory = index.stories.map((packId) =>
    storyDays(
      db.packs.find((p) => p.id === packId)?.date ?? null,
      db.articles.filter((a) => a.pack === packId).map((a) => a.published),
    ),
  );

  /**
   * The cheap first test of a page being about a story: it names at least gateMinStoryNames of the
   * story's names (places, groups, people). Both gates need it; meaning runs only behind it.
   */
  const namedStories = (blocks: readonly BlockScores[]): Set<number> => {
    const pageNames = new Set(blocks.flatMap((b) => b.storyNames));
    const named = new Set<number>();
    storyNames.forEach((names, story) => {
      let count = 0;
      for (const name of names) if (pageNames.has(name)) count++;
      if (count >= tuning.gateMinStoryNames) named.add(story);
    });
    return named;
  };

  /** A passage's lexical scores, the fuzzy rescue applied to claims just under the threshold. */
  const lexicalScores = (passage: PassageScores, stories: ReadonlySet<number>): CandidateScore[] => {
    let terms: Set<string> | undefined;
    return passage.candidates
      .filter((c) => stories.has(claims.claimStory[c.claim]!))
      .map((c) =>
        c.parts && passage.terms
          ? { claim: c.claim, score: claims.rescue(c, (terms ??= new Set(passage.terms))) ?? c.score }
          : c,
      )
      .sort((a, b) => b.score - a.score);
  };

  /** Per claim of the named stories, its best score by words where words state it (as highlights are decided). */
  const bestByWords = (blocks: readonly BlockScores[], named: ReadonlySet<number>): Map<number, number> => {
    const best = new Map<number, number>();
    for (const block of blocks) {
      for (const passage of block.passages) {
        const scores = lexicalScores(passage, named);
        const top = scores[0]?.score ?? 0;
        for (const c of scores) {
          if (c.score < threshold || c.score < top * tuning.secondaryRatio) continue;
          best.set(c.claim, Math.max(best.get(c.claim) ?? 0, c.score));
        }
      }
    }
    return best;
  };

  /**
   * The stories whose gate words open: the page names them and its sentences state (as highlights
   * are decided: threshold and secondary ratio among the story's claims) enough of their claims,
   * strongly enough all told (story-gate.ts).
   */
  const gatedByWords = (
    blocks: readonly BlockScores[],
    named: ReadonlySet<number>,
    best = bestByWords(blocks, named),
  ): Set<number> => {
    return new Set(
      [...named].filter((story) => {
        const scores = (claimsOfStory[story] ?? []).map((claim) => best.get(claim) ?? 0);
        return (
          storyEvidenceSum(scores, tuning.gateClaimScore) >= tuning.gateEvidence &&
          scores.filter((x) => x >= tuning.gateClaimScore).length >= tuning.gateMinClaims
        );
      }),
    );
  };

  /**
   * The stories meaning reads a passage for: those of its candidates the page names and, where
   * words leave a named story's gate shut, that story too, whatever the passage's words: a page
   * that names a story but words its facts its own way is read whole (a short article has few
   * sentences, and many state a fact without one distinctive word of any outlet's version).
   */
  const storiesToRead = (
    passage: PassageScores,
    named: ReadonlySet<number>,
    shut: ReadonlySet<number>,
  ): Set<number> => {
    const stories = new Set(
      passage.candidates.map((c) => claims.claimStory[c.claim]!).filter((story) => named.has(story)),
    );
    for (const story of shut) stories.add(story);
    return stories;
  };

  /** The named stories whose gate words leave shut (all of them when meaning reads every candidate). */
  const shutByWords = (blocks: readonly BlockScores[], named: ReadonlySet<number>): Set<number> => {
    if (!meaningTuning.onlyNearMisses) return new Set(named);
    const open = gatedByWords(blocks, named);
    return new Set([...named].filter((story) => !open.has(story)));
  };

  /**
   * Sentences worth a sentence vector: on a page that passes the cheap test for a story (an
   * ordinary page names no story and gets none: no model runs for it), every sentence where words
   * leave that story's gate shut; where words open it, only sentences with a claim the words
   * nearly state (a candidate within rescueMargin of the threshold, or held back by the secondary
   * ratio, that they do not state): that is where meaning adds what it adds.
   */
  const meaningCandidates = (blocks: readonly BlockScores[]): SentenceRef[] => {
    const named = namedStories(blocks);
    if (named.size === 0) return [];
    const shut = shutByWords(blocks, named);
    const near = tuning.threshold - tuning.rescueMargin;
    const out: SentenceRef[] = [];
    blocks.forEach((block, blockIndex) => {
      for (const p of block.passages) {
        const stories = storiesToRead(p, named, shut);
        if (stories.size === 0) continue;
        let worth = [...stories].some((story) => shut.has(story));
        if (!worth) {
          const scores = lexicalScores(p, stories);
          const best = scores[0]?.score ?? 0;
          worth = scores.some(
            (c) => c.score >= near && !(c.score >= threshold && c.score >= best * tuning.secondaryRatio),
          );
        }
        if (worth) out.push({ block: blockIndex, start: p.start, end: p.end, text: block.text.slice(p.start, p.end) });
      }
    });
    return out;
  };

  /**
   * Per candidate sentence with a vector, the evidence for every claim of its named stories. Only
   * the sentences meaningCandidates names count, whatever other vectors the caller holds, so the
   * answer never depends on what was embedded before.
   */
  const evidenceOf = (
    blocks: readonly BlockScores[],
    meaning: MeaningInput,
    named: ReadonlySet<number>,
  ): Map<PassageScores, ClaimEvidence[]> => {
    const out = new Map<PassageScores, ClaimEvidence[]>();
    const wanted = new Set(meaningCandidates(blocks).map((s) => `${s.block}:${s.start}`));
    const shut = shutByWords(blocks, named);
    blocks.forEach((block, blockIndex) => {
      for (const passage of block.passages) {
        if (!wanted.has(`${blockIndex}:${passage.start}`)) continue;
        const stories = storiesToRead(passage, named, shut);
        if (stories.size === 0) continue;
        const vector = meaning.sentenceVectors.get(block.text.slice(passage.start, passage.end));
        if (vector === undefined) continue;
        const lexical = new Map(lexicalScores(passage, stories).map((c) => [c.claim, c.score]));
        out.set(
          passage,
          [...stories].flatMap((story) => {
            const storyClaims = claimsOfStory[story] ?? [];
            const space = storySpace(index.stories[story]!, claimIdsOfStory[story] ?? [], meaning.claimVectors);
            return storyEvidence(vector, storyClaims, claims.claimIds, lexical, meaning.claimVectors, space);
          }),
        );
      }
    });
    return out;
  };

  const scoreBlock = (text: string): BlockScores => {
    const passages: PassageScores[] = [];
    const namesSeen = new Set<string>();
    for (const span of splitSentences(text)) {
      const terms = matchTerms(text.slice(span.start, span.end), lexicon);
      for (const t of terms) if (allStoryNames.has(t)) namesSeen.add(t);
      if (terms.length < 2) continue;
      // A sentence without a candidate is kept too (no candidates): meaning may read it on a page
      // that names a story but words its facts its own way.
      const candidates = claims.scoreTerms(terms, tuning.keepFloor);
      // Bounded so that a huge database cannot make a block's cached scores huge, per story so
      // that many look-alike stories cannot crowd out the one the page is about.
      const perStory = new Map<number, number>();
      const kept = candidates
        .filter((c) => {
          const story = claims.claimStory[c.claim]!;
          const n = perStory.get(story) ?? 0;
          perStory.set(story, n + 1);
          return n < MAX_CANDIDATES_PER_STORY;
        })
        .slice(0, MAX_CANDIDATES);
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
          found.push({
            block,
            start,
            end,
            text: b.text.slice(start, end),
            claims: [{ claimId, score: 1 }],
            kind: 'anchored',
          });
        }
      });
    }
    return found;
  };

  const decide = ({
    url,
    blocks,
    meaning,
    published,
  }: {
    url: string;
    blocks: readonly BlockScores[];
    meaning?: MeaningInput;
    published?: string | null;
  }): PageMatches => {
    const outlet = outlets.forUrl(url);
    const outletId = outlet?.id ?? null;
    const named = namedStories(blocks);

    // The story gate: a story's claims are shown only on a page that names the story and states
    // several of its claims well, by words (lexical score) or by meaning (hybrid score).
    const byWords = bestByWords(blocks, named);
    const storiesOnPage = gatedByWords(blocks, named, byWords);
    // Hybrid scores per candidate sentence. The gate by meaning counts each claim once, by the
    // better of meaning's and words' evidence for it: a short page states a fact by words in one
    // sentence and another in its own words elsewhere, and both are facts of the story.
    const hybrid = new Map<PassageScores, { claim: number; score: number }[]>();
    if (meaning !== undefined && named.size > 0) {
      const bestByMeaning = new Map<number, number>();
      for (const [passage, evidence] of evidenceOf(blocks, meaning, named)) {
        const scored = scoreEvidence(evidence, meaningTuning.weights);
        hybrid.set(passage, scored);
        for (const c of scored) bestByMeaning.set(c.claim, Math.max(bestByMeaning.get(c.claim) ?? 0, c.score));
      }
      for (const story of named) {
        const storyClaims = claimsOfStory[story] ?? [];
        const scores = betterOfBoth(
          storyClaims.map((claim) => byWords.get(claim) ?? 0),
          storyClaims.map((claim) => bestByMeaning.get(claim) ?? 0),
        );
        const evidence = storyEvidenceSum(scores, meaningTuning.gateClaimScore);
        // A page dated in the story's days (page-timing.ts) opens at the words' own bar, on the
        // better of both: three claims whose scores sum to gateEvidence. Undated or dated outside
        // them, it needs meaning's full bar, as before.
        const inStoryDays = pageTiming(published, daysOfStory[story] ?? null) === 'in-story-days';
        const dayBar =
          inStoryDays &&
          evidence >= tuning.gateEvidence &&
          scores.filter((x) => x >= meaningTuning.gateClaimScore).length >= tuning.gateMinClaims;
        if (evidence >= meaningTuning.gateEvidence || dayBar) storiesOnPage.add(story);
      }
    }

    const anchored = outletId ? anchorOwnReports(outletId, blocks) : [];
    const matches: BlockMatch[] = [...anchored];
    const shown = (claim: number): boolean => outletId === null || reportedByOthers(claims.claimIds[claim]!, outletId);
    blocks.forEach((block, blockIndex) => {
      for (const passage of block.passages) {
        const stated: ClaimScore[] = [];
        // Only the page's stories compete: another story's claim never crowds out this one's.
        const onPage = lexicalScores(passage, storiesOnPage);
        const best = onPage[0]?.score ?? 0;
        for (const c of onPage) {
          if (c.score < threshold || c.score < best * tuning.secondaryRatio) continue;
          if (!shown(c.claim)) continue;
          stated.push({ claimId: claims.claimIds[c.claim]!, score: Math.round(c.score * 1000) / 1000 });
        }
        const byWords = stated.length;
        // Meaning adds the claims it is sure of; what words state stands (drawn first, never moved).
        const scored = (hybrid.get(passage) ?? [])
          .filter((c) => storiesOnPage.has(claims.claimStory[c.claim]!))
          .sort((a, b) => b.score - a.score);
        const bestHybrid = scored[0]?.score ?? 0;
        for (const c of scored) {
          if (c.score < meaningTuning.threshold || c.score < bestHybrid * meaningTuning.secondaryRatio) continue;
          const claimId = claims.claimIds[c.claim]!;
          if (!shown(c.claim) || stated.some((x) => x.claimId === claimId)) continue;
          stated.push({ claimId, score: Math.round(c.score * 1000) / 1000, byMeaning: true });
        }
        if (stated.length === 0) continue;
        // Where the outlet's own words are anchored, the exact quote wins over a paraphrase.
        const overlapsAnchored = anchored.some(
          (a) => a.block === blockIndex && a.start < passage.end && passage.start < a.end,
        );
        if (overlapsAnchored) continue;
        matches.push({
          block: blockIndex,
          start: passage.start,
          end: passage.end,
          text: block.text.slice(passage.start, passage.end),
          claims: stated,
          kind: byWords > 0 ? 'words' : 'meaning',
        });
      }
    });
    matches.sort((a, b) => a.block - b.block || a.start - b.start);
    return { outletId, onStory: storiesOnPage.size > 0 || anchored.length > 0, matches };
  };

  const meaningEvidence = ({
    blocks,
    meaning,
  }: {
    blocks: readonly BlockScores[];
    meaning: MeaningInput;
  }): SentenceEvidence[] => {
    const refs = new Map<PassageScores, SentenceRef>();
    blocks.forEach((block, blockIndex) => {
      for (const p of block.passages)
        refs.set(p, { block: blockIndex, start: p.start, end: p.end, text: block.text.slice(p.start, p.end) });
    });
    return [...evidenceOf(blocks, meaning, namedStories(blocks))].map(([passage, evidence]) => ({
      ...refs.get(passage)!,
      claims: evidence.map(({ claim, ...rest }) => ({ claimId: claims.claimIds[claim]!, ...rest })),
    }));
  };

  return {
    scoreBlock,
    meaningCandidates,
    decide,
    meaningEvidence,
    matchPage: ({ url, blocks, published }) => decide({ url, blocks: blocks.map(scoreBlock), published }),
  };
}
