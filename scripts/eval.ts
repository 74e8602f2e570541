// npm run eval — how accurate the matcher is, measured honestly.
// Leave one outlet out: for each outlet, the database loses that outlet's reports (and claims only
// it reported), the index is rebuilt without them, and its article is annotated as if Parallax
// had never seen it; every highlight must come from paraphrase matching. Predictions are compared
// with hand-written labels (tests/fixtures/labels/), never with the matcher's own output.
// Negative pages (unrelated news sharing words; same place and actors, different event) must stay clean.
//   --labels <dir>   judge against another reading of the labels
//   --set a=1,b=2    vary calibrated numbers (names as in src/core/match/tuning.ts)
//   --sweep          also print a threshold sweep
//   --verbose        list each wrong and missed pair
import { resolve } from 'node:path';
import type { Database } from '../src/core/database/schema';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import type { PageMatches } from '../src/core/match/types';
import { DEFAULT_TUNING, type Tuning } from '../src/core/match/tuning';
import { joinBlocks } from '../src/core/text/joined-blocks';
import { readArgs, runScript, UsageError } from './lib/args';
import { readDatabase } from './lib/data';
import {
  comparePairs,
  isLabelled,
  loadLabelledPage,
  negativePages,
  overlaps,
  predictedPairs,
  readLabels,
  sourceBlocks,
  withoutArticle,
  type LabelFile,
  type LabelledPage,
  type PairCounts,
} from './lib/labels';
import { LABELS_DIR, ROOT } from './lib/paths';
import { pad, padl } from './lib/columns';
import { ratio } from './lib/stats';

const USAGE = 'npm run eval -- [--labels <dir>] [--set name=value,...] [--sweep] [--verbose]';

interface Row extends PairCounts {
  name: string;
}

function evaluate(db: Database, labels: LabelFile[], tuning: Tuning, verbose: boolean): { loo: Row[]; other: Row[]; negatives: { name: string; highlights: number; onStory: boolean }[]; missing: string[] } {
  const loo: Row[] = [];
  const other: Row[] = [];
  const missing: string[] = [];
  for (const file of labels) {
    const article = db.articles.find((a) => a.id === file.article);
    const page = loadLabelledPage(file, article?.url ?? null);
    missing.push(...page.missing.map((t) => `${file.article}: ${t.slice(0, 60)}`));
    // A database article is judged without its own outlet's reports; any other page with the full database.
    const pageDb = article ? withoutArticle(db, article.id) : db;
    const matcher = createMatcher(pageDb, buildIndex(pageDb, tuning), { tuning });
    const result = matcher.matchPage({ url: page.url, blocks: page.blocks });
    const counts = comparePairs(page, result, new Set(pageDb.claims.map((c) => c.id)));
    if (verbose) printErrors(page, result, counts);
    (article ? loo : other).push({ name: file.article, ...counts });
  }
  const full = createMatcher(db, buildIndex(db, tuning), { tuning });
  const negatives = negativePages().map((source) => {
    const { blocks, url } = sourceBlocks(source);
    const result = full.matchPage({ url: url ?? '', blocks });
    return { name: source.replace(/^.*\//, ''), highlights: result.matches.length, onStory: result.onStory };
  });
  return { loo, other, negatives, missing };
}

/** Lists wrong and missed pairs, for tuning by hand (`npm run eval -- --verbose`). */
function printErrors(page: LabelledPage, result: PageMatches, counts: PairCounts): void {
  const pageText = joinBlocks(page.blocks);
  const predicted = predictedPairs(page, result);
  console.log(`--- ${page.name}: ${counts.correct}/${counts.predicted} correct, ${counts.found}/${counts.expected} found`);
  for (const pair of predicted) {
    if (page.ignored.some((i) => overlaps(pair, i))) continue;
    if (!isLabelled(page, pair)) console.log(`  WRONG ${pair.claim} ${pair.score} | ${pair.text.slice(0, 100)}`);
  }
  for (const l of page.passages) {
    for (const claim of l.claims) {
      if (!predicted.some((p) => overlaps(p, l) && p.claim === claim)) console.log(`  MISSED ${claim} | ${pageText.slice(l.start, l.end).slice(0, 100)}`);
    }
  }
}

function total(rows: Row[]): PairCounts {
  return rows.reduce((t, r) => ({ predicted: t.predicted + r.predicted, correct: t.correct + r.correct, expected: t.expected + r.expected, found: t.found + r.found }), { predicted: 0, correct: 0, expected: 0, found: 0 });
}

/** `--set name=value,...` varies calibrated numbers for the sweep (e.g. --set shareExponent=0.7). */
function tuningOverrides(set: string | undefined): Partial<Tuning> {
  const out: Record<string, number> = {};
  for (const pair of (set ?? '').split(',').filter((p) => p !== '')) {
    const [name, value] = pair.split('=');
    if (name === undefined || !(name in DEFAULT_TUNING) || value === undefined || !Number.isFinite(Number(value))) {
      throw new UsageError(`--set ${pair}: expected name=number with a name from src/core/match/tuning.ts`);
    }
    out[name] = Number(value);
  }
  return out as Partial<Tuning>;
}

function main(): number {
  const { values: args } = readArgs({
    options: {
      labels: { type: 'string' },
      set: { type: 'string' },
      sweep: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  const labelsDir = args.labels === undefined ? LABELS_DIR : resolve(ROOT, args.labels);
  const overrides = tuningOverrides(args.set);
  const verbose = args.verbose === true;
  const db = readDatabase();
  const labels = readLabels(labelsDir);
  if (labels.length === 0) {
    console.error(`eval: no labels in ${labelsDir}; nothing to measure against`);
    return 1;
  }
  const t0: Tuning = { ...DEFAULT_TUNING, ...overrides };
  const { loo, other, negatives, missing } = evaluate(db, labels, t0, verbose);
  console.log(`Parallax accuracy (threshold ${t0.threshold}, story gate: ${t0.gateMinClaims} claims at ${t0.gateScore} and ${t0.gateMinStoryNames} story names); pairs = (passage, claim)`);
  console.log('');
  const header = `${pad('page', 34)} ${padl('predicted', 9)} ${padl('correct', 7)} ${padl('labelled', 8)} ${padl('found', 5)} ${padl('precision', 9)} ${padl('recall', 6)}`;
  const line = (r: Row): string => `${pad(r.name, 34)} ${padl(r.predicted, 9)} ${padl(r.correct, 7)} ${padl(r.expected, 8)} ${padl(r.found, 5)} ${padl(ratio(r.correct, r.predicted), 9)} ${padl(ratio(r.found, r.expected), 6)}`;
  console.log('Leave one outlet out (index built without the outlet, its article annotated)');
  console.log(header);
  for (const r of loo) console.log(line(r));
  console.log(line({ name: 'ALL (target P ≥ 0.95, R ≥ 0.85)', ...total(loo) }));
  if (other.length > 0) {
    console.log('');
    console.log('Pages of outlets not in the database (full database)');
    console.log(header);
    for (const r of other) console.log(line(r));
  }
  console.log('');
  console.log('Negative pages (target: 0 highlights)');
  for (const n of negatives) console.log(`${pad(n.name, 50)} ${padl(n.highlights, 3)} highlight(s)${n.onStory ? '  (gate opened)' : ''}`);
  if (missing.length > 0) {
    console.log('');
    console.log(`Labels not found in their page (not counted): ${missing.length}`);
    for (const m of missing) console.log(`  ${m}`);
  }
  if (args.sweep === true) {
    console.log('');
    console.log('Threshold sweep (leave one outlet out, all pages; for calibration)');
    for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const r = evaluate(db, labels, { ...DEFAULT_TUNING, ...overrides, threshold: th }, false);
      const s = total(r.loo);
      const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
      console.log(`threshold ${th.toFixed(2)}: precision ${ratio(s.correct, s.predicted)} recall ${ratio(s.found, s.expected)} negatives ${neg}`);
    }
  }
  return 0;
}

void runScript(import.meta, 'eval', USAGE, main);
