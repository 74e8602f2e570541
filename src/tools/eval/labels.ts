// The eval's ground truth: hand-written labels of which passages of a page state which claims,
// located in the page as extracted, and the comparison of a matcher's output with them. Used by
// npm run eval, npm run bench (accuracy at scale) and the labels' own unit test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { qualifiedId, type Database, type SetArticle } from '../../core/database/combine';
import type { PageMatches } from '../../core/match/types';
import { blockStarts, joinBlocks } from '../../core/text/joined-blocks';
import { readArticleFile } from '../../node/article-file';
import { FIXTURES_DIR, ROOT, SEEDS_DIR } from '../../node/paths';
import { readJson } from '../../node/data';

export interface LabelFile {
  /** The article's id in its story's pack, or a page's name. */
  article: string;
  /** A seed text under assets/seeds/, or an article file or HTML page relative to the repository. */
  source: string;
  /**
   * Claim ids in the story's pack (as the pack file writes them). `also`: claims the passage
   * touches loosely; a highlight of one is neither right nor wrong (the outside pages' labels).
   */
  passages: { text: string; claims: string[]; also?: string[] }[];
  /** Page furniture and borderline sentences: a highlight there counts neither way. */
  ignore?: { text: string; why: string }[];
}

interface Span {
  start: number;
  end: number;
}

export interface LabelledPage {
  name: string;
  url: string;
  /** The page's own date (YYYY-MM-DD), where it states one: the story gate weighs it. */
  published: string | null;
  blocks: string[];
  /** Labelled passages located in the page text (blocks joined by BLOCK_SEPARATOR). */
  passages: (Span & { claims: string[]; also?: string[] })[];
  ignored: Span[];
  /** Labelled passages whose text could not be found in the page (a broken label, reported, not counted). */
  missing: string[];
}

export interface PairCounts {
  predicted: number;
  correct: number;
  expected: number;
  found: number;
}

/** Labelled passages (with a claim the database holds) and how many got at least one of their claims. */
export interface PassageCounts {
  passages: number;
  passagesFound: number;
}

/** The label files of a directory, in name order; none when it does not exist. */
export function readLabels(dir: string): LabelFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(resolve(dir, f)) as LabelFile);
}

/**
 * A page's blocks: an HTML page goes through extraction; a text (a seed, or an article with a
 * `key: value` header, which is left out) splits at line breaks. The address is the page's own
 * (canonical link, or the header's url:), where it gives one.
 */
export function sourceBlocks(source: string): { blocks: string[]; url: string | null; published: string | null } {
  const seedPath = resolve(SEEDS_DIR, source);
  const path = existsSync(seedPath) ? seedPath : resolve(ROOT, source);
  const { blocks, meta } = readArticleFile(source, readFileSync(path, 'utf8'));
  return { blocks, url: meta.url, published: meta.published };
}

/** Pages that must stay clean: unrelated news, and the same place and actors in other events. */
export function negativePages(): string[] {
  const dir = resolve(FIXTURES_DIR, 'negative-pages');
  const pages = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => `tests/fixtures/negative-pages/${f}`)
    : [];
  const unrelated = 'tests/fixtures/pages/unrelated-news.html';
  if (existsSync(resolve(ROOT, unrelated))) pages.push(unrelated);
  // The real hard negatives that come with the outside pages.
  const outside = resolve(FIXTURES_DIR, 'outside-pages');
  if (existsSync(outside)) {
    for (const story of readdirSync(outside).sort()) {
      const dir = resolve(outside, story, 'negatives');
      if (existsSync(dir))
        pages.push(
          ...readdirSync(dir)
            .filter((f) => f.endsWith('.html'))
            .sort()
            .map((f) => `tests/fixtures/outside-pages/${story}/negatives/${f}`),
        );
    }
  }
  return pages;
}

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function loadLabelledPage(file: LabelFile, articleUrl: string | null): LabelledPage {
  const { blocks, url, published } = sourceBlocks(file.source);
  const pageText = joinBlocks(blocks);
  const passages: LabelledPage['passages'] = [];
  const ignored: Span[] = [];
  const missing: string[] = [];
  const locate = (text: string, reportMissing: boolean): Span | null => {
    let start = pageText.indexOf(text);
    let length = text.length;
    if (start < 0) {
      // Labels are written from the article text; allow for whitespace the page collapsed.
      const squeezed = squeeze(text);
      start = pageText.indexOf(squeezed);
      length = squeezed.length;
    }
    if (start < 0 && reportMissing) missing.push(text);
    return start < 0 ? null : { start, end: start + length };
  };
  for (const p of file.passages) {
    const range = locate(p.text, true);
    if (range) passages.push({ ...range, claims: p.claims, ...(p.also && p.also.length > 0 ? { also: p.also } : {}) });
  }
  // A passage to ignore that extraction already leaves out (a caption, a promo: furniture) is as
  // it should be, not a broken label.
  for (const i of file.ignore ?? []) {
    const range = locate(i.text, false);
    if (range) ignored.push(range);
  }
  return { name: file.article, url: articleUrl ?? url ?? '', published, blocks, passages, ignored, missing };
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The matcher's (passage, claim) pairs with offsets in the joined page text. */
export function predictedPairs(
  page: LabelledPage,
  result: PageMatches,
): (Span & { claim: string; score: number; text: string })[] {
  const starts = blockStarts(page.blocks);
  return result.matches.flatMap((m) =>
    m.claims.map((c) => ({
      start: starts[m.block]! + m.start,
      end: starts[m.block]! + m.end,
      claim: c.claimId,
      score: c.score,
      text: m.text,
    })),
  );
}

/** Whether a labelled passage overlapping the span names the claim. */
export const isLabelled = (page: LabelledPage, pair: Span & { claim: string }): boolean =>
  page.passages.some((l) => overlaps(pair, l) && l.claims.includes(pair.claim));

/** Whether a labelled passage overlapping the span touches the claim loosely (its `also`). */
const isLoose = (page: LabelledPage, pair: Span & { claim: string }): boolean =>
  page.passages.some((l) => overlaps(pair, l) && (l.also ?? []).includes(pair.claim));

/** Compares predicted (passage, claim) pairs with labelled ones; passages agree when they overlap. */
export function comparePairs(page: LabelledPage, result: PageMatches, knownClaims: ReadonlySet<string>): PairCounts {
  const predicted = predictedPairs(page, result)
    // A highlight on an ignored passage (furniture, borderline), or of a claim the passage only
    // touches loosely, counts neither way.
    .filter((p) => isLabelled(page, p) || !(page.ignored.some((i) => overlaps(p, i)) || isLoose(page, p)));
  const correct = predicted.filter((p) => isLabelled(page, p)).length;
  // A claim the leave-one-out database no longer holds cannot be found; it is not expected.
  const expectedPairs = page.passages.flatMap((l) =>
    l.claims.filter((c) => knownClaims.has(c)).map((claim) => ({ ...l, claim })),
  );
  const found = expectedPairs.filter((l) => predicted.some((p) => overlaps(p, l) && p.claim === l.claim)).length;
  return { predicted: predicted.length, correct, expected: expectedPairs.length, found };
}

/** Labelled passages that get at least one of their (known) claims: what a reader sees highlighted. */
export function comparePassages(
  page: LabelledPage,
  result: PageMatches,
  knownClaims: ReadonlySet<string>,
): PassageCounts {
  const predicted = predictedPairs(page, result);
  const labelled = page.passages.filter((l) => l.claims.some((c) => knownClaims.has(c)));
  const found = labelled.filter((l) => predicted.some((p) => overlaps(p, l) && l.claims.includes(p.claim)));
  return { passages: labelled.length, passagesFound: found.length };
}

/**
 * A label file with its claim ids as a set of packs knows them ("raqqa-convoy-2017/convoy-length"):
 * labels are written in their story's pack's own ids.
 */
export function labelsInSet(file: LabelFile, pack: string): LabelFile {
  const qualify = (ids: readonly string[]): string[] => ids.map((c) => qualifiedId(pack, c));
  return {
    ...file,
    passages: file.passages.map((p) => ({
      ...p,
      claims: qualify(p.claims),
      ...(p.also ? { also: qualify(p.also) } : {}),
    })),
  };
}

/** The pack's article a label file describes, or undefined for a page of an outlet outside the pack. */
export function labelledArticle(db: Database, file: LabelFile, pack: string): SetArticle | undefined {
  const id = qualifiedId(pack, file.article);
  return db.articles.find((a) => a.id === id);
}

/** The set of packs as if the article's outlet had never reported it (leave one outlet out). */
export function withoutArticle(db: Database, articleId: string): Database {
  const claims = db.claims
    .map((c) => ({ ...c, reports: c.reports.filter((r) => r.article !== articleId) }))
    .filter((c) => c.reports.length > 0);
  return { ...db, claims };
}
