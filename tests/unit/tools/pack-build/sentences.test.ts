// The sentences (and clauses) of an article's own reporting, each at its place in the text.
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../../../src/tools/pack-build/article-source';
import { articleSentences } from '../../../../src/tools/pack-build/sentences';

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

  it('adds the parts of a sentence that states several facts, each at its place in the sentence', () => {
    const parts = sentences.filter((s) => s.partOf !== undefined);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const whole = sentences[part.partOf!]!;
      expect(part.start).toBeGreaterThanOrEqual(whole.start);
      expect(part.end).toBeLessThanOrEqual(whole.end);
      expect(part.parts.count).toBe(whole.parts.count);
    }
  });
});
