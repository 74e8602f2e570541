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
//
// With the sentence model installed, pages are matched by words and meaning, as the extension
// does. Meaning's weights and thresholds are calibrated on the Raqqa story's labelled articles: for
// each Raqqa article they are refitted with its outlet held out, on the other outlets' articles only
// (each against the packs without the held-out outlet and without itself), before that outlet's
// page is scored; every other page (other outlets, the other stories, whose labels calibration
// never sees, and the negative pages) uses the shipped numbers (src/core/meaning/tuning.ts), which
// a fit on all five Raqqa articles must reproduce.
//   --no-meaning     words only (the lexical matcher alone)
//   --calibrate      print the all-article fit of meaning's numbers, to paste into tuning.ts
//   --pack <file>    add a pack to the set (repeatable); one with a story's id replaces its pack,
//                    so a pack built by pack:build is judged against that story's labels
//   --labels <dir>   judge the Raqqa story against another reading of its labels (meaning still
//                    calibrates on the first; the other reading is always printed too)
//   --set a=1,b=2    vary calibrated lexical numbers (names as in src/core/match/tuning.ts)
//   --sweep          also print a threshold sweep (words only)
//   --verbose        list each wrong and missed pair
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { combinePacks, type Database } from '../core/database/combine';
import { buildIndex } from '../core/match/index-builder';
import { createMatcher } from '../core/match/matcher';
import type { PageMatches } from '../core/match/types';
import { DEFAULT_TUNING, type Tuning } from '../core/match/tuning';
import { DEFAULT_MEANING_TUNING, type MeaningTuning } from '../core/meaning/tuning';
import { joinBlocks } from '../core/text/joined-blocks';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { PackFileError, readPackFile, readPacks } from '../node/data';
import {
  comparePairs,
  comparePassages,
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
  type PassageCounts,
} from './eval/labels';
import { loadNodeMeaning, meaningInput, meaningUnavailable, type NodeMeaning } from '../node/model/node-meaning';
import { LABELS_DIR, LABELS_PACK, OUTSIDE_DIR, OUTSIDE_LABELS_DIR, ROOT, STORIES_DIR } from '../node/paths';
import { pad, padl } from '../node/helpers/columns';
import { ratio } from '../node/helpers/stats';
import { calibrate, formatTuning, sameTuning, type TrainingPage } from './eval/calibrate';

const USAGE =
  'npm run eval -- [--no-meaning] [--pack <pack.json>]... [--labels <dir>] [--set name=value,...] [--sweep] [--calibrate] [--verbose]';
const SECOND_READING_DIR = resolve(ROOT, 'tests/fixtures/labels-second-reading');

/** A story of the eval: its pack's id, and its labels with claim ids as the pack writes them. */
interface EvalStory {
  id: string;
  labels: LabelFile[];
  /** Real pages of outlets outside the pack (tests/fixtures/outside-pages/<story>/labels). */
  outside?: LabelFile[];
}

interface Row extends PairCounts, PassageCounts {
  name: string;
  /** Highlights of claims from another story's pack on this story's page: each one is wrong. */
  foreign: number;
  /** The same page by words alone (the first pass the extension draws). */
  words: PairCounts & PassageCounts;
}

interface StoryResult {
  loo: Row[];
  other: Row[];
  outside: Row[];
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

/** One labelled page as matched: a pack's article (judged with its outlet left out) or another outlet's page. */
interface PageResult {
  story: string;
  /** The label file's article name. */
  name: string;
  result: PageMatches;
  /** The same page by words alone. */
  words: PageMatches;
  /** The claims of the page's story the page could be credited with (its own outlet's gone). */
  known: Set<string>;
}

interface Evaluation {
  pages: PageResult[];
  negatives: { name: string; highlights: number; onStory: boolean; ranModel: boolean }[];
  missing: string[];
}

type PageKind = 'loo' | 'other' | 'outside';

interface EvalPage {
  file: LabelFile;
  article: string | null;
  page: LabelledPage;
  db: Database;
  kind: PageKind;
}

/** A story's labelled pages, each with the set of packs it is judged against. */
function pagesOf(db: Database, story: EvalStory): EvalPage[] {
  const labelled = [
    ...story.labels.map((raw) => ({ raw, outside: false })),
    ...(story.outside ?? []).map((raw) => ({ raw, outside: true })),
  ];
  return labelled.map(({ raw, outside }) => {
    const file = labelsInSet(raw, story.id);
    const article = labelledArticle(db, file, story.id);
    const page = loadLabelledPage(file, article?.url ?? null);
    // A pack's article is judged without its own outlet's reports; any other page with every pack.
    const kind: PageKind = article ? 'loo' : outside ? 'outside' : 'other';
    return { file, article: article?.id ?? null, page, db: article ? withoutArticle(db, article.id) : db, kind };
  });
}

/**
 * The pages meaning is calibrated on: real articles, never pages written for the tests. The pack's
 * own articles (each against the packs without its outlet) and the real pages of outlets outside it.
 */
function calibrationPagesOf(db: Database, calibration: EvalStory): EvalPage[] {
  return pagesOf(db, calibration).filter((p) => p.kind !== 'other');
}

/** Meaning's side of one (page, packs): what calibration and scoring need, computed once. */
async function trainingPage(
  meaning: NodeMeaning,
  page: LabelledPage,
  db: Database,
  tuning: Tuning,
): Promise<TrainingPage> {
  const index = buildIndex(db, tuning);
  const matcher = createMatcher(db, index, { tuning });
  const blocks = page.blocks.map((b) => matcher.scoreBlock(b));
  const input = await meaningInput(matcher, blocks, meaning, await meaning.claimVectors(db));
  return {
    url: page.url,
    labels: page,
    db,
    index,
    blocks,
    meaning: input,
    lexical: matcher.decide({ url: page.url, blocks }),
    known: new Set(db.claims.map((c) => c.id)),
  };
}

/**
 * Every labelled page and negative page matched. Words only without `meaning`; with it, each
 * article of the calibration story with meaning's numbers fitted without its outlet, the rest with
 * `shipped`.
 */
async function evaluate(
  db: Database,
  stories: readonly EvalStory[],
  tuning: Tuning,
  meaning: NodeMeaning | null,
  calibration: EvalStory,
  shipped: MeaningTuning,
): Promise<Evaluation> {
  const pages: PageResult[] = [];
  const missing: string[] = [];
  const calibrationPages = calibrationPagesOf(db, calibration);
  // A training page against its packs, further without a held-out outlet's article: computed once.
  const trained = new Map<string, Promise<TrainingPage>>();
  const trainingOf = (p: EvalPage, without: string | null): Promise<TrainingPage> => {
    const key = `${p.file.article}\u0000${without ?? ''}`;
    let t = trained.get(key);
    if (t === undefined)
      trained.set(key, (t = trainingPage(meaning!, p.page, without ? withoutArticle(p.db, without) : p.db, tuning)));
    return t;
  };
  for (const story of stories) {
    for (const { file, article, page, db: pageDb, kind } of pagesOf(db, story)) {
      missing.push(...page.missing.map((t) => `${story.id} ${file.article}: ${t.slice(0, 60)}`));
      const known = new Set(pageDb.claims.filter((c) => c.pack === story.id).map((c) => c.id));
      let result: PageMatches;
      let words: PageMatches;
      if (meaning === null) {
        result = words = createMatcher(pageDb, buildIndex(pageDb, tuning), { tuning }).matchPage({
          url: page.url,
          published: page.published,
          blocks: page.blocks,
        });
      } else {
        let fitted = shipped;
        if (story.id === calibration.id && kind !== 'other') {
          // Leave one page out: fitted on the other real pages, each against the packs without this
          // page's outlet (a pack article's) and, for a pack article, without itself.
          const training: TrainingPage[] = [];
          for (const other of calibrationPages.filter((p) => p.file.article !== file.article))
            training.push(await trainingOf(other, article));
          fitted = calibrate(training);
        }
        const scored = await trainingPage(meaning, page, pageDb, tuning);
        words = scored.lexical;
        result = createMatcher(pageDb, scored.index, { tuning, meaningTuning: fitted }).decide({
          url: page.url,
          published: page.published,
          blocks: scored.blocks,
          meaning: scored.meaning,
        });
      }
      pages.push({ story: story.id, name: file.article, result, words, known });
    }
  }
  const full = createMatcher(db, buildIndex(db, tuning), { tuning, meaningTuning: shipped });
  const claimVectors = meaning ? await meaning.claimVectors(db) : null;
  const negatives: Evaluation['negatives'] = [];
  for (const source of negativePages()) {
    const { blocks: texts, url, published } = sourceBlocks(source);
    const blocks = texts.map((b) => full.scoreBlock(b));
    const ranModel = meaning !== null && full.meaningCandidates(blocks).length > 0;
    const input = meaning && claimVectors ? await meaningInput(full, blocks, meaning, claimVectors) : undefined;
    const result = full.decide({ url: url ?? '', published, blocks, meaning: input });
    negatives.push({
      name: source.replace(/^.*\//, ''),
      highlights: result.matches.length,
      onStory: result.onStory,
      ranModel,
    });
  }
  return { pages, negatives, missing };
}

/** A story's pages judged against its labels (or another reading of them). */
function judge(db: Database, story: EvalStory, evaluation: Evaluation, verbose: boolean): StoryResult {
  const storyOf = new Map(db.claims.map((c) => [c.id, c.pack]));
  const result: StoryResult = { loo: [], other: [], outside: [] };
  for (const { file, page, kind } of pagesOf(db, story)) {
    const done = evaluation.pages.find((p) => p.story === story.id && p.name === file.article);
    if (done === undefined) continue;
    const counts = comparePairs(page, done.result, done.known);
    const words = { ...comparePairs(page, done.words, done.known), ...comparePassages(page, done.words, done.known) };
    const foreign = predictedPairs(page, done.result).filter((p) => storyOf.get(p.claim) !== story.id).length;
    if (verbose) printErrors(page, done.result, counts);
    result[kind].push({
      name: file.article,
      ...counts,
      ...comparePassages(page, done.result, done.known),
      foreign,
      words,
    });
  }
  return result;
}

/** Lists wrong and missed pairs, for tuning by hand (`npm run eval -- --verbose`). */
function printErrors(page: LabelledPage, result: PageMatches, counts: PairCounts): void {
  const pageText = joinBlocks(page.blocks);
  const predicted = predictedPairs(page, result);
  const byMeaning = new Set(
    result.matches.flatMap((m) => m.claims.filter((c) => c.byMeaning).map((c) => `${m.text}\u0000${c.claimId}`)),
  );
  console.log(
    `--- ${page.name}: ${counts.correct}/${counts.predicted} correct, ${counts.found}/${counts.expected} found`,
  );
  for (const pair of predicted) {
    if (page.ignored.some((i) => overlaps(pair, i))) continue;
    const how = byMeaning.has(`${pair.text}\u0000${pair.claim}`) ? ' (meaning)' : '';
    if (!isLabelled(page, pair)) console.log(`  WRONG${how} ${pair.claim} ${pair.score} | ${pair.text.slice(0, 100)}`);
  }
  for (const l of page.passages) {
    for (const claim of l.claims) {
      if (!predicted.some((p) => overlaps(p, l) && p.claim === claim))
        console.log(`  MISSED ${claim} | ${pageText.slice(l.start, l.end).slice(0, 100)}`);
    }
  }
}

function sum<T extends PairCounts & PassageCounts>(a: T, b: PairCounts & PassageCounts): PairCounts & PassageCounts {
  return {
    predicted: a.predicted + b.predicted,
    correct: a.correct + b.correct,
    expected: a.expected + b.expected,
    found: a.found + b.found,
    passages: a.passages + b.passages,
    passagesFound: a.passagesFound + b.passagesFound,
  };
}

const NONE: PairCounts & PassageCounts = {
  predicted: 0,
  correct: 0,
  expected: 0,
  found: 0,
  passages: 0,
  passagesFound: 0,
};

function total(rows: Row[]): Row {
  return rows.reduce(
    (t, r) => ({ ...sum(t, r), name: t.name, foreign: t.foreign + r.foreign, words: sum(t.words, r.words) }),
    { ...NONE, name: '', foreign: 0, words: NONE },
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

/** Meaning's numbers fitted on all the calibration pages (each pack article against the packs without its outlet). */
async function calibrateOnAll(
  db: Database,
  calibration: EvalStory,
  tuning: Tuning,
  meaning: NodeMeaning,
): Promise<MeaningTuning> {
  const training: TrainingPage[] = [];
  for (const p of calibrationPagesOf(db, calibration)) training.push(await trainingPage(meaning, p.page, p.db, tuning));
  return calibrate(training);
}

async function main(): Promise<number> {
  const { values: args } = readArgs({
    options: {
      'no-meaning': { type: 'boolean' },
      calibrate: { type: 'boolean' },
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

  const stories: EvalStory[] = [
    { id: LABELS_PACK, labels: readLabels(labelsDir), outside: readLabels(OUTSIDE_LABELS_DIR) },
  ];
  const fixtures = fixtureStories().map(({ dir, pack }) => ({ dir, pack: readPackFile(pack) }));
  const given = (args.pack ?? []).map((path) => ({ path, pack: readPackFile(path) }));
  for (const { dir, pack } of fixtures) stories.push({ id: pack.id, labels: readLabels(join(dir, 'labels')) });
  // Bundled packs, then the stories' own packs, then the given ones; a given pack replaces the one with its id.
  const byId = new Map(readPacks().map((p) => [p.pack.id, p]));
  for (const { pack } of fixtures) byId.set(pack.id, { pack, origin: 'installed' });
  for (const { pack } of given) byId.set(pack.id, { pack, origin: 'installed' });
  const db = combinePacks([...byId.values()]);
  if (stories[0]!.labels.length === 0) {
    console.error(`eval: no labels in ${labelsDir}; nothing to measure against`);
    return 1;
  }
  const t0: Tuning = { ...DEFAULT_TUNING, ...overrides };
  // Meaning calibrates on the first reading of the Raqqa labels, whichever reading is judged.
  const calibration: EvalStory = { id: LABELS_PACK, labels: readLabels(LABELS_DIR), outside: stories[0]!.outside };
  const unavailable = args['no-meaning'] === true ? '--no-meaning' : meaningUnavailable();
  const meaning = unavailable === null ? loadNodeMeaning() : null;
  if (args.calibrate === true) {
    if (meaning === null) throw new UsageError(`--calibrate needs the sentence model: ${unavailable}`);
    const fitted = await calibrateOnAll(db, calibration, t0, meaning);
    console.log(
      `Meaning's numbers fitted on every calibration page (the seed articles and the real outside pages; paste into src/core/meaning/tuning.ts):\n${formatTuning(fitted)}`,
    );
    return 0;
  }
  const evaluation = await evaluate(db, stories, t0, meaning, calibration, DEFAULT_MEANING_TUNING);
  const results = new Map(stories.map((story) => [story.id, judge(db, story, evaluation, verbose)]));
  const { negatives, missing } = evaluation;
  const how =
    meaning === null
      ? `words only (${unavailable})`
      : `words and meaning (${meaning.model.id}; meaning refitted with each Raqqa outlet held out, as documented above)`;
  console.log(
    `Parallax accuracy (threshold ${t0.threshold}, story gate: ${t0.gateMinStoryNames} story names, then ${t0.gateMinClaims} claims stated at ${t0.gateClaimScore}+ with scores summing to ${t0.gateEvidence}, or by meaning ${DEFAULT_MEANING_TUNING.gateEvidence} facts' worth); pairs = (passage, claim)`,
  );
  console.log(`Matching by ${how}`);
  console.log(
    `Packs matched together: ${db.packs.map((s) => `${s.id} ${s.version} (${db.claims.filter((c) => c.pack === s.id).length} claims)`).join(', ')}`,
  );
  // Per page: what words alone find (the first pass the extension draws) and with meaning's additions.
  const header = `${pad('page', 34)} ${padl('labelled', 8)} | ${padl('words: pairs', 12)} ${padl('right', 5)} ${padl('found', 5)} ${padl('P', 5)} ${padl('R', 5)} | ${padl('+meaning: pairs', 15)} ${padl('right', 5)} ${padl('found', 5)} ${padl('P', 5)} ${padl('R', 5)} | ${padl('passages found', 14)} | ${padl('other stories', 13)}`;
  const line = (r: Row): string =>
    `${pad(r.name, 34)} ${padl(r.expected, 8)} | ${padl(r.words.predicted, 12)} ${padl(r.words.correct, 5)} ${padl(r.words.found, 5)} ${padl(ratio(r.words.correct, r.words.predicted), 5)} ${padl(ratio(r.words.found, r.words.expected), 5)} | ${padl(r.predicted, 15)} ${padl(r.correct, 5)} ${padl(r.found, 5)} ${padl(ratio(r.correct, r.predicted), 5)} ${padl(ratio(r.found, r.expected), 5)} | ${padl(`${r.words.passagesFound}→${r.passagesFound}/${r.passages}`, 14)} | ${padl(r.foreign, 13)}`;
  for (const story of stories) {
    const result = results.get(story.id)!;
    const title = db.packs.find((s) => s.id === story.id)?.title ?? story.id;
    console.log('');
    console.log(`== ${title} (${story.id}) ==`);
    console.log('Leave one outlet out (index built without the outlet, its article annotated)');
    console.log(header);
    for (const r of result.loo) console.log(line(r));
    console.log(line({ ...total(result.loo), name: 'ALL (target P ≥ 0.95, R ≥ 0.85)' }));
    if (result.other.length > 0) {
      console.log('Pages of outlets not in the pack, written for the tests (every pack)');
      console.log(header);
      for (const r of result.other) console.log(line(r));
      console.log(line({ ...total(result.other), name: 'ALL' }));
    }
    if (result.outside.length > 0) {
      console.log(
        `Real pages of outlets outside the pack (${relative(ROOT, OUTSIDE_DIR)}; meaning fitted with each page held out)`,
      );
      console.log(header);
      for (const r of result.outside) console.log(line(r));
      console.log(line({ ...total(result.outside), name: 'ALL (target P ≥ 0.92, R ≥ 0.85)' }));
      console.log(
        `pages with no highlight: ${
          result.outside
            .filter((r) => r.predicted === 0)
            .map((r) => r.name)
            .join(', ') || 'none'
        }`,
      );
    }
  }
  // The same predictions judged against the other reading of the Raqqa labels (the targets hold for both).
  const otherReading = labelsDir === SECOND_READING_DIR ? LABELS_DIR : SECOND_READING_DIR;
  const secondLabels = readLabels(otherReading);
  if (secondLabels.length > 0) {
    const judged = judge(db, { id: LABELS_PACK, labels: secondLabels }, evaluation, false);
    const s = (rows: Row[]): string => {
      const t = total(rows);
      return `precision ${ratio(t.correct, t.predicted)} recall ${ratio(t.found, t.expected)}`;
    };
    console.log('');
    console.log(
      `${LABELS_PACK} against the ${otherReading === SECOND_READING_DIR ? 'second' : 'first'} reading of its labels: leave one outlet out ${s(judged.loo)}; other outlets' pages ${s(judged.other)}`,
    );
  }
  console.log('');
  console.log("Other stories' claims highlighted on a story's pages (target 0; 'other stories' above)");
  for (const story of stories) {
    const result = results.get(story.id)!;
    const others = db.packs
      .filter((s) => s.id !== story.id)
      .map((s) => s.id)
      .join(', ');
    console.log(
      `${pad(`${story.id} pages`, 40)} ${padl(total([...result.loo, ...result.other]).foreign, 3)} claim(s) of ${others}`,
    );
  }
  console.log('');
  console.log('Negative pages (target: 0 highlights)');
  for (const n of negatives)
    console.log(
      `${pad(n.name, 50)} ${padl(n.highlights, 3)} highlight(s)${n.onStory ? '  (gate opened)' : ''}${n.ranModel ? '  (passed the cheap test: the model ran)' : ''}`,
    );
  if (missing.length > 0) {
    console.log('');
    console.log(`Labels not found in their page (not counted): ${missing.length}`);
    for (const m of missing) console.log(`  ${m}`);
  }
  if (meaning !== null) {
    const fitted = await calibrateOnAll(db, calibration, t0, meaning);
    console.log('');
    if (sameTuning(fitted, DEFAULT_MEANING_TUNING))
      console.log('Shipped meaning numbers (src/core/meaning/tuning.ts) = the fit on every calibration page.');
    else
      console.log(
        `WARNING: src/core/meaning/tuning.ts differs from the fit on every calibration page; re-run with --calibrate and paste:\n${formatTuning(fitted)}`,
      );
  }
  if (args.sweep === true) {
    console.log('');
    console.log('Threshold sweep, words only (leave one outlet out, every story; for calibration)');
    for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const r = await evaluate(
        db,
        stories,
        { ...DEFAULT_TUNING, ...overrides, threshold: th },
        null,
        calibration,
        DEFAULT_MEANING_TUNING,
      );
      const perStory = stories.map((story) => {
        const s = total(judge(db, story, r, false).loo);
        return `${story.id}: P ${ratio(s.correct, s.predicted)} R ${ratio(s.found, s.expected)}`;
      });
      const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
      console.log(`threshold ${th.toFixed(2)}: ${perStory.join('; ')}; negatives ${neg}`);
    }
  }
  return 0;
}

void runScript(import.meta, 'eval', USAGE, main, [PackFileError]);
