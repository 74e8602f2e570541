// Sentence segmentation for news prose, over the ORIGINAL text so that every sentence maps back to
// the page without re-searching. One forward scan plus bounded look-behind/look-ahead per
// terminator: linear time on any input, no regular expression runs over unbounded text, so a
// 5 MB blob with no breaks costs the same per megabyte as an article.

import { MONTH_ABBREVIATIONS } from '../english/months';

export interface SentenceSpan {
  /** Offset of the sentence's first non-space character in the text. */
  start: number;
  /** Offset just past its last non-space character. */
  end: number;
}

/**
 * Longest passage we hand to the matcher. Claims are single sentences of news prose (rarely over
 * 300 characters); a longer run without a full stop is a list, a caption dump or garbage, and
 * scoring it whole would be slow and would dilute any match inside it.
 */
export const MAX_SENTENCE_LENGTH = 400;

/** Words that stand before a name and so never end a sentence: "Col. Dillon", "St. Louis". */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'brig',
  'gov',
  'sen',
  'rep',
  'pres',
  'rev',
  'fr',
  'hon',
  'st',
  'mt',
  'vs',
  'v',
  'cf',
]);

/**
 * Abbreviations that stand before a number ("No. 5", "Oct. 12", "approx. 4,000"); before a word
 * they are ordinary words that may end a sentence ("He said no. Then...").
 */
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'vol',
  'pp',
  'fig',
  'art',
  'ch',
  'sec',
  'approx',
  'est',
  'ca',
  'p',
  ...MONTH_ABBREVIATIONS.keys(),
]);

/**
 * Abbreviations that can also close a sentence ("... Acme Inc. The board"), so they end one only
 * when the next word is capitalised. Lower-case continuations are handled generally below.
 */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'plc', 'bros', 'al']);

const TERMINATORS = '.!?…';
/** Closers that belong to the sentence they follow: `..." he said` or `(see above.)`. */
const CLOSERS = '"\'”’»)]}›';
/** Openers that may precede the first letter of the next sentence. */
const OPENERS = '"\'“‘«([{‹';
/** Where an over-long passage is best cut: after clause punctuation. */
const CLAUSE_BREAKS = ',;:—–';

/** Bound on how far back we look for the word before a full stop (abbreviations are short). */
const MAX_ABBREVIATION_LOOKBEHIND = 12;
/** Bound on how far ahead we look past spaces and openers for the next word. */
const MAX_LOOKAHEAD = 16;

const isSpace = (ch: string | undefined): boolean =>
  ch !== undefined &&
  (ch === ' ' ||
    ch === '\t' ||
    ch === '\u00a0' ||
    ch === '\r' ||
    ch === '\f' ||
    ch === '\v' ||
    ch === '\u2009' ||
    ch === '\u202f' ||
    ch === '\u200b');
const isLineBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\u2028' || ch === '\u2029';
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isLetter = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();

/**
 * Split text into sentences. Line breaks always end a sentence (a headline or a list item with no
 * full stop is still one passage); within a line a sentence ends at ".", "!", "?" or an ellipsis,
 * together with any closing quotes or brackets, when followed by space and a word that can start
 * a sentence. Abbreviations, initials, "U.S.", decimals ("3.5") and thousands ("4,000") do not
 * end one. Passages longer than MAX_SENTENCE_LENGTH are cut at a clause boundary or a space.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let sentenceStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (isLineBreak(ch)) {
      pushSpan(text, sentenceStart, i, spans);
      sentenceStart = i + 1;
      i += 1;
      continue;
    }
    if (TERMINATORS.includes(ch)) {
      // Take the whole run of terminators ("?!", "...") and the closers after it.
      let terminatorsEnd = i + 1;
      while (terminatorsEnd < n && TERMINATORS.includes(text[terminatorsEnd]!)) terminatorsEnd += 1;
      let end = terminatorsEnd;
      while (end < n && CLOSERS.includes(text[end]!)) end += 1;
      if (endsSentence(text, i, terminatorsEnd, end)) {
        pushSpan(text, sentenceStart, end, spans);
        sentenceStart = end;
      }
      i = end;
      continue;
    }
    i += 1;
  }
  pushSpan(text, sentenceStart, n, spans);
  return spans;
}

/**
 * Whether the terminators text[terminatorAt..terminatorsEnd), followed by closers up to runEnd,
 * close a sentence.
 */
function endsSentence(text: string, terminatorAt: number, terminatorsEnd: number, runEnd: number): boolean {
  const after = text[runEnd];
  if (after === undefined || isLineBreak(after)) return true;
  // "3.5", "U.S.-led", "example.com": no space, no boundary.
  if (!isSpace(after)) return false;

  const next = nextWordStart(text, runEnd);
  // Only spaces (and openers) until the end of the line: the sentence ends here.
  if (next === null) return true;
  // "Why?" he asked / "U.S. officials": a lower-case continuation never starts a sentence.
  if (isLower(next)) return false;

  // "!", "?", "…" and "..." followed by a capital or a number end the sentence.
  if (text[terminatorAt] !== '.' || terminatorsEnd - terminatorAt > 1) return true;
  const word = wordBefore(text, terminatorAt);
  if (word === '') return true;
  const lower = word.toLowerCase();
  // Initials ("George W. Bush") and dotted acronyms ("U.S. Army", "U.N."): never a boundary;
  // merging two sentences costs less than cutting a claim in half.
  if (word.length === 1 && isUpper(word)) return false;
  if (word.includes('.')) return false;
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower)) return !isDigit(next);
  // "Acme Inc. 2017" would be odd; a capital after an abbreviation starts a new sentence.
  if (SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return isUpper(next);
  return true;
}

/** The first letter or digit after position `from`, skipping spaces and openers on this line. */
function nextWordStart(text: string, from: number): string | null {
  const limit = Math.min(text.length, from + MAX_LOOKAHEAD);
  for (let j = from; j < limit; j += 1) {
    const ch = text[j]!;
    if (isLineBreak(ch)) return null;
    if (isSpace(ch) || OPENERS.includes(ch)) continue;
    return ch;
  }
  return null;
}

/**
 * The word (letters and inner dots, e.g. "U.S") ending just before the full stop at `dotAt`,
 * or '' when there is none or it is too long to be an abbreviation.
 */
function wordBefore(text: string, dotAt: number): string {
  let j = dotAt;
  const limit = Math.max(0, dotAt - MAX_ABBREVIATION_LOOKBEHIND);
  while (j > limit && (isLetter(text[j - 1]!) || text[j - 1] === '.')) j -= 1;
  if (j === limit && j > 0 && isLetter(text[j - 1]!)) return '';
  // Strip leading dots so "...U.S" reads as "U.S".
  while (j < dotAt && text[j] === '.') j += 1;
  return text.slice(j, dotAt);
}

/**
 * Trim [from, to) of surrounding whitespace and record it, cutting it into pieces no longer than
 * MAX_SENTENCE_LENGTH first. Each cut looks back at most half the cap, so this stays linear.
 */
function pushSpan(text: string, from: number, to: number, spans: SentenceSpan[]): void {
  let start = from;
  while (start < to && (isSpace(text[start]) || isLineBreak(text[start]))) start += 1;
  let end = to;
  while (end > start && (isSpace(text[end - 1]) || isLineBreak(text[end - 1]))) end -= 1;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const cut = findCut(text, start, start + MAX_SENTENCE_LENGTH);
    let pieceEnd = cut;
    while (pieceEnd > start && isSpace(text[pieceEnd - 1])) pieceEnd -= 1;
    if (pieceEnd > start) spans.push({ start, end: pieceEnd });
    start = cut;
    while (start < end && isSpace(text[start])) start += 1;
  }
  if (end > start) spans.push({ start, end });
}

/** Where to cut a passage that runs past `limit`: after a clause mark, else at a space, else hard. */
function findCut(text: string, start: number, limit: number): number {
  const floor = start + Math.floor(MAX_SENTENCE_LENGTH / 2);
  let lastSpace = -1;
  for (let j = limit; j > floor; j -= 1) {
    const ch = text[j - 1]!;
    if (isSpace(text[j]) && CLAUSE_BREAKS.includes(ch)) return j;
    if (lastSpace < 0 && isSpace(ch)) lastSpace = j;
  }
  if (lastSpace > 0) return lastSpace;
  // No space at all (garbage, a URL): cut hard, but never inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
