// npm run eval — how accurate the matcher is, measured honestly.
// Leave one outlet out: for each outlet, the database loses that outlet's reports (and claims only
// it reported), the index is rebuilt without them, and its article is annotated as if Parallax
// had never seen it; every highlight must come from paraphrase matching. Predictions are compared
// with hand-written labels (tests/fixtures/labels/), never with the matcher's own output.
// Negative pages (unrelated news sharing words; same place and actors, different event) must stay clean.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSchema, type Database } from '../src/core/database/schema';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import type { PageMatches } from '../src/core/match/types';
import { DEFAULT_TUNING, type Tuning } from '../src/core/match/tuning';
import { extractBlocks, isHiddenByMarkup } from '../src/core/text/extract';
import { canonicalUrl, parseHtml } from '../src/node/parse-html';
import { BLOCK_SEPARATOR } from '../src/core/text/joined-blocks';

const root = resolve(import.meta.dirname, '..');

export interface LabelFile {
  article: string;
  source: string;
  passages: { text: string; claims: string[] }[];
  /** Page furniture and borderline sentences: a highlight there counts neither way. */
  ignore?: { text: string; why: string }[];
}

export interface LabelledPage {
  name: string;
  url: string;
  blocks: string[];
  /** Labelled passages located in the page text (blocks joined by BLOCK_SEPARATOR). */
  passages: { start: number; end: number; claims: string[] }[];
  ignored: { start: number; end: number }[];
  /** Labels whose text could not be found in the page (a broken label, reported, not counted). */
  missing: string[];
}

/** A page's blocks: an HTML fixture goes through extraction; a seed text splits at line breaks. */
export function pageBlocks(source: string): { blocks: string[]; url: string | null } {
  const seedPath = resolve(root, 'assets/seeds', source);
  if (existsSync(seedPath) && source.endsWith('.txt')) {
    const text = readFileSync(seedPath, 'utf8');
    return { blocks: text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0), url: null };
  }
  const document = parseHtml(readFileSync(resolve(root, source), 'utf8'));
  return { blocks: extractBlocks(document, { isHidden: isHiddenByMarkup }).map((b) => b.text), url: canonicalUrl(document) };
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function loadLabelledPage(file: LabelFile, articleUrl: string | null): LabelledPage {
  const { blocks, url } = pageBlocks(file.source);
  const pageText = blocks.join(BLOCK_SEPARATOR);
  const passages: LabelledPage['passages'] = [];
  const ignored: LabelledPage['ignored'] = [];
  const missing: string[] = [];
  const locate = (text: string): { start: number; end: number } | null => {
    let start = pageText.indexOf(text);
    let length = text.length;
    if (start < 0) {
      // Labels are written from the article text; allow for whitespace the page collapsed.
      const squeezed = squeeze(text);
      start = pageText.indexOf(squeezed);
      length = squeezed.length;
    }
    if (start < 0) missing.push(text);
    return start < 0 ? null : { start, end: start + length };
  };
  for (const p of file.passages) {
    const range = locate(p.text);
    if (range) passages.push({ ...range, claims: p.claims });
  }
  for (const i of file.ignore ?? []) {
    const range = locate(i.text);
    if (range) ignored.push(range);
  }
  return { name: file.article, url: articleUrl ?? url ?? '', blocks, passages, ignored, missing };
}

export interface PairCounts {
  predicted: number;
  correct: number;
  expected: number;
  found: number;
}

/** Compares predicted (passage, claim) pairs with labelled ones; passages agree when they overlap. */
export function comparePairs(page: LabelledPage, result: PageMatches, knownClaims: Set<string>): PairCounts {
  const blockStarts: number[] = [];
  let offset = 0;
  for (const b of page.blocks) {
    blockStarts.push(offset);
    offset += b.length + BLOCK_SEPARATOR.length;
  }
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  const isCorrect = (p: { start: number; end: number; claim: string }): boolean => page.passages.some((l) => overlaps(p, l) && l.claims.includes(p.claim));
  const predicted = result.matches
    .flatMap((m) => m.claims.map((c) => ({ start: blockStarts[m.block]! + m.start, end: blockStarts[m.block]! + m.end, claim: c.claimId })))
    // A highlight on an ignored passage (furniture, borderline) counts neither way.
    .filter((p) => isCorrect(p) || !page.ignored.some((i) => overlaps(p, i)));
  const correct = predicted.filter(isCorrect).length;
  // A claim the leave-one-out database no longer holds cannot be found; it is not expected.
  const expectedPairs = page.passages.flatMap((l) => l.claims.filter((c) => knownClaims.has(c)).map((claim) => ({ ...l, claim })));
  const found = expectedPairs.filter((l) => predicted.some((p) => overlaps(p, l) && p.claim === l.claim)).length;
  return { predicted: predicted.length, correct, expected: expectedPairs.length, found };
}

export function withoutArticle(db: Database, articleId: string): Database {
  const claims = db.claims
    .map((c) => ({ ...c, reports: c.reports.filter((r) => r.article !== articleId) }))
    .filter((c) => c.reports.length > 0);
  return { ...db, claims };
}

/** The labels to judge against: tests/fixtures/labels, or another reading with `--labels <dir>`. */
function labelsDir(): string {
  const at = process.argv.indexOf('--labels');
  return resolve(root, at >= 0 ? (process.argv[at + 1] ?? '') : 'tests/fixtures/labels');
}

function readLabels(): LabelFile[] {
  const dir = labelsDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as LabelFile);
}

function negativePages(): string[] {
  const dir = resolve(root, 'tests/fixtures/negative-pages');
  const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => `tests/fixtures/negative-pages/${f}`) : [];
  const unrelated = 'tests/fixtures/pages/unrelated-news.html';
  if (existsSync(resolve(root, unrelated))) pages.push(unrelated);
  return pages;
}

const ratio = (a: number, b: number): string => (b === 0 ? '  n/a' : (a / b).toFixed(3));
const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const padl = (s: string | number, n: number): string => String(s).padStart(n);

interface Row extends PairCounts {
  name: string;
}

function evaluate(db: Database, labels: LabelFile[], tuning: Tuning): { loo: Row[]; other: Row[]; negatives: { name: string; highlights: number; onStory: boolean }[]; missing: string[] } {
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
    if (process.argv.includes('--verbose')) printErrors(page, result, counts);
    (article ? loo : other).push({ name: file.article, ...counts });
  }
  const full = createMatcher(db, buildIndex(db, tuning), { tuning });
  const negatives = negativePages().map((source) => {
    const { blocks, url } = pageBlocks(source);
    const result = full.matchPage({ url: url ?? '', blocks });
    return { name: source.replace(/^.*\//, ''), highlights: result.matches.length, onStory: result.onStory };
  });
  return { loo, other, negatives, missing };
}

/** Lists wrong and missed pairs, for tuning by hand (`npm run eval -- --verbose`). */
function printErrors(page: LabelledPage, result: PageMatches, counts: PairCounts): void {
  const pageText = page.blocks.join(BLOCK_SEPARATOR);
  const blockStarts: number[] = [];
  let offset = 0;
  for (const b of page.blocks) {
    blockStarts.push(offset);
    offset += b.length + BLOCK_SEPARATOR.length;
  }
  console.log(`--- ${page.name}: ${counts.correct}/${counts.predicted} correct, ${counts.found}/${counts.expected} found`);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  for (const m of result.matches) {
    const range = { start: blockStarts[m.block]! + m.start, end: blockStarts[m.block]! + m.end };
    if (page.ignored.some((i) => overlaps(range, i))) continue;
    for (const c of m.claims) {
      if (!page.passages.some((l) => overlaps(range, l) && l.claims.includes(c.claimId))) console.log(`  WRONG ${c.claimId} ${c.score} | ${m.text.slice(0, 100)}`);
    }
  }
  for (const l of page.passages) {
    for (const claim of l.claims) {
      const hit = result.matches.some((m) => overlaps({ start: blockStarts[m.block]! + m.start, end: blockStarts[m.block]! + m.end }, l) && m.claims.some((c) => c.claimId === claim));
      if (!hit) console.log(`  MISSED ${claim} | ${pageText.slice(l.start, l.end).slice(0, 100)}`);
    }
  }
}

function total(rows: Row[]): PairCounts {
  return rows.reduce((t, r) => ({ predicted: t.predicted + r.predicted, correct: t.correct + r.correct, expected: t.expected + r.expected, found: t.found + r.found }), { predicted: 0, correct: 0, expected: 0, found: 0 });
}

/** `--set name=value,...` varies calibrated numbers for the sweep (e.g. --set shareExponent=0.7). */
function sweepOverrides(): Partial<Tuning> {
  const at = process.argv.indexOf('--set');
  if (at < 0) return {};
  const out: Record<string, number> = {};
  for (const pair of (process.argv[at + 1] ?? '').split(',')) {
    const [name, value] = pair.split('=');
    if (name && value && name in DEFAULT_TUNING) out[name] = Number(value);
  }
  return out as Partial<Tuning>;
}

function main(): void {
  const db = DatabaseSchema.parse(JSON.parse(readFileSync(resolve(root, 'assets/database/raqqa-convoy-2017.json'), 'utf8')));
  const labels = readLabels();
  if (labels.length === 0) {
    console.error(`eval: no labels in ${labelsDir()}; nothing to measure against`);
    process.exitCode = 1;
    return;
  }
  const t0: Tuning = { ...DEFAULT_TUNING, ...sweepOverrides() };
  const { loo, other, negatives, missing } = evaluate(db, labels, t0);
  console.log(`Parallax accuracy (threshold ${t0.threshold}, story gate: ${t0.gateMinClaims} claims at ${t0.gateScore} and ${t0.gateMinStoryNames} story names); pairs = (passage, claim)`);
  console.log('');
  const header = `${pad('page', 34)} ${padl('predicted', 9)} ${padl('correct', 7)} ${padl('labelled', 8)} ${padl('found', 5)} ${padl('precision', 9)} ${padl('recall', 6)}`;
  const line = (r: Row): string => `${pad(r.name, 34)} ${padl(r.predicted, 9)} ${padl(r.correct, 7)} ${padl(r.expected, 8)} ${padl(r.found, 5)} ${padl(ratio(r.correct, r.predicted), 9)} ${padl(ratio(r.found, r.expected), 6)}`;
  console.log('Leave one outlet out (index built without the outlet, its article annotated)');
  console.log(header);
  for (const r of loo) console.log(line(r));
  const t = total(loo);
  console.log(line({ name: 'ALL (target P ≥ 0.95, R ≥ 0.85)', ...t }));
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
  if (process.argv.includes('--sweep')) {
    console.log('');
    console.log('Threshold sweep (leave one outlet out, all pages; for calibration)');
    for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const r = evaluate(db, labels, { ...DEFAULT_TUNING, ...sweepOverrides(), threshold: th });
      const s = total(r.loo);
      const neg = r.negatives.reduce((n, x) => n + x.highlights, 0);
      console.log(`threshold ${th.toFixed(2)}: precision ${ratio(s.correct, s.predicted)} recall ${ratio(s.found, s.expected)} negatives ${neg}`);
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
