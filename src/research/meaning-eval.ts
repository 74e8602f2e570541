// npm run meaning:eval [-- --models id,id] [--no-timing] [--verbose]
// Phase 1 of matching by meaning (issue 11): which sentence encoder, and what a hybrid of the
// lexical matcher and sentence similarity would score, measured without changing the matcher.
//
// Leave one outlet out, strictly: for the seed article of outlet O, the index and the claim texts
// lose O's reports; the hybrid's weights and thresholds are fitted on the other seed articles,
// each scored against a database without O and without itself. Nothing of O's text or labels is
// used before O's page is scored. Judged against both label readings. Pages of outlets not in the
// database (the retelling) and the negative pages use weights fitted on all five seed articles.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Database } from '../core/database/combine';
import { features, type MeaningWeights } from '../core/meaning/hybrid';
import { ENCODER_MODELS, isEncoderModelId, SHIPPED_MODEL_ID, type EncoderModelId } from '../core/meaning/models';
import { buildIndex } from '../core/match/index-builder';
import { createMatcher } from '../core/match/matcher';
import type { PageMatches } from '../core/match/types';
import { BLOCK_SEPARATOR, blockStarts } from '../core/text/joined-blocks';
import { comparePairs, withoutArticle, type LabelledPage, type PairCounts } from '../tools/eval/labels';
import { readDatabase } from '../node/data';
import { PINNED_ARTIFACTS } from '../node/model/pinned-artifacts';
import { loadEncoder } from '../node/model/load-encoder';
import { ROOT } from '../node/paths';
import { checkModelDir, modelDir } from '../node/model/provisioning';
import { fitWeights, type Example } from '../tools/eval/calibrate';
import { EmbeddingCache } from './embedding-cache';
import { decideAdditive, decideHybrid, type GateOutcome, type HybridSettings } from './hybrid-decide';
import { judgedPages, negativePages, type JudgedPage, type NegativePage } from './labelled-pages';
import type { ModelMeasurement } from './measure-model';
import {
  claimTexts,
  pageFeatures,
  pageSentences,
  sentenceWindows,
  type FeatureOptions,
  type PageFeatures,
} from './page-features';

/** Decided before the runs: the precision the thresholds are chosen to keep on training pages. */
const TRAINING_PRECISION = 0.95;
/** Decided before the runs: the gate by meaning asks for 3 claims (as the lexical gate) at this hybrid score. */
const GATE_SCORE = 0.8;
const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const RATIOS = [0.5, 0.6, 0.75, 0.9];

const verbose = process.argv.includes('--verbose');
const ratio = (a: number, b: number): string => (b === 0 ? '  n/a' : (a / b).toFixed(3));
const add = (a: PairCounts, b: PairCounts): PairCounts => ({
  predicted: a.predicted + b.predicted,
  correct: a.correct + b.correct,
  expected: a.expected + b.expected,
  found: a.found + b.found,
});
const ZERO: PairCounts = { predicted: 0, correct: 0, expected: 0, found: 0 };
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Training pairs of one page: every (sentence, claim), stated when a label of reading 1 says so.
 * With `skip`, the pairs the lexical matcher already states are left out (the additive design
 * learns only what meaning must add).
 */
function examples(page: PageFeatures, labels: LabelledPage, skip?: PageMatches): Example[] {
  const starts = blockStarts(page.blocks);
  const out: Example[] = [];
  const skipped = new Set(
    (skip?.matches ?? []).flatMap((m) => m.claims.map((c) => `${m.block}:${m.start}:${c.claimId}`)),
  );
  for (const s of page.sentences) {
    const range = { start: starts[s.block]! + s.start, end: starts[s.block]! + s.end };
    const overlapping = labels.passages.filter((l) => l.start < range.end && range.start < l.end);
    const stated = new Set(overlapping.flatMap((l) => l.claims));
    // Furniture and borderline sentences count neither way in the eval; they teach nothing here.
    if (stated.size === 0 && labels.ignored.some((l) => l.start < range.end && range.start < l.end)) continue;
    for (const [claim, meaning] of s.meaning) {
      if (skipped.has(`${s.block}:${s.start}:${claim}`)) continue;
      out.push({ x: features(s.lexical.get(claim) ?? 0, meaning), stated: stated.has(claim) });
    }
  }
  return out;
}

interface Training {
  page: PageFeatures;
  /** The lexical matcher's result on the page with the same database. */
  lexical: PageMatches;
  labels: LabelledPage;
  claims: Set<string>;
}

/**
 * 'replace': the hybrid score alone decides every pair. 'additive': the lexical matcher's pairs
 * stand and meaning adds pairs (lexical highlights first, meaning-based ones after, none removed).
 */
export type Design = 'replace' | 'additive';

function decide(
  design: Design,
  t: { page: PageFeatures; lexical: PageMatches },
  settings: HybridSettings,
): PageMatches & { gate: GateOutcome } {
  return design === 'replace' ? decideHybrid(t.page, settings) : decideAdditive(t.page, t.lexical, settings);
}

/**
 * Fits the weights, then the threshold and secondary ratio with the best training recall while the
 * pairs the hybrid decides (all of them; for 'additive' those meaning adds) keep TRAINING_PRECISION.
 */
function calibrate(training: readonly Training[], design: Design, forcedThreshold?: number): HybridSettings {
  const weights = fitWeights(
    training.flatMap((t) => examples(t.page, t.labels, design === 'additive' ? t.lexical : undefined)),
  );
  const lexical = training.reduce((sum, t) => add(sum, comparePairs(t.labels, t.lexical, t.claims)), ZERO);
  let best: { settings: HybridSettings; p: number; r: number } | null = null;
  for (const threshold of forcedThreshold === undefined ? THRESHOLDS : [forcedThreshold]) {
    for (const secondaryRatio of RATIOS) {
      const settings = { weights, threshold, secondaryRatio, gateScore: GATE_SCORE };
      const c = training.reduce(
        (sum, t) => add(sum, comparePairs(t.labels, decide(design, t, settings), t.claims)),
        ZERO,
      );
      const own =
        design === 'replace'
          ? c
          : { ...c, predicted: c.predicted - lexical.predicted, correct: c.correct - lexical.correct };
      const p = own.predicted ? own.correct / own.predicted : design === 'additive' ? 1 : 0;
      const r = c.expected ? c.found / c.expected : 0;
      const better =
        best === null ||
        (p >= TRAINING_PRECISION && (best.p < TRAINING_PRECISION || r > best.r || (r === best.r && p > best.p))) ||
        (best.p < TRAINING_PRECISION && p > best.p);
      if (better) best = { settings, p, r };
    }
  }
  return best!.settings;
}

interface HybridResult {
  /** Per reading: leave-one-outlet-out totals, and the retelling (pages of outlets not in the database). */
  loo: PairCounts[];
  other: PairCounts[];
  negatives: { name: string; highlights: number; preTest: boolean; byMeaning: boolean }[];
  /** Labelled pages whose gate opens by meaning alone (without the lexical gate's claims). */
  openedByMeaning: number;
  settings: HybridSettings;
}

/**
 * The labelled sentences of the seed articles not excluded, as extra wordings of their claims:
 * what a database holding every outlet's every sentence of a fact (not one quote each) would give.
 * Excluded: the held-out outlet's article and the page being scored.
 */
function exemplarTexts(pages: readonly JudgedPage[], exclude: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of pages) {
    if (p.article === null || exclude.includes(p.article) || exclude.includes(p.name)) continue;
    const text = p.readings[0]!.blocks.join(BLOCK_SEPARATOR);
    for (const l of p.readings[0]!.passages)
      for (const c of l.claims) out.set(c, [...(out.get(c) ?? []), text.slice(l.start, l.end)]);
  }
  return out;
}

function runHybrid(
  db: Database,
  pages: JudgedPage[],
  negatives: NegativePage[],
  cache: EmbeddingCache,
  options: FeatureOptions & { exemplars?: boolean; threshold?: number },
  design: Design,
): HybridResult {
  const seeds = pages.filter((p) => p.article !== null);
  const others = pages.filter((p) => p.article === null);
  const features = new Map<string, { page: PageFeatures; lexical: PageMatches }>();
  const featuresOf = (
    page: { name: string; url: string; blocks: string[] },
    without: string[],
  ): { page: PageFeatures; lexical: PageMatches } => {
    const key = `${page.name}\u0000${without.sort().join(',')}`;
    let f = features.get(key);
    if (!f) {
      const pageDb = without.reduce(withoutArticle, db);
      const lexical = createMatcher(pageDb, buildIndex(pageDb)).matchPage({ url: page.url, blocks: page.blocks });
      const extraTexts = options.exemplars ? exemplarTexts(pages, [...without, page.name]) : undefined;
      features.set(key, (f = { page: pageFeatures(pageDb, page.blocks, cache, { ...options, extraTexts }), lexical }));
    }
    return f;
  };
  const claimsOf = (without: string[]): Set<string> =>
    new Set(without.reduce(withoutArticle, db).claims.map((c) => c.id));
  const readings = pages[0]!.readings.length;
  const loo = Array.from({ length: readings }, () => ZERO);
  let openedByMeaning = 0;
  for (const held of seeds) {
    const o = held.article!;
    const training = seeds
      .filter((p) => p !== held)
      .map((p) => ({ ...featuresOf(p, [o, p.article!]), labels: p.readings[0]!, claims: claimsOf([o, p.article!]) }));
    const settings = calibrate(training, design, options.threshold);
    const result = decide(design, featuresOf(held, [o]), settings);
    if (result.gate.preTest && result.gate.byMeaning) openedByMeaning++;
    held.readings.forEach((labels, r) => {
      const c = comparePairs(labels, result, claimsOf([o]));
      loo[r] = add(loo[r]!, c);
      if (verbose && r === 0) printErrors(held.name, labels, result);
    });
    if (verbose)
      console.log(
        `  ${held.name}: t ${settings.threshold} ratio ${settings.secondaryRatio} gate ${JSON.stringify(result.gate)}`,
      );
  }
  const settings = calibrate(
    seeds.map((p) => ({ ...featuresOf(p, [p.article!]), labels: p.readings[0]!, claims: claimsOf([p.article!]) })),
    design,
    options.threshold,
  );
  const other = Array.from({ length: readings }, () => ZERO);
  for (const page of others) {
    const result = decide(design, featuresOf(page, []), settings);
    if (result.gate.preTest && result.gate.byMeaning) openedByMeaning++;
    page.readings.forEach((labels, r) => (other[r] = add(other[r]!, comparePairs(labels, result, claimsOf([])))));
    if (verbose) printErrors(page.name, page.readings[0]!, result);
  }
  const negativeResults = negatives.map((page) => {
    const result = decide(design, featuresOf(page, []), settings);
    if (verbose && result.matches.length > 0)
      for (const m of result.matches)
        console.log(
          `  NEGATIVE ${page.name}: ${m.claims.map((c) => `${c.claimId} ${c.score}`).join(', ')} | ${m.text.slice(0, 90)}`,
        );
    return {
      name: page.name,
      highlights: result.matches.length,
      preTest: result.gate.preTest,
      byMeaning: result.gate.byMeaning,
    };
  });
  return { loo, other, negatives: negativeResults, openedByMeaning, settings };
}

/**
 * How well similarity alone tells stated pairs from the rest, over the seed articles (each with its
 * own outlet held out): ROC AUC of the whole-sentence similarity, and how often a labelled claim is
 * the sentence's most similar one. Independent of any threshold or decision rule.
 */
function separation(
  db: Database,
  pages: JudgedPage[],
  cache: EmbeddingCache,
): { auc: number; top1: number; labelled: number } {
  const pos: number[] = [];
  const neg: number[] = [];
  let top1 = 0;
  for (const page of pages.filter((p) => p.article !== null)) {
    const f = pageFeatures(withoutArticle(db, page.article!), page.blocks, cache, { windows: false });
    for (const ex of examples(f, page.readings[0]!)) (ex.stated ? pos : neg).push(ex.x[1]!);
    const starts = blockStarts(f.blocks);
    for (const s of f.sentences) {
      const range = { start: starts[s.block]! + s.start, end: starts[s.block]! + s.end };
      const stated = new Set(
        page.readings[0]!.passages.filter((l) => l.start < range.end && range.start < l.end).flatMap((l) => l.claims),
      );
      const ranked = [...s.meaning].sort((a, b) => b[1].similarity - a[1].similarity).map(([c]) => c);
      const inDb = [...stated].filter((c) => s.meaning.has(c));
      top1 += inDb.filter((c) => ranked.indexOf(c) < inDb.length).length;
    }
  }
  let wins = 0;
  const sortedNeg = [...neg].sort((a, b) => a - b);
  for (const x of pos) {
    let lo = 0;
    let hi = sortedNeg.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedNeg[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    wins += lo;
  }
  return { auc: wins / Math.max(1, pos.length * neg.length), top1, labelled: pos.length };
}

function printErrors(name: string, labels: LabelledPage, result: PageMatches): void {
  const starts = blockStarts(labels.blocks);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
    a.start < b.end && b.start < a.end;
  for (const m of result.matches) {
    const range = { start: starts[m.block]! + m.start, end: starts[m.block]! + m.end };
    if (labels.ignored.some((i) => overlaps(range, i))) continue;
    for (const c of m.claims)
      if (!labels.passages.some((l) => overlaps(range, l) && l.claims.includes(c.claimId)))
        console.log(`  ${name} WRONG ${c.claimId} ${c.score} | ${m.text.slice(0, 90)}`);
  }
}

/** The lexical matcher as shipped, judged the same way (the baseline, in the same process). */
function runLexical(
  db: Database,
  pages: JudgedPage[],
  negatives: NegativePage[],
): { loo: PairCounts[]; other: PairCounts[]; negatives: number } {
  const readings = pages[0]!.readings.length;
  const loo = Array.from({ length: readings }, () => ZERO);
  const other = Array.from({ length: readings }, () => ZERO);
  for (const page of pages) {
    const pageDb = page.article ? withoutArticle(db, page.article) : db;
    const result = createMatcher(pageDb, buildIndex(pageDb)).matchPage({ url: page.url, blocks: page.blocks });
    const claims = new Set(pageDb.claims.map((c) => c.id));
    page.readings.forEach((labels, r) => {
      const c = comparePairs(labels, result, claims);
      if (page.article) loo[r] = add(loo[r]!, c);
      else other[r] = add(other[r]!, c);
    });
  }
  const full = createMatcher(db, buildIndex(db));
  const neg = negatives.reduce((n, p) => n + full.matchPage({ url: p.url, blocks: p.blocks }).matches.length, 0);
  return { loo, other, negatives: neg };
}

function measure(id: EncoderModelId): ModelMeasurement | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/research/measure-model.ts'), id], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ModelMeasurement;
  } catch {
    console.error(`timing ${id} failed: ${run.stderr.slice(-500)}`);
    return null;
  }
}

function pr(c: PairCounts): string {
  return `${ratio(c.correct, c.predicted)} / ${ratio(c.found, c.expected)}`;
}

async function main(): Promise<void> {
  const db = readDatabase();
  const pages = judgedPages(db);
  const negatives = negativePages();
  const at = process.argv.indexOf('--models');
  const requested = at >= 0 ? (process.argv[at + 1] ?? '').split(',') : Object.keys(ENCODER_MODELS);
  const models = requested.filter(isEncoderModelId).filter((id) => {
    const ok = checkModelDir(modelDir(id), PINNED_ARTIFACTS[id]).state === 'installed';
    if (!ok) console.warn(`${id}: not installed, skipped (npm run model:provision -- --model ${id})`);
    return ok;
  });

  console.log(
    'Matching by meaning, phase 1: encoders compared, and a hybrid of the lexical matcher with sentence similarity',
  );
  console.log(
    `Leave one outlet out (strict: the held-out outlet's reports and labels unused before its page is scored); P / R per label reading (1st; 2nd)`,
  );
  console.log(
    `Calibration: logistic weights + threshold and secondary ratio with the best training recall at training precision ≥ ${TRAINING_PRECISION}; gate by meaning: ≥ 3 claims at hybrid ≥ ${GATE_SCORE}, after the cheap test (≥ 3 story names)`,
  );
  console.log('');
  const lexical = runLexical(db, pages, negatives);
  console.log(
    `${'lexical matcher (shipped)'.padEnd(52)} LOO ${lexical.loo.map(pr).join('; ')}   retelling ${lexical.other.map(pr).join('; ')}   negatives ${lexical.negatives} highlights`,
  );

  const timing = !process.argv.includes('--no-timing');
  const table: string[] = [];
  for (const id of models) {
    const cache = new EmbeddingCache(id);
    const { encoder } = await loadEncoder(id);
    const texts = [
      ...claimTexts(db).flatMap((c) => c.texts),
      ...[...pages, ...negatives].flatMap((p) =>
        pageSentences(p.blocks).flatMap((s) => sentenceWindows(s.text, { windows: true })),
      ),
      ...[...exemplarTexts(pages, []).values()].flat(),
    ];
    await cache.embed(encoder, texts);
    cache.save();
    const sep = separation(db, pages, cache);
    console.log(
      `${id}: similarity alone, seed articles: ROC AUC ${sep.auc.toFixed(3)}; a labelled claim ranks among the sentence's k most similar (k = its labelled claims) for ${sep.top1} of ${sep.labelled} pairs`,
    );
    const variants = [
      ['replace', false, false, false, true],
      ['additive', false, false, false, true],
      ['replace', false, false, false],
      ['replace', true, false, false],
      ['additive', false, false, false],
      ['additive', true, false, false],
      ['additive', false, false, true],
      ['replace', true, true, false],
      ['additive', true, true, false],
    ] as const;
    for (const [design, windows, exemplars, onlyLexicalCandidates, centroid = false] of variants) {
      const r = runHybrid(db, pages, negatives, cache, { windows, exemplars, onlyLexicalCandidates, centroid }, design);
      const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
      const dirty = r.negatives
        .filter((x) => x.highlights > 0)
        .map((x) => `${x.name.replace(/\.html$/, '')} ${x.highlights}`);
      const label =
        `${id}, ${design}${windows ? ', windows' : ''}${exemplars ? ', exemplars' : ''}${onlyLexicalCandidates ? ', candidates only' : ''}${centroid ? ', claim centroid' : ''}`.padEnd(
          52,
        );
      const ranModel = r.negatives.filter((x) => x.preTest).length;
      console.log(
        `${label} LOO ${r.loo.map(pr).join('; ')}   retelling ${r.other.map(pr).join('; ')}   negatives ${neg} highlights${dirty.length ? ` (${dirty.join(', ')})` : ''}, ${ranModel}/${r.negatives.length} ran the model`,
      );
      if (!windows && !centroid && design === 'replace') {
        const ran = r.negatives.filter((x) => x.preTest);
        console.log(
          `  gate by meaning alone opens on ${r.openedByMeaning} of ${pages.length} labelled pages; negatives passing the cheap test (the model runs): ${ran.map((x) => x.name.replace(/\.html$/, '')).join(', ')}; gate by meaning opened on ${ran.filter((x) => x.byMeaning).length} of them`,
        );
      }
      if (verbose)
        console.log(
          `  all-seed settings: t ${r.settings.threshold} ratio ${r.settings.secondaryRatio} weights ${formatWeights(r.settings.weights)}`,
        );
    }
    if (process.argv.includes('--frontier')) {
      // The threshold forced (weights and secondary ratio still fitted per fold): the hybrid's
      // frontier, to set beside the lexical one. Reading it to pick a threshold would be fitting on
      // the held-out pages; the calibrated rows above are the honest figures.
      for (const design of ['replace', 'additive'] as const) {
        for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
          const r = runHybrid(db, pages, negatives, cache, { windows: true, threshold }, design);
          const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
          console.log(
            `  frontier ${id}, ${design}, windows, threshold ${threshold}: LOO ${r.loo.map(pr).join('; ')}   retelling ${r.other.map(pr).join('; ')}   negatives ${neg}`,
          );
        }
      }
    }
    if (timing) {
      const m = measure(id);
      if (m) {
        table.push(
          `| ${id} | ${m.fileMB.toFixed(1)} MB | ${m.loadMs.toFixed(0)} ms (CPU ${m.loadCpuMs.toFixed(0)} ms) | ${(m.rssAfterMB - m.rssBeforeMB).toFixed(0)} MB | ${median(m.articles.map((a) => a.ms)).toFixed(0)} ms, CPU ${median(m.articles.map((a) => a.cpuMs)).toFixed(0)} ms (${median(m.articles.map((a) => a.sentences))} sentences) | ${median(m.articles.map((a) => a.windowsMs)).toFixed(0)} ms (+${median(m.articles.map((a) => a.windows))} windows) |`,
        );
      }
    }
  }
  if (table.length > 0) {
    console.log('');
    console.log(
      'Cost in Node (ORT WebAssembly, one thread, fresh process per model; this 2-core machine is shared, so timings are noisy):',
    );
    console.log(
      '| model | .onnx size | cold load | memory (RSS growth after the five articles) | per seed article, sentences (median) | with clause windows (median) |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const row of table) console.log(row);
  }
  console.log('');
  console.log(`Shipped encoder: ${SHIPPED_MODEL_ID}`);
}

function formatWeights(w: MeaningWeights): string {
  return Object.entries(w)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
}

void main();
