// The words an outlet quotes someone as saying, and whether two outlets' quotations are versions of
// one statement. Outlets translate and trim what was said ("We are not sure if this is a miracle,
// a science, or what. All the thirteen Wild Boars are now out of the cave" and "All 12 ‘Wild
// Boars’ and coach have been extracted from the cave"): the same words, or one a part of the
// other, agree; the same statement in other words differs; two different sentences of a statement
// ("We didn't want anyone to leave" and "They are the ones fighting and dying") are not versions of
// each other and are not set side by side. English quotation marks only, nothing about a story.
import { foldText } from '../text/fold';

export interface Span {
  start: number;
  end: number;
}

export interface FoundQuotation extends Span {
  /** The quoted words, without their quotation marks. */
  text: string;
}

/** A quotation of fewer words is a name or a scare quote ("Mission Impossible", "huge number"), not a statement. */
const MIN_QUOTED_WORDS = 4;
/** Two quotations are versions of one statement when they share this share of the shorter one's words. */
const VERSION_SHARE = 0.4;

const STOP = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these those we they he she i you our their his her all not'.split(
    ' ',
  ),
);

/**
 * The stretches of a text inside quotation marks: curly ones, and straight or single ones that
 * open before a word (an apostrophe in "boys’" or "didn't" opens nothing). A quotation left open
 * runs to the end of the text.
 */
export function quotedStretches(text: string): Span[] {
  const stretches: Span[] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    const opensHere = (before === undefined || /[\s([—–-]/.test(before)) && after !== undefined && /\S/.test(after);
    if (open === null) {
      if (ch === '“') open = { at: i, close: '”' };
      else if (ch === '‘' && opensHere) open = { at: i, close: '’' };
      else if ((ch === "'" || ch === '"') && opensHere) open = { at: i, close: ch };
    } else if (ch === open.close && !(after !== undefined && /\p{L}/u.test(after))) {
      stretches.push({ start: open.at, end: i + 1 });
      open = null;
    }
  }
  if (open !== null) stretches.push({ start: open.at, end: text.length });
  return stretches;
}

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * What a sentence quotes someone as saying: each closed quotation of four words or more, without
 * its marks and the punctuation that closes it inside them ("…out of the cave,” → "…out of the cave").
 */
export function findQuotations(sentence: string): FoundQuotation[] {
  const found: FoundQuotation[] = [];
  for (const stretch of quotedStretches(sentence)) {
    const closed =
      stretch.end <= sentence.length && /["”’']/.test(sentence[stretch.end - 1]!) && stretch.end - stretch.start > 2;
    if (!closed) continue;
    let start = stretch.start + 1;
    let end = stretch.end - 1;
    while (end > start && /[\s,.;:…]/.test(sentence[end - 1]!)) end -= 1;
    while (start < end && /\s/.test(sentence[start]!)) start += 1;
    const text = sentence.slice(start, end);
    if (wordsOf(text).length < MIN_QUOTED_WORDS) continue;
    found.push({ text, start, end });
  }
  return found;
}

/** A quotation's words, folded: case, accents, punctuation and the marks inside it ignored. */
export function quotationWords(text: string): string[] {
  return foldText(text)
    .text.split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const contentWords = (words: readonly string[]) => new Set(words.filter((w) => !STOP.has(w)));

/** Whether two quotations are versions of one statement: they share most of the shorter one's words. */
export function versionsOfOneStatement(a: string, b: string): boolean {
  const [x, y] = [contentWords(quotationWords(a)), contentWords(quotationWords(b))];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared += 1;
  return shared >= VERSION_SHARE * small.size;
}

/** Whether one quotation is the other, or a part of it, word for word. */
export function sameWords(a: string, b: string): boolean {
  const [x, y] = [quotationWords(a).join(' '), quotationWords(b).join(' ')];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short !== '' && ` ${long} `.includes(` ${short} `);
}
