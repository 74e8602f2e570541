// Calibration of matching by meaning on labelled pages: a logistic model of "this sentence states
// this claim" fitted by Newton's method (iteratively reweighted least squares: seven parameters, a
// few thousand pairs, exact convergence in a dozen steps; a library would add more than it saves),
// then the threshold and secondary ratio with the best training recall while the pairs meaning adds
// keep training precision ≥ TRAINING_PRECISION. The caller decides which pages train (the eval: the
// other outlets' pages only, each against a database without the held-out outlet and without itself).
import type { Database } from '../../core/database/combine';
import type { MeaningInput } from '../../core/match/by-meaning';
import { createMatcher, type BlockScores } from '../../core/match/matcher';
import type { SerializedIndex } from '../../core/match/index-format';
import type { PageMatches } from '../../core/match/types';
import { FEATURE_NAMES, features, type MeaningWeights } from '../../core/meaning/hybrid';
import { DEFAULT_MEANING_TUNING, type MeaningTuning } from '../../core/meaning/tuning';
import { blockStarts } from '../../core/text/joined-blocks';
import { comparePairs, overlaps, type LabelledPage, type PairCounts } from './labels';

/** Fixed before the runs: the precision the thresholds are chosen to keep on training pages. */
export const TRAINING_PRECISION = 0.95;
export const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
export const RATIOS = [0.5, 0.6, 0.75, 0.9];

export interface Example {
  x: number[];
  stated: boolean;
}

/** Solves A·x = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Ridge-regularised logistic regression (the intercept is not penalised). Deterministic. */
export function fitWeights(
  examples: readonly Example[],
  options: { ridge?: number; iterations?: number } = {},
): MeaningWeights {
  const { ridge = 1e-2, iterations = 25 } = options;
  const d = FEATURE_NAMES.length + 1; // features, then the intercept
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const x = [...e.x, 1];
      const z = x.reduce((s, xi, j) => s + xi * w[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (e.stated ? 1 : 0);
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j] = grad[j]! + err * x[j]!;
        for (let k = 0; k < d; k++) hess[j]![k] = hess[j]![k]! + curvature * x[j]! * x[k]!;
      }
    }
    for (let j = 0; j < d - 1; j++) {
      grad[j] = grad[j]! + ridge * w[j]!;
      hess[j]![j] = hess[j]![j]! + ridge;
    }
    const step = solve(hess, grad);
    w = w.map((wj, j) => wj - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const out = { bias: w[d - 1]! } as MeaningWeights;
  FEATURE_NAMES.forEach((name, j) => (out[name] = w[j]!));
  return out;
}

/** A labelled page as calibration sees it: scored once against its own training database. */
export interface TrainingPage {
  url: string;
  labels: LabelledPage;
  db: Database;
  index: SerializedIndex;
  /** Its blocks scored by a matcher on `index` (block scores depend on the index only). */
  blocks: BlockScores[];
  /** The candidate sentences' vectors; none when the page names no story (then meaning adds nothing). */
  meaning: MeaningInput | undefined;
  /** The words-only result, and the claims the database holds (a claim it lacks is not expected). */
  lexical: PageMatches;
  known: ReadonlySet<string>;
}

const add = (a: PairCounts, b: PairCounts): PairCounts => ({
  predicted: a.predicted + b.predicted,
  correct: a.correct + b.correct,
  expected: a.expected + b.expected,
  found: a.found + b.found,
});
export const NO_PAIRS: PairCounts = { predicted: 0, correct: 0, expected: 0, found: 0 };

/**
 * Training pairs of one page: every (candidate sentence, claim) with the matcher's evidence, stated
 * when the labels say so. Pairs the words already state are left out: meaning only adds, so it
 * learns only what it must add. Furniture and borderline sentences teach nothing either way.
 */
export function examples(page: TrainingPage): Example[] {
  const starts = blockStarts(page.labels.blocks);
  if (page.meaning === undefined) return [];
  const byWords = new Set(
    page.lexical.matches.flatMap((m) => m.claims.map((c) => `${m.block}:${m.start}:${c.claimId}`)),
  );
  const evidence = createMatcher(page.db, page.index).meaningEvidence({ blocks: page.blocks, meaning: page.meaning });
  const out: Example[] = [];
  for (const s of evidence) {
    const span = { start: starts[s.block]! + s.start, end: starts[s.block]! + s.end };
    const stated = new Set(page.labels.passages.filter((l) => overlaps(l, span)).flatMap((l) => l.claims));
    if (stated.size === 0 && page.labels.ignored.some((l) => overlaps(l, span))) continue;
    for (const c of s.claims) {
      if (byWords.has(`${s.block}:${s.start}:${c.claimId}`)) continue;
      out.push({ x: features(c.lexical, c.meaning), stated: stated.has(c.claimId) });
    }
  }
  return out;
}

/** A page decided with meaning under the given numbers. */
export function decideWith(page: TrainingPage, meaningTuning: Partial<MeaningTuning>): PageMatches {
  return createMatcher(page.db, page.index, { meaningTuning }).decide({
    url: page.url,
    blocks: page.blocks,
    meaning: page.meaning,
  });
}

/** Fits the weights, then picks the threshold and secondary ratio (rule in the file's header). */
export function calibrate(training: readonly TrainingPage[]): MeaningTuning {
  const weights = fitWeights(training.flatMap(examples));
  const lexical = training.reduce((sum, t) => add(sum, comparePairs(t.labels, t.lexical, t.known)), NO_PAIRS);
  let best: { tuning: MeaningTuning; p: number; r: number } | null = null;
  for (const threshold of THRESHOLDS) {
    for (const secondaryRatio of RATIOS) {
      const tuning: MeaningTuning = { ...DEFAULT_MEANING_TUNING, weights, threshold, secondaryRatio };
      const c = training.reduce((sum, t) => add(sum, comparePairs(t.labels, decideWith(t, tuning), t.known)), NO_PAIRS);
      // The pairs meaning adds (words' pairs stand whatever the settings).
      const added = { predicted: c.predicted - lexical.predicted, correct: c.correct - lexical.correct };
      const p = added.predicted > 0 ? added.correct / added.predicted : 1;
      const r = c.expected > 0 ? c.found / c.expected : 0;
      const better =
        best === null ||
        (p >= TRAINING_PRECISION && (best.p < TRAINING_PRECISION || r > best.r || (r === best.r && p > best.p))) ||
        (best.p < TRAINING_PRECISION && p > best.p);
      if (better) best = { tuning, p, r };
    }
  }
  return best!.tuning;
}

/** The tuning as TypeScript, to paste into src/core/meaning/tuning.ts. */
export function formatTuning(t: MeaningTuning): string {
  const w = Object.entries(t.weights)
    .map(([k, v]) => `${k}: ${Number(v.toFixed(4))}`)
    .join(', ');
  return `{\n  weights: { ${w} },\n  threshold: ${t.threshold},\n  secondaryRatio: ${t.secondaryRatio},\n  gateClaimScore: ${t.gateClaimScore},\n  gateEvidence: ${t.gateEvidence},\n  onlyNearMisses: ${t.onlyNearMisses},\n}`;
}

/** Whether two tunings decide the same (weights equal to 4 decimals, as formatTuning writes them). */
export function sameTuning(a: MeaningTuning, b: MeaningTuning): boolean {
  return formatTuning(a) === formatTuning(b);
}
