// The sentences of an article's own reporting: its blocks split into sentences, furniture left
// out, each with its place in the article's text so a quote taken from it is verbatim.
import { splitSentences } from '../core/text/segment';
import type { ArticleFile } from '../node/article-file';

export interface Sentence {
  /** Index of the article in the build's input. */
  article: number;
  /** Index among all sentences of the build. */
  index: number;
  /** Offsets in the article's text. */
  start: number;
  end: number;
  text: string;
}

/** A list marker at the start of a line ("- ", "• ") is layout, not part of the quote. */
const LIST_MARKER = /^(?:[-•*–]\s+)/;
/** Fewer words than this state no fact ("New Delhi :", a one-word heading). */
const MIN_WORDS = 4;
/**
 * A line this short without a full stop, not in a list, is a heading, a caption or a standfirst
 * fragment ("How the deal took place"): it names a fact rather than reporting it with a source.
 */
const HEADING_MAX_WORDS = 15;

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Whether a block is the article's headline or a heading: the headline is the article's title
 * (its metadata), and quotes come from the reporting under it.
 */
function isHeading(text: string, title: string): boolean {
  const line = text.trim();
  if (fold(line) === fold(title)) return true;
  return !LIST_MARKER.test(line) && !/[.!?…]["”’')]*$/.test(line) && wordsIn(line) <= HEADING_MAX_WORDS;
}

/** The article's reporting, sentence by sentence, in reading order. */
export function articleSentences(article: ArticleFile, articleIndex: number, firstIndex = 0): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of article.blocks) {
    if (block.furniture !== null || isHeading(block.text, article.title)) continue;
    for (const span of splitSentences(block.text)) {
      let start = span.start;
      const marker = LIST_MARKER.exec(block.text.slice(start, span.end));
      if (marker !== null) start += marker[0].length;
      const text = block.text.slice(start, span.end);
      if (wordsIn(text) < MIN_WORDS) continue;
      sentences.push({ article: articleIndex, index: firstIndex + sentences.length, start: block.start + start, end: block.start + span.end, text });
    }
  }
  return sentences;
}
