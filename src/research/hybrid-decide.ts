// The experiment's stand-in for the matcher's decide step, with hybrid scores: the story gate
// (a cheap first test on story names, then enough claims stated by words or by meaning), then
// per sentence the claims over the threshold and near the sentence's best. Returns the matcher's
// PageMatches so the eval's own comparison with the labels applies unchanged.
import { hybridScore } from '../core/meaning/hybrid';
import type { MeaningTuning } from '../core/meaning/tuning';
import type { BlockMatch, PageMatches } from '../core/match/types';
import { DEFAULT_TUNING } from '../core/match/tuning';
import type { PageFeatures } from './page-features';

/** The numbers a hybrid design is decided with: the shipped matcher's (meaning/tuning.ts) and phase 1's gate score. */
export type HybridSettings = Pick<MeaningTuning, 'weights' | 'threshold' | 'secondaryRatio'> & { gateScore: number };

/** Phase 1's gate by words, as it was measured then: three claims at lexical score 0.6. */
const PHASE1_GATE = { minClaims: 3, score: 0.6 };

export interface GateOutcome {
  /** The page names enough of the story (no model runs on a page that does not). */
  preTest: boolean;
  byWords: boolean;
  byMeaning: boolean;
}

export function storyGate(page: PageFeatures, settings: HybridSettings): GateOutcome {
  const preTest = page.storyNamesNamed >= DEFAULT_TUNING.gateMinStoryNames;
  const byWordsClaims = new Set<string>();
  const byMeaningClaims = new Set<string>();
  for (const s of page.sentences) {
    for (const [claim, lexical] of s.lexical) if (lexical >= PHASE1_GATE.score) byWordsClaims.add(claim);
    for (const [claim, meaning] of s.meaning) {
      if (hybridScore(s.lexical.get(claim) ?? 0, meaning, settings.weights) >= settings.gateScore)
        byMeaningClaims.add(claim);
    }
  }
  return {
    preTest,
    byWords: byWordsClaims.size >= PHASE1_GATE.minClaims,
    byMeaning: byMeaningClaims.size >= PHASE1_GATE.minClaims,
  };
}

export function decideHybrid(page: PageFeatures, settings: HybridSettings): PageMatches & { gate: GateOutcome } {
  const gate = storyGate(page, settings);
  const onStory = gate.preTest && (gate.byWords || gate.byMeaning);
  const matches: BlockMatch[] = [];
  if (onStory) {
    for (const s of page.sentences) {
      const scored = [...s.meaning].map(([claimId, meaning]) => ({
        claimId,
        score: hybridScore(s.lexical.get(claimId) ?? 0, meaning, settings.weights),
      }));
      const best = Math.max(0, ...scored.map((c) => c.score));
      const stated = scored
        .filter((c) => c.score >= settings.threshold && c.score >= best * settings.secondaryRatio)
        .sort((a, b) => b.score - a.score)
        .map((c) => ({ claimId: c.claimId, score: Math.round(c.score * 1000) / 1000 }));
      if (stated.length > 0)
        matches.push({ block: s.block, start: s.start, end: s.end, text: s.text, claims: stated, kind: 'words' });
    }
  }
  return { outletId: null, onStory, matches, gate };
}

/**
 * The additive hybrid: the lexical matcher's decisions stand as they are (so its highlights can be
 * drawn first and never move), and meaning adds the (sentence, claim) pairs it is sure of. The
 * gate opens when the lexical gate does, or when the page passes the cheap test and meaning finds
 * enough claims stated.
 */
export function decideAdditive(
  page: PageFeatures,
  lexical: PageMatches,
  settings: HybridSettings,
): PageMatches & { gate: GateOutcome; added: number } {
  const gate = storyGate(page, settings);
  const onStory = lexical.onStory || (gate.preTest && gate.byMeaning);
  const byLexical = new Map(lexical.matches.map((m) => [`${m.block}:${m.start}`, m]));
  const matches: BlockMatch[] = [];
  let added = 0;
  for (const s of page.sentences) {
    const lexicalMatch = byLexical.get(`${s.block}:${s.start}`);
    const stated = [...(lexicalMatch?.claims ?? [])];
    if (onStory) {
      const scored = [...s.meaning].map(([claimId, meaning]) => ({
        claimId,
        score: hybridScore(s.lexical.get(claimId) ?? 0, meaning, settings.weights),
      }));
      const best = Math.max(0, ...scored.map((c) => c.score));
      for (const c of scored) {
        if (c.score < settings.threshold || c.score < best * settings.secondaryRatio) continue;
        if (stated.some((x) => x.claimId === c.claimId)) continue;
        stated.push({ claimId: c.claimId, score: Math.round(c.score * 1000) / 1000 });
        added++;
      }
    }
    if (stated.length > 0)
      matches.push({
        block: s.block,
        start: s.start,
        end: s.end,
        text: s.text,
        claims: stated,
        kind: lexicalMatch?.kind ?? 'words',
      });
  }
  // Lexical matches not on a sentence span (anchored reports) are kept as they are.
  const spans = new Set(page.sentences.map((s) => `${s.block}:${s.start}`));
  for (const m of lexical.matches) if (!spans.has(`${m.block}:${m.start}`)) matches.push(m);
  matches.sort((a, b) => a.block - b.block || a.start - b.start);
  return { outletId: lexical.outletId, onStory, matches, gate, added };
}
