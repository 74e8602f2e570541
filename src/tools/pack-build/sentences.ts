// The sentences of an article's own reporting: its blocks split into sentences, furniture left
// out, each with its place in the article's text so a quote taken from it is verbatim.
import { splitSentences, type SentenceSpan } from '../../core/text/segment';
import { datelineLength } from '../../core/quantities/find-values';
import { factSpans, protectedStretches } from './fact-spans';
import type { ArticleSource } from './article-source';

export interface Sentence {
  /** Index of the article in the build's input. */
  article: number;
  /** Index among all sentences of the build. */
  index: number;
  /** Offsets in the article's text. */
  start: number;
  end: number;
  text: string;
  /** For a span of a sentence: the index of the sentence it is part of; absent for a whole sentence. */
  partOf?: number;
  /** The sentence's parts this span runs over (fact-spans.ts), first and last; a whole sentence runs over all. */
  parts: { first: number; last: number; count: number };
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
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a block is the article's headline or a heading: the headline is the article's title
 * (its metadata), and quotes come from the reporting under it.
 */
function isHeading(text: string, title: string): boolean {
  const line = text.trim();
  if (fold(line) === fold(title)) return true;
  return !LIST_MARKER.test(line) && !/[.!?…]["”’')]*$/.test(line) && wordsIn(line) <= HEADING_MAX_WORDS;
}

/** A quotation runs over this many sentences at most before it is taken as an unclosed mark. */
const MAX_QUOTED_SENTENCES = 3;

/**
 * The block's sentences, a quotation that runs over several sentences kept in one ("“We are not
 * sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the
 * cave,” the SEALs wrote"): what was said is one statement, and the credit comes after it.
 */
function blockSentences(text: string): SentenceSpan[] {
  const spans = splitSentences(text);
  const joined: SentenceSpan[] = [];
  for (let i = 0; i < spans.length; i += 1) {
    let span = spans[i]!;
    const opensQuote = (s: SentenceSpan) =>
      protectedStretches(text.slice(s.start, s.end)).some(
        (p) => p.end === s.end - s.start && /["“‘']/.test(text[s.start + p.start]!),
      );
    for (let k = 1; k < MAX_QUOTED_SENTENCES && opensQuote(span) && i + 1 < spans.length; k += 1) {
      const next = { start: span.start, end: spans[i + 1]!.end };
      if (opensQuote(next) && k + 1 >= MAX_QUOTED_SENTENCES) break;
      span = next;
      i += 1;
    }
    joined.push(span);
  }
  return joined;
}

/**
 * The article's reporting in reading order: each sentence, and after it the spans of it that may
 * each state one fact (fact-spans.ts: "…, ending a grueling 18-day ordeal", "that claimed the life
 * of an experienced volunteer diver").
 */
export function articleSentences(article: ArticleSource, articleIndex: number, firstIndex = 0): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of article.blocks) {
    if (block.furniture !== null || isHeading(block.text, article.title)) continue;
    for (const span of blockSentences(block.text)) {
      let start = span.start;
      const marker = LIST_MARKER.exec(block.text.slice(start, span.end));
      if (marker !== null) start += marker[0].length;
      // A wire dateline ("CHIANG RAI: ", "MAE SAI, Thailand, July 10, 2018 (AFP) : ") is the filing's, not the fact's.
      start += datelineLength(block.text.slice(start, span.end));
      const text = block.text.slice(start, span.end);
      if (wordsIn(text) < MIN_WORDS) continue;
      const [whole, ...spans] = factSpans(text);
      const count = whole!.last + 1;
      const sentence: Sentence = {
        article: articleIndex,
        index: firstIndex + sentences.length,
        start: block.start + start,
        end: block.start + span.end,
        text,
        parts: { first: 0, last: count - 1, count },
      };
      sentences.push(sentence);
      for (const part of spans) {
        sentences.push({
          article: articleIndex,
          index: firstIndex + sentences.length,
          start: sentence.start + part.start,
          end: sentence.start + part.end,
          text: text.slice(part.start, part.end),
          partOf: sentence.index,
          parts: { first: part.first, last: part.last, count },
        });
      }
    }
  }
  return sentences;
}
