// The sentences of an article's own reporting: its blocks split into sentences, furniture left
// out, each with its place in the article's text so a quote taken from it is verbatim.
import { splitSentences } from '../../core/text/segment';
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
  /** For a clause: the index of the sentence it is part of; absent for a whole sentence. */
  partOf?: number;
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

/**
 * Where a long sentence divides into clauses that can each state a fact on their own: "..., and
 * it reportedly specified ...", "...; ...", "..., which ...", "... – ...". The connective itself
 * starts no clause.
 */
const CLAUSE_BREAK = /(?:,\s+(?:and|but|while|whereas|as|after|before|which|with|where|when|although|though)\s+|;\s+|\s+[–—]\s+|:\s+(?=["“‘']))/gu;
/** A clause needs this many words to state a fact; a sentence this long or longer is divided. */
const MIN_CLAUSE_WORDS = 6;
const MIN_DIVIDED_WORDS = 16;

/** The clauses of a long sentence (offsets within it), or none when it does not divide. */
export function clauses(text: string): { start: number; end: number }[] {
  if (wordsIn(text) < MIN_DIVIDED_WORDS) return [];
  const quoted = quotedStretches(text);
  const parts: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const at = match.index!;
    if (quoted.some((q) => at > q.start && at < q.end)) continue;
    // ", and" after a list ("American, British, and local Kurdish forces") joins items, not clauses.
    const sincePreviousComma = text.slice(text.lastIndexOf(',', at - 1) + 1, at);
    if (match[0].startsWith(',') && wordsIn(sincePreviousComma) < 3) continue;
    parts.push({ start, end: at });
    start = at + match[0].length;
  }
  parts.push({ start, end: text.length });
  const kept = parts
    .map((p) => trimSpan(text, p))
    .filter((p) => wordsIn(text.slice(p.start, p.end)) >= MIN_CLAUSE_WORDS);
  return kept.length >= 2 ? kept : [];
}

/** The stretches of a sentence inside quotation marks (curly, or straight ones that open before a word). */
function quotedStretches(text: string): { start: number; end: number }[] {
  const stretches: { start: number; end: number }[] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    const opensHere = (before === undefined || /[\s([]/.test(before)) && after !== undefined && /\S/.test(after);
    if (open === null) {
      if (ch === '“') open = { at: i, close: '”' };
      else if (ch === '‘' || (ch === "'" && opensHere)) open = { at: i, close: ch === '‘' ? '’' : "'" };
      else if (ch === '"' && opensHere) open = { at: i, close: '"' };
    } else if (ch === open.close && !(after !== undefined && /\p{L}/u.test(after))) {
      stretches.push({ start: open.at, end: i });
      open = null;
    }
  }
  if (open !== null) stretches.push({ start: open.at, end: text.length });
  return stretches;
}

/** A span without surrounding spaces and commas, and without an unpaired final quotation mark. */
function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /[\s,]/.test(text[start]!)) start += 1;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * The article's reporting in reading order: each sentence, and after it each of its clauses when
 * it is long enough to state more than one fact ("The deal was arranged by local officials, ...,
 * and it reportedly specified that only Syrian fighters ... could leave").
 */
export function articleSentences(article: ArticleSource, articleIndex: number, firstIndex = 0): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of article.blocks) {
    if (block.furniture !== null || isHeading(block.text, article.title)) continue;
    for (const span of splitSentences(block.text)) {
      let start = span.start;
      const marker = LIST_MARKER.exec(block.text.slice(start, span.end));
      if (marker !== null) start += marker[0].length;
      const text = block.text.slice(start, span.end);
      if (wordsIn(text) < MIN_WORDS) continue;
      const sentence: Sentence = { article: articleIndex, index: firstIndex + sentences.length, start: block.start + start, end: block.start + span.end, text };
      sentences.push(sentence);
      for (const clause of clauses(text)) {
        sentences.push({
          article: articleIndex,
          index: firstIndex + sentences.length,
          start: sentence.start + clause.start,
          end: sentence.start + clause.end,
          text: text.slice(clause.start, clause.end),
          partOf: sentence.index,
        });
      }
    }
  }
  return sentences;
}
