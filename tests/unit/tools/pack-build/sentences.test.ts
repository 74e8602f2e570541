// The sentences (and clauses) of an article's own reporting, each at its place in the text.
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../../../src/tools/pack-build/article-source';
import { articleSentences, clauses } from '../../../../src/tools/pack-build/sentences';

describe('articleSentences', () => {
  const article = readArticleSource('tests/fixtures/stories/northern-lark-ferry-fire-2025/articles/daily-beacon.html');
  const sentences = articleSentences(article, 0);

  it('quotes each sentence verbatim from the article text', () => {
    for (const s of sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves out furniture, the headline and headings', () => {
    const texts = sentences.map((s) => s.text).join('\n');
    expect(texts).not.toContain('Just got off the lifeboat');
    expect(texts).not.toContain('Read more');
    expect(texts).not.toContain('Inferno at sea');
    expect(texts).not.toContain('Rust-bucket');
    expect(texts).toContain('Nearly 250 passengers were crammed on board the Northern Lark');
  });

  it('adds the clauses of a long sentence that states two facts', () => {
    const text = 'The deal was arranged by local officials, observed by a coalition representative, and it reportedly specified that only Syrian fighters carrying personal weapons could leave.';
    expect(clauses(text).map((c) => text.slice(c.start, c.end))).toEqual([
      'The deal was arranged by local officials, observed by a coalition representative',
      'it reportedly specified that only Syrian fighters carrying personal weapons could leave.',
    ]);
  });

  it('does not cut a list or a quotation into clauses', () => {
    expect(clauses('American, British, and local Kurdish forces have sneaked out hundreds of fighters out of the city in Syria last month.')).toEqual([]);
    expect(clauses('"But this goes to the heart of our strategy, \'by, with and through\' local leaders on the ground," the colonel told reporters.')).toEqual([]);
  });
});
