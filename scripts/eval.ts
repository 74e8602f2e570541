// npm run eval — how accurate the matcher is, measured honestly, story by story.
// The stories: the bundled Raqqa pack (labels in tests/fixtures/labels/) and each story under
// tests/fixtures/stories/ (its pack.json, its labels/). All their packs are matched together, as a
// reader with several packs installed would have them.
// Leave one outlet out: for each article of a story's pack, the set loses that outlet's reports
// (and claims only it reported), the index is rebuilt without them, and its article is annotated
// as if Parallax had never seen it; every highlight must come from paraphrase matching. Pages of
// outlets not in the pack are annotated with every pack. Predictions are compared with
// hand-written labels, never with the matcher's own output. A story's pages must get none of the
// other stories' claims, and negative pages (unrelated news sharing words; same place and actors,
// different event) must stay clean.
//   --pack <file>    add a pack to the set (repeatable); one with a story's id replaces its pack,
//                    so a pack built by pack:build is judged against that story's labels
//   --labels <dir>   judge the Raqqa story against another reading of its labels
//   --set a=1,b=2    vary calibrated numbers (names as in src/core/match/tuning.ts)
//   --sweep          also print a threshold sweep
//   --verbose        list each wrong and missed pair
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { combinePacks, type Database } from '../src/core/database/combine';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import type { PageMatches } from '../src/core/match/types';
import { DEFAULT_TUNING, type Tuning } from '../src/core/match/tuning';
import { joinBlocks } from '../src/core/text/joined-blocks';
import { readArgs, runScript, UsageError } from './lib/args';
import { PackFileError, readPackFile, readPacks } from './lib/data';
import {
  comparePairs,
  isLabelled,
  labelledArticle,
  labelsInSet,
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
import { LABELS_DIR, LABELS_PACK, ROOT, STORIES_DIR } from './lib/paths';
import { pad, padl } from './lib/columns';
import { ratio } from './lib/stats';

const USAGE = 'npm run eval -- [--pack <pack.json>]... [--labels <dir>] [--set name=value,...] [--sweep] [--verbose]';

/** A story of the eval: its pack's id, and its labels with claim ids as the pack writes them. */
interface EvalStory {
  id: string;
  labels: LabelFile[];
}

interface Row extends PairCounts {
  name: string;
  /** Highlights of claims from another story's pack on this story's page: each one is wrong. */
  foreign: number;
}

interface StoryResult {
  loo: Row[];
  other: Row[];
}

/** The stories under tests/fixtures/stories/: a folder with pack.json and labels/. */
function fixtureStories(): { dir: string; pack: string }[] {
  if (!existsSync(STORIES_DIR)) return [];
  return readdirSync(STORIES_DIR)
    .sort()
    .map((name) => join(STORIES_DIR, name))
    .filter((dir) => existsSync(join(dir, 'pack.json')) && existsSync(join(dir, 'labels')))
    .map((dir) => ({ dir, pack: join(dir, 'pack.json') }));
}

function evaluate(db: Database, stories: readonly EvalStory[], tuning: Tuning, verbose: boolean) {
  const results = new Map<string, StoryResult>();
  const missing: string[] = [];
  const storyOf = new Map(db.claims.map((c) => [c.id, c.story]));
  for (const story of stories) {
    const result: StoryResult = { loo: [], other: [] };
    results.set(story.id, result);
    for (const raw of story.labels) {
      const file = labelsInSet(raw, story.id);
      const article = labelledArticle(db, file, story.id);
      const page = loadLabelledPage(file, article?.url ?? null);
      missing.push(...page.missing.map((t) => `${story.id} ${file.article}: ${t.slice(0, 60)}`));
      // A pack's article is judged without its own outlet's reports; any other page with every pack.
      const pageDb = article ? withoutArticle(db, article.id) : db;
      const matcher = createMatcher(pageDb, buildIndex(pageDb, tuning), { tuning });
      const matches = matcher.matchPage({ url: page.url, blocks: page.blocks });
      const counts = comparePairs(page, matches, new Set(pageDb.claims.filter((c) => c.story === story.id).map((c) => c.id)));
      const foreign = predictedPairs(page, matches).filter((p) => storyOf.get(p.claim) !== story.id).length;
      if (verbose) printErrors(page, matches, counts);
      (article ? result.loo : result.other).push({ name: file.article, ...counts, foreign });
    }
  }
  const full = createMatcher(db, buildIndex(db, tuning), { tuning });
  const negatives = negativePages().map((source) => {
    const { blocks, url } = sourceBlocks(source);
    const matches = full.matchPage({ url: url ?? '', blocks });
    return { name: source.replace(/^.*\//, ''), highlights: matches.matches.length, onStory: matches.onStory };
  });
  return { results, negatives, missing };
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

function total(rows: Row[]): Row {
  return rows.reduce(
    (t, r) => ({ name: t.name, predicted: t.predicted + r.predicted, correct: t.correct + r.correct, expected: t.expected + r.expected, found: t.found + r.found, foreign: t.foreign + r.foreign }),
    { name: '', predicted: 0, correct: 0, expected: 0, found: 0, foreign: 0 },
  );
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
      pack: { type: 'string', multiple: true },
      labels: { type: 'string' },
      set: { type: 'string' },
      sweep: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  const labelsDir = args.labels === undefined ? LABELS_DIR : resolve(ROOT, args.labels);
  const overrides = tuningOverrides(args.set);
  const verbose = args.verbose === true;

  let db: Database;
  const stories: EvalStory[] = [{ id: LABELS_PACK, labels: readLabels(labelsDir) }];
  try {
    const fixtures = fixtureStories().map(({ dir, pack }) => ({ dir, pack: readPackFile(pack) }));
    const given = (args.pack ?? []).map((path) => ({ path, pack: readPackFile(path) }));
    for (const { dir, pack } of fixtures) stories.push({ id: pack.id, labels: readLabels(join(dir, 'labels')) });
    // Bundled packs, then the stories' own packs, then the given ones; a given pack replaces the one with its id.
    const byId = new Map(readPacks().map((p) => [p.pack.id, p]));
    for (const { pack } of fixtures) byId.set(pack.id, { pack, origin: 'installed' });
    for (const { pack } of given) byId.set(pack.id, { pack, origin: 'installed' });
    db = combinePacks([...byId.values()]);
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error;
    console.error(`eval: ${error.message}`);
    return 1;
  }
  if (stories[0]!.labels.length === 0) {
    console.error(`eval: no labels in ${labelsDir}; nothing to measure against`);
    return 1;
  }
  const t0: Tuning = { ...DEFAULT_TUNING, ...overrides };
  const { results, negatives, missing } = evaluate(db, stories, t0, verbose);
  console.log(`Parallax accuracy (threshold ${t0.threshold}, story gate: ${t0.gateMinClaims} claims at ${t0.gateScore} and ${t0.gateMinStoryNames} story names); pairs = (passage, claim)`);
  console.log(`Packs matched together: ${db.stories.map((s) => `${s.id} ${s.version} (${db.claims.filter((c) => c.story === s.id).length} claims)`).join(', ')}`);
  const header = `${pad('page', 34)} ${padl('predicted', 9)} ${padl('correct', 7)} ${padl('labelled', 8)} ${padl('found', 5)} ${padl('precision', 9)} ${padl('recall', 6)} ${padl('other stories', 13)}`;
  const line = (r: Row): string =>
    `${pad(r.name, 34)} ${padl(r.predicted, 9)} ${padl(r.correct, 7)} ${padl(r.expected, 8)} ${padl(r.found, 5)} ${padl(ratio(r.correct, r.predicted), 9)} ${padl(ratio(r.found, r.expected), 6)} ${padl(r.foreign, 13)}`;
  for (const story of stories) {
    const result = results.get(story.id)!;
    const title = db.stories.find((s) => s.id === story.id)?.title ?? story.id;
    console.log('');
    console.log(`== ${title} (${story.id}) ==`);
    console.log('Leave one outlet out (index built without the outlet, its article annotated)');
    console.log(header);
    for (const r of result.loo) console.log(line(r));
    console.log(line({ ...total(result.loo), name: 'ALL (target P ≥ 0.95, R ≥ 0.85)' }));
    if (result.other.length > 0) {
      console.log('Pages of outlets not in the pack (every pack)');
      console.log(header);
      for (const r of result.other) console.log(line(r));
      console.log(line({ ...total(result.other), name: 'ALL' }));
    }
  }
  console.log('');
  console.log("Other stories' claims highlighted on a story's pages (target 0; 'other stories' above)");
  for (const story of stories) {
    const result = results.get(story.id)!;
    const others = db.stories.filter((s) => s.id !== story.id).map((s) => s.id).join(', ');
    console.log(`${pad(`${story.id} pages`, 40)} ${padl(total([...result.loo, ...result.other]).foreign, 3)} claim(s) of ${others}`);
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
    console.log('Threshold sweep (leave one outlet out, every story; for calibration)');
    for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const r = evaluate(db, stories, { ...DEFAULT_TUNING, ...overrides, threshold: th }, false);
      const perStory = stories.map((story) => {
        const s = total(r.results.get(story.id)!.loo);
        return `${story.id}: P ${ratio(s.correct, s.predicted)} R ${ratio(s.found, s.expected)}`;
      });
      const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
      console.log(`threshold ${th.toFixed(2)}: ${perStory.join('; ')}; negatives ${neg}`);
    }
  }
  return 0;
}

void runScript(import.meta, 'eval', USAGE, main);
