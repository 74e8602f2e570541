// End to end, on a real story pack:build was never tuned to: a draft built from five outlets'
// saved articles, installed unreviewed, annotates a sixth outlet's page. What a reader sees of the
// draft must be readable as it is: claims:check accepts it, it says it is a draft, its story is
// dated on the day the articles report, its summaries and ids read as the facts, and where the
// outlets disagree (the SEALs' post in other words, the boys' ages) the claim says so.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotateHtml, type Annotation } from '../../../../src/tools/annotate';
import { loadEncoder } from '../../../../src/node/model/load-encoder';
import { checkPack } from '../../../../src/core/database/check';
import type { LoadedDatabase } from '../../../../src/core/database/load';
import type { Pack } from '../../../../src/core/database/schema';
import { SHIPPED_MODEL_ID } from '../../../../src/core/meaning/models';
import { readArticleSource, type ArticleSource } from '../../../../src/tools/pack-build/article-source';
import { buildPack } from '../../../../src/tools/pack-build/build-pack';
import { loadNodeMeaning } from '../../../../src/node/model/node-meaning';

const STORY = 'tests/fixtures/stories/thai-cave-rescue-2018';

describe("a draft pack from five outlets, on a sixth outlet's page", { timeout: 120_000 }, () => {
  let articles: ArticleSource[];
  let pack: Pack;
  let loaded: LoadedDatabase;
  let annotation: Annotation;
  let draftFile: string;
  beforeAll(async () => {
    articles = readdirSync(join(STORY, 'articles'))
      .sort()
      .map((f) => readArticleSource(join(STORY, 'articles', f)));
    const { encoder } = await loadEncoder(SHIPPED_MODEL_ID);
    ({ pack } = await buildPack(articles, { story: {}, embedder: encoder }));
    const check = checkPack(pack, new Map(articles.map((a) => [a.name, a.text])));
    expect(check.problems).toEqual([]);
    loaded = check.database!;
    const file = join(mkdtempSync(join(tmpdir(), 'draft-')), 'draft.json');
    writeFileSync(file, JSON.stringify(pack));
    draftFile = file;
    ({ annotation } = await annotateHtml(readFileSync(join(STORY, 'pages', '012_newsheads-ians.html'), 'utf8'), {
      packs: [file],
      meaning: null,
      why: 'words only',
    }));
  }, 120_000);

  it('marks itself a draft, titles the story from the headlines and dates it on the day the articles report', () => {
    expect(pack.draft).toBe(true);
    expect(pack.story.date).toBe('2018-07-10');
    expect(pack.story.title).toMatch(/, July 2018$/);
  });

  it('gives each claim a summary a reader can read and an id made of its words', () => {
    for (const claim of pack.claims) {
      expect(claim.summary, claim.id).toMatch(/^[^\p{Ll}].*[.!?"”]$/u);
      expect(claim.summary, claim.id).not.toMatch(/Draft:|\[|\]/);
      const summaryWords = claim.summary.toLowerCase();
      for (const word of claim.id.replace(/-\d+$/, '').split('-')) expect(summaryWords, claim.id).toContain(word);
    }
  });

  it("says where the outlets disagree: the SEALs' post quoted in other words, the boys' ages", () => {
    const post = loaded.claims.find((c) => c.comparison.kinds.some((k) => k.kind === 'quotation'))!;
    expect(post.status).toBe('differ');
    expect(post.reasons.join(' ')).toMatch(/words quoted: .*Wild Boars.*differ/);
    const ages = loaded.claims.find((c) => c.comparison.kinds.some((k) => k.kind === 'age' && k.of === 'oldest'))!;
    expect(ages.reasons).toContain(
      'age (oldest): Ekushe Alo 24 (ekusheralo24.com; AFP copy) says 16 years; NewsFeeds24 (newsfeeds24.com) says 17 years: differ',
    );
    expect(ages.summary).not.toMatch(/16|17/);
  });

  // A short page (Zee News, about ten sentences) that states the draft's facts partly in an
  // outlet's words, partly in its own: words alone state two of the draft's fifteen claims well, so
  // their gate stays shut; meaning's gate counts both kinds of evidence and opens it. Pages of the
  // same actors a year or four later, restating the story's background, stay blank.
  it('opens a short page by what words and meaning state together, and leaves later pages of the same actors blank', async () => {
    const meaning = loadNodeMeaning();
    const read = (path: string) => readFileSync(join(STORY, path), 'utf8');
    const short = read('pages/011_zee-news.html');
    expect(
      (await annotateHtml(short, { packs: [draftFile], meaning: null, why: 'words only' })).annotation.matches,
    ).toEqual([]);
    const both = (await annotateHtml(short, { packs: [draftFile], meaning })).annotation;
    expect(both.matches.length).toBeGreaterThanOrEqual(5);
    expect(both.matches.some((m) => m.text.startsWith('All 12 boys and football coach rescued from Thai cave'))).toBe(
      true,
    );
    for (const page of readdirSync(join(STORY, 'negatives')).sort()) {
      const { annotation: later } = await annotateHtml(read(`negatives/${page}`), { packs: [draftFile], meaning });
      expect(later.matches, page).toEqual([]);
    }
  });

  // A short live report (CBS News, dated 10 July 2018) states two or three of the draft's facts:
  // short of meaning's three facts' worth, enough for the words' bar (three claims summing to 1.8)
  // that a page dated in the story's days opens at. The same text dated a year later, or with its
  // date taken out, stays blank: the gate is then as it was (page-timing.ts).
  it("opens a short page dated in the story's days, and not the same text dated a year later or undated", async () => {
    const meaning = loadNodeMeaning();
    const page = readFileSync(join(STORY, 'pages', '006_cbs-news.html'), 'utf8');
    expect(page.match(/datetime="2018-07-10"/g)).toHaveLength(1);
    const dated = (await annotateHtml(page, { packs: [draftFile], meaning })).annotation;
    expect(dated.matches.length).toBeGreaterThanOrEqual(2);
    const later = (
      await annotateHtml(page.replace('datetime="2018-07-10"', 'datetime="2019-07-10"'), {
        packs: [draftFile],
        meaning,
      })
    ).annotation;
    expect(later.matches).toEqual([]);
    const undated = (await annotateHtml(page.replace('datetime="2018-07-10"', ''), { packs: [draftFile], meaning }))
      .annotation;
    expect(undated.matches).toEqual([]);
  });

  it("highlights the other outlet's page with the draft's claims, quoting the five outlets verbatim", () => {
    expect(annotation.matches.length).toBeGreaterThanOrEqual(3);
    const texts = articles.map((a) => a.text);
    for (const match of annotation.matches) {
      for (const claim of match.claims) {
        expect(claim.id.startsWith(`${pack.id}/`), claim.id).toBe(true);
        for (const report of claim.reports) {
          expect(
            texts.some((t) => t.includes(report.quote)),
            report.quote,
          ).toBe(true);
          expect(report.url).not.toContain('newsheads.in');
        }
      }
    }
  });
});
