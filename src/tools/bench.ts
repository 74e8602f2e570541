// npm run bench — speed and size of matching, side by side in one process, medians.
//   floor:    extracting the page text alone (what any content script pays)
//   parallax: extraction + index retrieval + scoring + story gate + anchoring
//   fuse:     extraction + a plain fuse.js scan of every sentence against every claim text
// for the bundled packs, the bundled packs with 50 synthetic packs of 30 claims beside them (what a
// reader with many installed packs has), and synthetic sets of 1,000, 10,000 and 100,000 claims,
// plus index size, build and load time and memory, leave-one-outlet-out accuracy with the packs
// beside the bundled story (the story gate must keep a page to its own story), and hostile pages;
// then, with the sentence model installed (not with --no-meaning), matching by meaning: per article
// with the bundled packs and 10,000 claims, the model's cold load and memory
// (meaning/bench-meaning.ts; --meaning-only measures only that).
// Figures are printed, never asserted: this machine is shared and timings vary.
//   --pack <file>   add a pack to the bundled ones (repeatable), as a reader's installed pack
//   --no-meaning    words only;  --meaning-only  only matching by meaning
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Fuse from 'fuse.js';
import { combinePacks, type Database, type PackInSet } from '../core/database/combine';
import { buildIndex } from '../core/match/index-builder';
import { createMatcher } from '../core/match/matcher';
import { splitSentences } from '../core/text/segment';
import { decodeHtml } from '../node/decode-html';
import { parseHtml } from '../node/parse-html';
import { pageBlocks, readSavedPage } from '../node/saved-page';
import { readArgs, runScript } from '../node/helpers/args';
import { loadNodeMeaning, meaningUnavailable } from '../node/model/node-meaning';
import { benchMeaning } from './bench/bench-meaning';
import { PackFileError, readPacks } from '../node/data';
import {
  comparePairs,
  labelledArticle,
  labelsInSet,
  loadLabelledPage,
  predictedPairs,
  readLabels,
  withoutArticle,
  type LabelFile,
} from './eval/labels';
import { FIXTURES_DIR, LABELS_DIR, LABELS_PACK } from '../node/paths';
import { pad, padl } from '../node/helpers/columns';
import { median, medianMs as time } from '../node/helpers/stats';
import { CLAIMS_PER_PACK, generateSyntheticDatabase } from './bench/synthetic-db';

/** Packs a reader might install beside the bundled ones. */
const INSTALLED_PACKS = 50;

const gc = (globalThis as { gc?: () => void }).gc;

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

interface Page {
  name: string;
  url: string;
  document: Document;
  sentences: string[];
}

function loadPages(): Page[] {
  const dir = resolve(FIXTURES_DIR, 'pages');
  return readdirSync(dir)
    .filter((f) => f.startsWith('seed-') && f.endsWith('.html'))
    .sort()
    .map((f) => {
      const { document, blocks, url } = readSavedPage(readFileSync(resolve(dir, f), 'utf8'));
      const sentences = blocks.flatMap((b) => splitSentences(b).map((s) => b.slice(s.start, s.end)));
      return { name: f, url: url ?? '', document, sentences };
    });
}

function claimTexts(db: Database): string[] {
  return db.claims.flatMap((c) => [c.summary, ...c.reports.map((r) => r.quote)]);
}

interface SizeResult {
  label: string;
  claims: number;
  floor: number;
  parallax: number;
  fuse: number;
  fuseEstimated: boolean;
  indexBytes: number;
  buildMs: number;
  loadMs: number;
  memoryMb: number;
}

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function benchSize(label: string, db: Database, pages: Page[]): SizeResult {
  const t = performance.now();
  const index = buildIndex(db);
  const buildMs = performance.now() - t;
  const json = JSON.stringify(index);
  const before = heapMb();
  let matcher = createMatcher(db, JSON.parse(json));
  const memoryMb = heapMb() - before;
  // Loading a prebuilt index: parse the shipped JSON and make the matcher ready.
  const loadMs = time(() => {
    matcher = createMatcher(db, JSON.parse(json));
  }, 5);

  const extract = (page: Page): string[] => pageBlocks(page.document);
  const runs = 15;
  const floor = median(pages.map((p) => time(() => extract(p), runs)));
  const parallax = median(pages.map((p) => time(() => matcher.matchPage({ url: p.url, blocks: extract(p) }), runs)));

  // The plain scan costs ~0.15 ms per sentence × claim text; above a few hundred claims a whole
  // article would take minutes, so it is timed on a few sentences and scaled to the article.
  const fuse = new Fuse(claimTexts(db), { includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const sample = db.claims.length > 50_000 ? 1 : db.claims.length > 5000 ? 2 : db.claims.length > 500 ? 4 : Infinity;
  const fuseEstimated = Number.isFinite(sample);
  // Above 5,000 claims one scan takes minutes: two articles are timed instead of all five.
  const scanned = db.claims.length > 5000 ? pages.slice(0, 2) : pages;
  const fusePerArticle = scanned.map((p) => {
    // Evenly spaced sentences, so short headlines and long paragraphs are both represented.
    const step = Math.max(1, Math.floor(p.sentences.length / Math.min(p.sentences.length, sample)));
    const sentences = p.sentences.filter((_, i) => i % step === 0).slice(0, sample);
    const perSentence =
      time(
        () => {
          for (const s of sentences) fuse.search(s);
        },
        fuseEstimated ? 1 : 3,
      ) / sentences.length;
    return extractTime(p) + perSentence * p.sentences.length;
  });
  function extractTime(p: Page): number {
    return time(() => extract(p), 3);
  }

  return {
    label,
    claims: db.claims.length,
    floor,
    parallax,
    fuse: median(fusePerArticle),
    fuseEstimated,
    indexBytes: json.length,
    buildMs,
    loadMs,
    memoryMb,
  };
}

/** Leave-one-outlet-out accuracy on the bundled story's seed pages, and the other packs' claims highlighted there (the story gate's leaks). */
function accuracy(db: Database, labels: LabelFile[]): { precision: number; recall: number; foreign: number } {
  let predicted = 0,
    correct = 0,
    expected = 0,
    found = 0,
    foreign = 0;
  for (const raw of labels) {
    const file = labelsInSet(raw, LABELS_PACK);
    const article = labelledArticle(db, file, LABELS_PACK);
    if (!article) continue;
    const page = loadLabelledPage(file, article.url);
    const pageDb = withoutArticle(db, article.id);
    const result = createMatcher(pageDb, buildIndex(pageDb)).matchPage({ url: page.url, blocks: page.blocks });
    const c = comparePairs(page, result, new Set(pageDb.claims.filter((x) => x.pack === LABELS_PACK).map((x) => x.id)));
    predicted += c.predicted;
    correct += c.correct;
    expected += c.expected;
    found += c.found;
    foreign += predictedPairs(page, result).filter((p) => !p.claim.startsWith(`${LABELS_PACK}/`)).length;
  }
  return { precision: predicted ? correct / predicted : 0, recall: expected ? found / expected : 0, foreign };
}

function hostilePages(): { name: string; html: string }[] {
  const paragraph = 'The council met on Tuesday to discuss the budget for the new library, which opens in spring. ';
  const fiveMb = 5 * 1024 * 1024;
  const prose = Array.from(
    { length: Math.ceil(fiveMb / (paragraph.length * 8)) },
    () => `<p>${paragraph.repeat(8)}</p>`,
  ).join('\n');
  const noBreaks = `<p>${'word '.repeat(Math.ceil(fiveMb / 5))}</p>`;
  const nested = `${'<div><span>'.repeat(20_000)}ISIS fighters left Raqqa in a convoy.${'</span></div>'.repeat(20_000)}`;
  const bytes = new Uint8Array(fiveMb);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return [
    { name: 'empty page', html: '' },
    { name: '5 MB of prose', html: prose },
    { name: '5 MB, no sentence breaks', html: noBreaks },
    { name: '20,000 levels of nesting', html: nested },
    { name: '5 MB of binary garbage', html: decodeHtml(bytes) },
  ];
}

async function main(): Promise<number> {
  const { values: args } = readArgs({
    options: {
      pack: { type: 'string', multiple: true },
      'no-meaning': { type: 'boolean' },
      'meaning-only': { type: 'boolean' },
    },
  });
  const packs = readPacks(args.pack ?? []);
  const base = combinePacks(packs);
  const pages = loadPages();
  if (args['meaning-only'] !== true) benchWords(packs, base, pages);
  await benchMeaningSection(packs, base, pages, args['no-meaning'] === true);
  return 0;
}

/** The lexical matcher at every size, its accuracy beside other packs, and hostile pages. */
function benchWords(packs: PackInSet[], base: Database, pages: Page[]): void {
  const labels = readLabels(LABELS_DIR);
  const articleBytes = median(pages.map((p) => pageBlocks(p.document).reduce((n, b) => n + b.length, 0)));
  console.log(
    `Parallax benchmark: ${pages.length} seed article pages (median ${articleBytes} characters of text, ${median(pages.map((p) => p.sentences.length))} sentences), medians per article${gc ? '' : ' (run with --expose-gc for exact memory)'}`,
  );
  console.log(`Packs: ${base.packs.map((s) => `${s.id} ${s.version}`).join(', ')}`);
  console.log('');
  const packsBeside = INSTALLED_PACKS * CLAIMS_PER_PACK;
  const sizes: [string, number][] = [
    ['bundled', 0],
    [`+${INSTALLED_PACKS} packs`, packsBeside],
    ['1,000', 1_000],
    ['10,000', 10_000],
    ['100,000', 100_000],
  ];
  // Warm up the JIT on the bundled packs so the first row is not charged for compilation.
  benchSize('warm-up', base, pages);
  const results: SizeResult[] = [];
  for (const [label, n] of sizes) {
    const db = n === 0 ? base : generateSyntheticDatabase(packs, n);
    results.push(benchSize(label, db, pages));
  }
  console.log(
    `${pad('packs', 9)} ${padl('claims', 7)} ${padl('floor ms', 9)} ${padl('parallax ms', 11)} ${padl('fuse scan ms', 13)} ${padl('speed-up', 9)} ${padl('index', 9)} ${padl('build ms', 9)} ${padl('load ms', 8)} ${padl('heap MB', 8)}`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.label, 9)} ${padl(r.claims, 7)} ${padl(fmt(r.floor), 9)} ${padl(fmt(r.parallax), 11)} ${padl(fmt(r.fuse) + (r.fuseEstimated ? '*' : ''), 13)} ${padl((r.fuse / r.parallax).toFixed(0) + '×', 9)} ${padl((r.indexBytes / 1024 / 1024).toFixed(2) + ' MB', 9)} ${padl(fmt(r.buildMs), 9)} ${padl(fmt(r.loadMs), 8)} ${padl(r.memoryMb.toFixed(1), 8)}`,
    );
  }
  console.log("* fuse scan timed on a sample of sentences and scaled to the article's sentence count");
  console.log(
    `+${INSTALLED_PACKS} packs: the bundled packs with ${INSTALLED_PACKS} synthetic packs of ${CLAIMS_PER_PACK} claims installed beside them; build ms is what the service worker pays to index them`,
  );
  console.log(
    'targets: bundled ≤ 5 ms, 10,000 ≤ 20 ms, 100,000 ≤ 100 ms, 10,000 ≥ 1000× the fuse scan, 10,000 index load ≤ 50 ms',
  );

  if (labels.length > 0) {
    const rows: [string, ReturnType<typeof accuracy>][] = [
      ['bundled', accuracy(base, labels)],
      [`+${INSTALLED_PACKS} packs`, accuracy(generateSyntheticDatabase(packs, packsBeside), labels)],
      ['10,000', accuracy(generateSyntheticDatabase(packs, 10_000), labels)],
    ];
    console.log('');
    console.log(
      `Leave-one-outlet-out accuracy on the ${LABELS_PACK} seed pages, and other packs' claims highlighted there (the story gate: target 0)`,
    );
    for (const [label, r] of rows)
      console.log(
        `${pad(`${label}:`, 12)} precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)}  other packs' claims ${r.foreign}`,
      );
  }

  console.log('');
  console.log('Hostile pages (bundled packs; parse excluded, extraction + matching), ms and ms per MB');
  const matcher = createMatcher(base, buildIndex(base));
  const articleMsPerMb = (results[0]!.parallax / articleBytes) * 1024 * 1024;
  console.log(
    `${pad('a seed article', 28)} ${padl(fmt(results[0]!.parallax), 9)} ms ${padl(fmt(articleMsPerMb), 8)} ms/MB of text`,
  );
  for (const page of hostilePages()) {
    const document = parseHtml(page.html);
    const htmlMb = page.html.length / 1024 / 1024;
    let chars = 0;
    let highlights = 0;
    const ms = time(() => {
      const blocks = pageBlocks(document);
      chars = blocks.reduce((n, b) => n + b.length, 0);
      highlights = matcher.matchPage({ url: '', blocks }).matches.length;
    }, 3);
    const perMb = chars > 0 ? fmt((ms / chars) * 1024 * 1024) : '-';
    console.log(
      `${pad(page.name, 28)} ${padl(fmt(ms), 9)} ms ${padl(perMb, 8)} ms/MB of text  (${htmlMb.toFixed(2)} MB of HTML, ${(chars / 1024 / 1024).toFixed(2)} MB of text, ${highlights} highlights)`,
    );
  }
}

async function benchMeaningSection(
  packs: PackInSet[],
  base: Database,
  pages: Page[],
  noMeaning: boolean,
): Promise<void> {
  const unavailable = noMeaning ? '--no-meaning' : meaningUnavailable();
  if (unavailable !== null) {
    console.log('');
    console.log(`Matching by meaning: not measured (${unavailable})`);
    return;
  }
  const unrelated = readSavedPage(readFileSync(resolve(FIXTURES_DIR, 'pages/unrelated-news.html'), 'utf8'));
  await benchMeaning(
    base,
    generateSyntheticDatabase(packs, 10_000),
    pages.map((p) => ({ name: p.name, url: p.url, blocks: () => pageBlocks(p.document) })),
    { name: 'unrelated-news.html', url: unrelated.url ?? '', blocks: () => pageBlocks(unrelated.document) },
    loadNodeMeaning(),
  );
}

void runScript(import.meta, 'bench', 'npm run bench -- [--pack <pack.json>]... [--no-meaning | --meaning-only]', main, [
  PackFileError,
]);
