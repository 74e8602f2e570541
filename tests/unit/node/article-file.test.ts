// Article files as curators and pack:build meet them: saved HTML pages and texts with a
// `key: value` header, read into their text, blocks and what they say about themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../src/node/article-file';

const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
const facts = JSON.parse(readFileSync(join(STORY, 'facts.json'), 'utf8')) as {
  articles: { file: string; outlet: string; url: string; published: string; title: string }[];
  facts: { reports: { article: string; quote: string }[] }[];
};

describe('readArticleFile', () => {
  it.each(facts.articles)('reads $file: outlet, address, date and title as the file gives them', (article) => {
    const file = readArticleFile(article.file, readFileSync(join(STORY, article.file), 'utf8'));
    expect(file.meta).toEqual({
      outlet: article.outlet,
      url: article.url,
      published: article.published === 'unknown' ? null : article.published,
      title: article.title,
    });
  });

  it('gives the visible text every quote is copied from, header and markup left out', () => {
    const texts = new Map(
      facts.articles.map((a) => [a.file, readArticleFile(a.file, readFileSync(join(STORY, a.file), 'utf8')).text]),
    );
    const fileOf = new Map(facts.articles.map((a) => [(a as unknown as { id: string }).id, a.file]));
    for (const fact of facts.facts)
      for (const r of fact.reports) expect(texts.get(fileOf.get(r.article)!), r.quote).toContain(r.quote);
    for (const text of texts.values()) expect(text).not.toMatch(/^(outlet|url|published|title):/m);
  });

  it('reads a text without a header as it is, and a header with published: unknown as no date', () => {
    expect(readArticleFile('seed.txt', 'Title of a seed\n\nIts first line.')).toMatchObject({
      format: 'text',
      text: 'Title of a seed\n\nIts first line.',
      meta: { outlet: null },
    });
    const headed = readArticleFile(
      'a.txt',
      'outlet: The Example\r\npublished: unknown\r\n\r\nFirst paragraph.\r\nSecond.\r\n',
    );
    expect(headed).toMatchObject({
      meta: { outlet: 'The Example', published: null, url: null },
      text: 'First paragraph.\nSecond.\n',
      blocks: ['First paragraph.', 'Second.'],
    });
  });
});
