// Character folding, the one home of the quote and dash table: the differences that real pages
// introduce but that never change what a sentence says (case, curly quotes, dash styles,
// non-breaking spaces, diacritics). Every folded character remembers the original offset it came
// from, so a match found in folded text can be highlighted at its exact place in the original.

export interface FoldedText {
  /** The folded text: lower case, ASCII quotes and dashes, plain spaces, no diacritics. */
  text: string;
  /** `offsets[i]` is the offset in the original text of folded character `i`. */
  offsets: Uint32Array;
}

// prettier-ignore
const QUOTE_OR_DASH: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u0060': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

const QUOTE_OR_DASH_CHARACTER = new RegExp(`[${Object.keys(QUOTE_OR_DASH).join('')}]`, 'g');

/** Curly quotes and dash styles written as ASCII quotes and hyphens; nothing else changes. */
export function foldPunctuation(text: string): string {
  return text.replace(QUOTE_OR_DASH_CHARACTER, (ch) => QUOTE_OR_DASH[ch]!);
}

const COMBINING_MARK = /[\u0300-\u036f]/g;
const SPACE_LIKE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;

/** Folds one non-ASCII character; may return '' (a lone combining mark) or several characters. */
function foldChar(ch: string): string {
  const mapped = QUOTE_OR_DASH[ch];
  if (mapped !== undefined) return mapped;
  if (SPACE_LIKE.test(ch)) return ' ';
  // NFKD splits "é" into "e" + accent and "ﬁ" into "fi"; the accents are then dropped.
  return ch.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
}

export function foldText(original: string): FoldedText {
  const out: string[] = [];
  // Folding can only grow text through ligatures; twice the length is a safe upper bound.
  let offsets = new Uint32Array(original.length + 16);
  let length = 0;
  let asciiRun = '';
  let runStart = 0;
  const flushAscii = (): void => {
    if (asciiRun.length === 0) return;
    out.push(asciiRun.toLowerCase());
    for (let k = 0; k < asciiRun.length; k++) offsets[length++] = runStart + k;
    asciiRun = '';
  };
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    // Fast path: printable ASCII other than the backtick folds to its lower case.
    if (code >= 0x20 && code < 0x7f && code !== 0x60) {
      if (asciiRun.length === 0) runStart = i;
      asciiRun += original[i];
      continue;
    }
    flushAscii();
    let ch = original[i]!;
    // Keep surrogate pairs together so NFKD sees the whole character.
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < original.length) ch += original[++i];
    const folded = code < 0x20 ? ' ' : foldChar(ch);
    if (length + folded.length > offsets.length) {
      const grown = new Uint32Array(offsets.length * 2 + folded.length);
      grown.set(offsets);
      offsets = grown;
    }
    for (let k = 0; k < folded.length; k++) offsets[length++] = i - (ch.length - 1);
    out.push(folded);
  }
  flushAscii();
  return { text: out.join(''), offsets: offsets.subarray(0, length) };
}

/** Maps a [start, end) range of folded text back to the original text it was folded from. */
export function originalRange(
  folded: FoldedText,
  original: string,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = start < folded.offsets.length ? folded.offsets[start]! : original.length;
    return { start: at, end: at };
  }
  const first = folded.offsets[start]!;
  let last = folded.offsets[end - 1]! + 1;
  // A character outside the BMP is two UTF-16 units in the original; keep both.
  const code = original.charCodeAt(last - 1);
  if (code >= 0xd800 && code < 0xdc00 && last < original.length) last++;
  return { start: first, end: last };
}
