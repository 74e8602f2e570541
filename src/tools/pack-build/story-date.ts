// The story's date (when the events happened) when the curator gives none: the calendar date
// written out in the most articles ("March 14", "14 March", "October 12"), on or before the first
// article's publication, since news reports events after they happen; failing that, the first
// article's date.
import { monthNumber } from '../../core/english/months';
import type { ArticleSource } from './article-source';
import type { Sentence } from './sentences';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_DAY = new RegExp(`\\b(?:(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS})(?: (\\d{4}))?)\\b`, 'g');

export class StoryDateError extends Error {}

export function inferStoryDate(articles: readonly ArticleSource[], sentences: readonly Sentence[]): { date: string; from: string } {
  const published = articles.map((a) => a.published).filter((p) => p !== null).sort();
  const firstPublished = published[0];
  const articlesByDate = new Map<string, Set<number>>();
  for (const sentence of sentences) {
    const article = articles[sentence.article]!;
    const year = (article.published ?? firstPublished)?.slice(0, 4);
    for (const m of sentence.text.matchAll(MONTH_DAY)) {
      const month = monthNumber((m[1] ?? m[5])!.toLowerCase());
      const day = Number(m[2] ?? m[4]);
      const y = m[3] ?? m[6] ?? year;
      if (month === undefined || y === undefined || day < 1 || day > 31) continue;
      const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (firstPublished !== undefined && iso > firstPublished) continue;
      if (!articlesByDate.has(iso)) articlesByDate.set(iso, new Set());
      articlesByDate.get(iso)!.add(sentence.article);
    }
  }
  const ranked = [...articlesByDate].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  const best = ranked[0];
  if (best !== undefined && best[1].size >= 2) return { date: best[0], from: `the date ${best[1].size} articles give` };
  if (firstPublished !== undefined) return { date: firstPublished, from: 'the first article\'s date (no date is given by two articles)' };
  throw new StoryDateError('no article gives a date: pass --date YYYY-MM-DD');
}
