// The story's date (the day of the moment the articles report) when the curator gives none. Every
// day the articles refer to is counted: calendar dates ("June 23", "14 March", a dateline's "July
// 10, 2018") and the days news prose counts from its own date ("on Tuesday", "yesterday", "Friday
// night"), each read by the core's date reader from the article's date. The day the most articles
// refer to is the story's; on a tie, the one more of them call by a weekday or "yesterday" (news
// names the moment it reports that way, and the background by its date: "went into the cave on
// June 23"), then the later. Days after the articles were published are plans, not events.
import { GENERIC_LEXICON } from '../../core/terms/lexicon';
import { readValue } from '../../core/quantities/read-value';
import { UnreadableValueError } from '../../core/quantities/types';
import type { ArticleSource } from './article-source';
import { datelineLength, findValues } from '../../core/quantities/find-values';
import type { Sentence } from './sentences';

export class StoryDateError extends Error {}

/** Words that name a day by counting from the article's own date. */
const RELATIVE_DAY = /\b(?:yesterday|today|tonight|last night)\b/gi;
/** A date in a dateline: "MAE SAI, Thailand, July 10, 2018 (AFP) :". */
const DATELINE_DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}(?:,? \d{4})?|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?/;

const DAY_MS = 86_400_000;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface DayCount {
  articles: Set<number>;
  /** Articles that name the day relative to their own date (a weekday, "yesterday"). */
  relative: Set<number>;
}

/** The days a sentence refers to, as YYYY-MM-DD, with whether its words count from the article's date. */
function daysIn(sentence: string, reference: string): { iso: string; relative: boolean }[] {
  const words: { text: string; relative: boolean }[] = [];
  const dateline = sentence.slice(0, datelineLength(sentence));
  const inDateline = DATELINE_DATE.exec(dateline);
  if (inDateline !== null) words.push({ text: inDateline[0], relative: false });
  for (const value of findValues(sentence, GENERIC_LEXICON)) {
    // "until Thursday", "next week" look ahead; "in 2023" is a year, not a day.
    if (value.kind !== 'date' || /^(?:until|next|by)\b/i.test(value.text)) continue;
    words.push({ text: value.text, relative: !/\d/.test(value.text) });
  }
  for (const m of sentence.matchAll(RELATIVE_DAY)) words.push({ text: m[0], relative: true });
  const days: { iso: string; relative: boolean }[] = [];
  for (const { text, relative } of words) {
    try {
      const read = readValue({ kind: 'date', text }, { storyDate: reference, articleDate: reference });
      if (read.type !== 'figure' || read.range.low !== read.range.high) continue;
      days.push({ iso: isoOf(read.range.low), relative });
    } catch (error) {
      if (!(error instanceof UnreadableValueError)) throw error;
    }
  }
  return days;
}

export function inferStoryDate(
  articles: readonly ArticleSource[],
  sentences: readonly Sentence[],
): { date: string; from: string } {
  const published = articles
    .map((a) => a.published)
    .filter((p): p is string => p !== null)
    .sort();
  // An article without a date counts its weekdays from the latest date the others give: news is
  // read after the event, and a day counted back too far would be a week early.
  const latest = published.at(-1);
  if (latest === undefined) throw new StoryDateError('no article gives its date: pass --date YYYY-MM-DD');
  const counts = new Map<string, DayCount>();
  for (const sentence of sentences) {
    if (sentence.partOf !== undefined) continue;
    const reference = articles[sentence.article]!.published ?? latest;
    for (const { iso, relative } of daysIn(sentence.text, reference)) {
      if (iso > reference) continue;
      const count = counts.get(iso) ?? { articles: new Set(), relative: new Set() };
      count.articles.add(sentence.article);
      if (relative) count.relative.add(sentence.article);
      counts.set(iso, count);
    }
  }
  const ranked = [...counts].sort(
    ([dayA, a], [dayB, b]) =>
      b.articles.size - a.articles.size || b.relative.size - a.relative.size || dayB.localeCompare(dayA),
  );
  const best = ranked[0];
  if (best !== undefined && best[1].articles.size >= 2)
    return { date: best[0], from: `the day ${best[1].articles.size} articles refer to` };
  return { date: published[0]!, from: "the first article's date (no day is referred to by two articles)" };
}
