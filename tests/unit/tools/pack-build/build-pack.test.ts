// Building a draft pack from article files: facts two or more outlets state, each outlet's
// verbatim sentence with prefix, suffix, credit and values, and a draft claims:check accepts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPack } from '../../../../src/core/database/check';
import { readArticleSource, type ArticleSource } from '../../../../src/tools/pack-build/article-source';
import { buildPack, defaultPackId, type BuildResult } from '../../../../src/tools/pack-build/build-pack';
import { unmatchedQuoteMarks } from '../../../../src/tools/pack-build/summary';
import type { SentenceEmbedder } from '../../../../src/tools/pack-build/similarity';

const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025/articles';

describe('buildPack on the ferry story, by words alone', { timeout: 30_000 }, () => {
  let articles: ArticleSource[];
  let result: BuildResult;
  beforeAll(async () => {
    articles = readdirSync(STORY)
      .sort()
      .map((f) => readArticleSource(join(STORY, f)));
    result = await buildPack(articles, { story: { title: 'The Northern Lark ferry fire' }, embedder: null });
  });

  it('writes a pack claims:check accepts, its story dated from the articles', () => {
    const check = checkPack(result.pack, new Map(articles.map((a) => [a.name, a.text])));
    expect(check.problems).toEqual([]);
    expect(result.pack).toMatchObject({
      format: 'parallax-pack',
      id: 'northern-lark-ferry-fire-2025',
      story: { date: '2025-03-14' },
    });
    expect(result.pack.outlets.map((o) => o.hosts[0])).toEqual([
      'carrowexaminer.example',
      'channelnorth.example',
      'dailybeacon.example',
      'ferryropaxreview.example',
      'northline-news.example',
    ]);
    expect(result.pack.articles.find((a) => a.outlet === 'carrow-examiner')).toMatchObject({
      id: 'carrow-examiner',
      published: null,
      source: 'carrow-examiner.txt',
    });
  });

  it('proposes only facts that two or more outlets state', () => {
    for (const claim of result.pack.claims)
      expect(new Set(claim.reports.map((r) => r.article)).size, claim.id).toBeGreaterThanOrEqual(2);
  });

  it('quotes every outlet verbatim, never from its furniture', () => {
    const textOf = new Map(result.pack.articles.map((a) => [a.id, articles.find((x) => x.name === a.source)!]));
    for (const report of result.pack.claims.flatMap((c) => c.reports)) {
      const article = textOf.get(report.article)!;
      expect(article.text).toContain(report.prefix + report.quote + report.suffix);
      const block = article.blocks.find((b) => b.text.includes(report.quote));
      expect(block?.furniture ?? null, report.quote).toBeNull();
    }
  });

  it("finds the investigation fact with each outlet's sentence", () => {
    const claim = result.pack.claims.find((c) =>
      c.reports.some((r) => r.quote === 'The Maritime Accident Investigation Office has started an investigation.'),
    );
    expect(claim?.reports.map((r) => r.quote)).toEqual(
      expect.arrayContaining(['The Maritime Accident Investigation Office (MAIO) has opened a safety investigation.']),
    );
  });

  it("reads each outlet's figures and credit, and keeps the disputed figures out of the summary", () => {
    const compensation = result.pack.claims.find((c) =>
      c.reports.some((r) => r.quote === 'Passengers are to receive refunds and €250 each.'),
    )!;
    expect(compensation.reports.flatMap((r) => r.values.map((v) => v.text))).toEqual(
      expect.arrayContaining(['€250', '250 euros']),
    );
    // No summary states a figure, title or quotation the outlets dispute.
    const loaded = checkPack(result.pack, new Map(articles.map((a) => [a.name, a.text]))).database!;
    for (const claim of loaded.claims) {
      const disputed = claim.reports.flatMap((r) =>
        r.values.filter((v) => v.differs && v.spec.kind !== 'credit').map((v) => v.spec.text),
      );
      for (const text of disputed) expect(claim.summary, claim.localId).not.toContain(text);
    }
    const fireOrigin = result.pack.claims
      .flatMap((c) => c.reports)
      .find((r) => r.quote === "The fire began on the ship's vehicle deck, the fire service said.");
    expect(fireOrigin?.attribution).toBe('the fire service');
  });

  it('writes every summary as a sentence for readers: no "Draft:", no brackets, no quotation mark left without its partner', () => {
    for (const claim of result.pack.claims) {
      expect(claim.summary, claim.id).toMatch(/^[^\p{Ll}].*[.!?"”]$/u);
      expect(claim.summary, claim.id).not.toMatch(/Draft:|\[/);
      expect(unmatchedQuoteMarks(claim.summary), claim.summary).toEqual([]);
    }
  });

  it("gives the story's name variants to its lexicon", () => {
    expect(result.pack.lexicon.names).toEqual(
      expect.arrayContaining([['Maritime Accident Investigation Office', 'MAIO']]),
    );
  });
});

describe('buildPack with a sentence encoder', () => {
  /** Vectors that make the two "ship" sentences alike and every other sentence unlike any: meaning decides where words cannot. */
  const embedder: SentenceEmbedder = {
    model: { id: 'all-minilm-l6-v2-q' },
    embed: async (texts) =>
      texts.map((t, i) =>
        Float32Array.from([
          /vessel|ship/i.test(t) ? 1 : 0,
          ...texts.map((_, k) => (k === i && !/vessel|ship/i.test(t) ? 1 : 0)),
        ]),
      ),
  };

  it('aligns paraphrases that share no word, by meaning', async () => {
    const article = (outlet: string, url: string, lines: string[]): ArticleSource => {
      const text = lines.join('\n');
      let at = 0;
      const blocks = lines.map((line) => ({
        text: line,
        start: (at += line.length + 1) - line.length - 1,
        furniture: null,
      }));
      return {
        outlet,
        url,
        published: '2025-03-15',
        title: `${outlet} report`,
        byline: null,
        path: `${outlet}.txt`,
        name: `${outlet}.txt`,
        format: 'text',
        text,
        blocks,
        guessed: [],
      };
    };
    const articles = [
      article('Alpha', 'https://alpha.example/a', [
        'The vessel caught fire near the headland on Friday.',
        'Markets rose sharply in early trading.',
      ]),
      article('Beta', 'https://beta.example/b', [
        'Flames engulfed the ship off the coast, officials said.',
        'Parliament debated the budget until late.',
      ]),
    ];
    const result = await buildPack(articles, {
      story: { title: 'A fire', date: '2025-03-14' },
      embedder,
      tuning: {
        meaningWeight: 1,
        seedScore: 0.9,
        joinScore: 0.9,
        pruneScore: 0,
        candidatesPerArticle: 1,
        duplicateShare: 0.5,
      },
    });
    expect(result.encoder).toBe('all-minilm-l6-v2-q');
    expect(result.pack.claims.map((c) => c.reports.map((r) => r.quote))).toEqual([
      [
        'The vessel caught fire near the headland on Friday.',
        'Flames engulfed the ship off the coast, officials said.',
      ],
    ]);
    expect(result.pack.claims[0]!.reports[1]!.attribution).toBe('officials');
  });
});

describe('defaultPackId', () => {
  it('is the title as a slug, with the year of the story', () => {
    expect(defaultPackId('The Northern Lark ferry fire', '2025-03-14')).toBe('northern-lark-ferry-fire-2025');
    expect(defaultPackId('The Raqqa convoy deal, October 2017', '2017-10-12')).toBe('raqqa-convoy-deal-october-2017');
  });
});
