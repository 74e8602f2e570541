// The draft's claims: which figures a claim compares, and the reports it lists for checking.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../../../src/tools/pack-build/article-source';
import { findValues } from '../../../../src/core/quantities/find-values';
import { comparableKeys, proposePack } from '../../../../src/tools/pack-build/propose';
import type { Sentence } from '../../../../src/tools/pack-build/sentences';

describe('comparableKeys', () => {
  it('does not compare how long something lasted with how long ago something happened', () => {
    const command = findValues(
      'Captain Marit Olsund, who has commanded the Northern Lark for nine years, called the passengers to their muster stations.',
    );
    const cut = findValues('The union said the Northern Lark sailed with just 31 crew, down from 38 two years ago.');
    expect(command.map((v) => v.text)).toContain('nine years');
    expect(cut.map((v) => v.text)).toContain('two years');
    expect([...comparableKeys([command, cut])].filter((k) => k.startsWith('duration'))).toEqual([]);
  });

  it('still compares two lengths of time, and two times ago', () => {
    const burned = findValues('The fire burned for five hours.');
    const controlled = findValues('Firefighters took almost five hours to bring the blaze under control.');
    expect([...comparableKeys([burned, controlled])]).toContain('duration/');
    const built = findValues('The union says crew were cut three years ago.');
    const reduced = findValues('Crew numbers were reduced two years ago.');
    expect([...comparableKeys([built, reduced])].filter((k) => k.startsWith('duration'))).toHaveLength(1);
  });
});

describe('proposePack: reports to check', () => {
  const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025/articles';
  const articles = ['ferry-ropax-review.txt', 'northline-news-agency.txt', 'carrow-examiner.txt'].map((f) =>
    readArticleSource(join(STORY, f)),
  );
  const quotes = [
    "The Seafarers and Ferry Workers' Union (SFWU) says the Northern Lark's complement was reduced from 38 to 31 in 2023.",
    "The Seafarers and Ferry Workers' Union (SFWU) said crew numbers on the Northern Lark had been cut from 38 to 31 since 2023.",
    'more than 200 passengers were taken off the Northern Lark ferry when fire broke out on board.',
  ];
  const sentences: Sentence[] = quotes.map((text, index) => {
    const start = articles[index]!.text.indexOf(text);
    return { article: index, index, start, end: start + text.length, text, parts: { first: 0, last: 0, count: 1 } };
  });

  it('lists a report that states none of the figures its claim compares, but others, as maybe another fact', () => {
    const proposal = proposePack({
      articles,
      sentences,
      facts: [
        {
          seed: [0, 1],
          members: [0, 1, 2],
          cohesion: new Map([
            [0, 0.5],
            [1, 0.5],
            [2, 0.4],
          ]),
        },
      ],
      story: { id: 'ferry', title: 'Ferry', date: '2025-03-14' },
    });
    expect(proposal.toCheck).toEqual([
      {
        sentence: 2,
        claim: proposal.pack.claims[0]!.id,
        why: expect.stringMatching(
          /other figures \(count of passenger\) than the claim compares \(.*date.*\): may report another fact/,
        ),
      },
    ]);
  });
});
