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

/** The article's reporting, sentence by sentence, in reading order. */
export function articleSentences(article: ArticleFile, articleIndex: number, firstIndex = 0): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of article.blocks) {
    if (block.furniture !== null) continue;
    for (const span of splitSentences(block.text)) {
      let start = span.start;
      const marker = LIST_MARKER.exec(block.text.slice(start, span.end));
      if (marker !== null) start += marker[0].length;
      const text = block.text.slice(start, span.end);
      if (text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_WORDS) continue;
      sentences.push({ article: articleIndex, index: firstIndex + sentences.length, start: block.start + start, end: block.start + span.end, text });
    }
  }
  return sentences;
}
