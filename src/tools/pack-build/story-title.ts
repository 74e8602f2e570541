// A title for the story when the curator gives none: the headline that has most words in common
// with the other articles' headlines (the one that says what they all report), in sentence case
// where an outlet shouted it, with the month and year of the story's date ("All 12 boys and coach
// rescued from Thai cave, July 2018"), as the docs ask a title to be written.
import { MONTH_NAMES } from '../../core/english/months';

const STOP = new Set(
  'a an the and or of to in on at by for with from as is are was were be been has have had its their it this that'.split(
    ' ',
  ),
);
const wordsOf = (title: string) =>
  new Set((title.toLowerCase().match(/\p{L}[\p{L}'’-]*|\d+/gu) ?? []).filter((w) => !STOP.has(w)));

/** "THAILAND CAVE RESCUE: ALL 12 BOYS" → "Thailand cave rescue: all 12 boys": only a headline in capitals is changed. */
function sentenceCase(title: string): string {
  if (/\p{Ll}/u.test(title)) return title;
  const lower = title.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function draftStoryTitle(headlines: readonly string[], storyDate: string): string {
  const sets = headlines.map(wordsOf);
  let best = 0;
  let bestShared = -1;
  sets.forEach((words, i) => {
    let shared = 0;
    sets.forEach((other, j) => {
      if (j !== i) for (const w of words) if (other.has(w)) shared += 1;
    });
    // Shared words per word: a long headline does not win by length alone.
    const score = words.size === 0 ? 0 : shared / Math.sqrt(words.size);
    if (score > bestShared) [best, bestShared] = [i, score];
  });
  const headline = sentenceCase((headlines[best] ?? '').trim().replace(/[.!?]+$/, ''));
  const month = MONTH_NAMES[Number(storyDate.slice(5, 7)) - 1] ?? '';
  const when = `${month.charAt(0).toUpperCase()}${month.slice(1)} ${storyDate.slice(0, 4)}`;
  return headline === '' ? `A story of ${when}` : `${headline}, ${when}`;
}
