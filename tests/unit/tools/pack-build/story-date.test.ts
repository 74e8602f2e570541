// The story's date is the day of the moment its articles report, not the earliest day they
// mention; and a title is drafted from the headlines when the curator gives none.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleSource, type ArticleSource } from '../../../../src/tools/pack-build/article-source';
import { articleSentences } from '../../../../src/tools/pack-build/sentences';
import { inferStoryDate, StoryDateError } from '../../../../src/tools/pack-build/story-date';
import { draftStoryTitle } from '../../../../src/tools/pack-build/story-title';

const dir = mkdtempSync(join(tmpdir(), 'story-date-'));
let n = 0;
function article(published: string, ...lines: string[]): ArticleSource {
  const path = join(dir, `a${(n += 1)}.txt`);
  writeFileSync(
    path,
    `outlet: Outlet ${n}\nurl: https://outlet${n}.example/story\npublished: ${published}\ntitle: A headline ${n}\n\n${lines.join('\n\n')}\n`,
  );
  return readArticleSource(path);
}
const dateOf = (articles: ArticleSource[]) => {
  const sentences = articles.flatMap((a, i) => articleSentences(a, i));
  sentences.forEach((s, i) => (s.index = i));
  return inferStoryDate(articles, sentences);
};

describe('inferStoryDate', () => {
  it('takes the day most articles refer to, weekdays and "yesterday" counted from each article, not the earliest day mentioned', () => {
    const articles = [
      article(
        'unknown',
        'The boys went into the cave on June 23 after football practice.',
        'Yesterday the last four boys and their coach were taken out safely.',
      ),
      article(
        '2018-07-11',
        'The group became trapped on June 23 when flood water cut them off.',
        'The last of them were rescued on Tuesday.',
      ),
      article(
        '2018-07-10',
        'MAE SAI, Thailand, July 10, 2018 (AFP) : All 12 boys have been rescued, the Navy SEALs announced on Tuesday.',
        'They went into the cave on June 23.',
      ),
    ];
    expect(dateOf(articles)).toEqual({ date: '2018-07-10', from: 'the day 3 articles refer to' });
  });

  it('on a tie prefers the day the articles name relative to their own date, then the later', () => {
    const articles = [
      article(
        '2025-03-15',
        'Fire broke out aboard a ferry on Friday evening.',
        'The ship was built on March 1, 1998 in a yard.',
      ),
      article('2025-03-15', 'The ferry caught fire on Friday night.', 'Its keel was laid on March 1.'),
    ];
    expect(dateOf(articles).date).toBe('2025-03-14');
  });

  it('leaves out days after the articles were published (plans, not events)', () => {
    const articles = [
      article(
        '2025-03-15',
        'Sailings are suspended until Thursday, and a hearing is set for March 30.',
        'The fire broke out on Friday.',
      ),
      article('2025-03-16', 'A hearing will be held on March 30 about the fire on Friday.'),
    ];
    expect(dateOf(articles).date).toBe('2025-03-14');
  });

  it("falls back to the first article's date, and asks for --date when no article is dated", () => {
    expect(
      dateOf([
        article('2024-05-02', 'Something happened somewhere today at last.'),
        article('2024-05-03', 'Another thing happened to somebody here.'),
      ]).date,
    ).toBe('2024-05-02');
    expect(() =>
      dateOf([
        article('unknown', 'A thing happened on Friday night.'),
        article('unknown', 'It happened on Friday evening.'),
      ]),
    ).toThrow(StoryDateError);
  });
});

describe('draftStoryTitle', () => {
  it('takes the headline most like the others, in sentence case, with the month and year', () => {
    const headlines = [
      'Everyone rescued from Thai cave',
      'All 12 Thai boys, coach rescued from cave',
      'ALL 12 BOYS AND THEIR COACH RESCUED FROM CAVE',
      'Thai cave rescue: All 12 boys and soccer coach freed',
    ];
    expect(draftStoryTitle(headlines, '2018-07-10')).toBe('All 12 Thai boys, coach rescued from cave, July 2018');
    expect(draftStoryTitle(['FERRY FIRE: ALL SAFE'], '2025-03-14')).toBe('Ferry fire: all safe, March 2025');
  });
});
