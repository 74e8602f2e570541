// What the grouping compares of an article, computed once where it is read: the names it gives
// (the matcher's terms written with a capital inside a sentence, and pairs of them: "Tham Luang"),
// the calendar days it writes out, a MinHash of its wording (to tell one wire copy on several
// sites), and its lead's sentence vector, packed small to travel between the engine's tasks.
import { monthNumber } from '../../core/english/months';
import { foldText } from '../../core/text/fold';
import { extractTerms } from '../../core/terms/extract-terms';
import { GENERIC_LEXICON } from '../../core/terms/lexicon';

/** Capitalised words that name a time, not what the article is about (terms: light stems). */
const NOT_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'septemb',
  'octob',
  'novemb',
  'decemb',
  'mr',
  'mrs',
  'ms',
  'dr',
];

/** At most this many names per article: the most repeated, the headline's first. */
const MAX_NAMES = 40;

/**
 * The names an article gives and how often: each capitalised term ("raqqa") and each pair of
 * adjacent ones ("tham luang"), whose pair is far rarer than either word. Headline names count
 * double: they say what the article is about.
 */
export function namesOf(title: string, body: string): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const terms = extractTerms(text, GENERIC_LEXICON).filter((t) => t.proper === true && !/^\d/.test(t.term));
    terms.forEach((t, i) => {
      counts.set(t.term, (counts.get(t.term) ?? 0) + weight);
      const next = terms[i + 1];
      // Adjacent in the text (one space or a hyphen between): one name of two words.
      if (next !== undefined && next.term !== t.term && /^[\s-]$/.test(text.slice(t.end, next.start))) {
        const pair = `${t.term} ${next.term}`;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
    });
  };
  // A headline in Title Case capitalises every word: only a sentence-case one says which are names.
  const words = title.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitalised <= words.length / 2) add(title, 2);
  add(body, 1);
  for (const word of NOT_NAMES) counts.delete(word);
  const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_NAMES);
  return Object.fromEntries(kept);
}

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY_MONTH = new RegExp(
  `\\b(?:${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?:,? (\\d{4}))?)\\b`,
  'g',
);

/**
 * The calendar days an article writes out ("March 14", "10 July 2018", "Oct. 17"), as YYYY-MM-DD:
 * the year given, else the publication's (a day after the publication belongs to the year
 * before), else none and the day is left out.
 */
export function daysOf(text: string, published: string | null): string[] {
  const days = new Set<string>();
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = monthNumber((m[1] ?? m[5])!.toLowerCase().replace(/\.$/, ''));
    const day = Number(m[2] ?? m[4]);
    if (month === undefined || day < 1 || day > 31) continue;
    let year = m[3] ?? m[6];
    const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (year === undefined && published !== null) {
      // A day written without its year is in the publication's year, unless that puts it more
      // than two months after the publication: then it was last year's ("on December 30", in January).
      const sameYear = Number(published.slice(0, 4));
      const ahead = (Date.parse(`${sameYear}-${md}`) - Date.parse(published)) / 86_400_000;
      year = String(ahead > 62 ? sameYear - 1 : sameYear);
    }
    if (year !== undefined) days.add(`${year}-${md}`);
  }
  return [...days].sort();
}

// ---- Wording: MinHash over five-word shingles --------------------------------------------------

export const MINHASH_SIZE = 64;
const SHINGLE = 5;

/** FNV-1a, 32 bits: a shingle's hash, the same in every process. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One of MINHASH_SIZE hash functions: a 32-bit mix of the shingle's hash with its seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The MinHash signature of the text's five-word shingles (folded: case, quotes, dashes). */
export function minhashOf(text: string): Uint32Array {
  const words = foldText(text).text.match(/[a-z0-9]+/g) ?? [];
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= Math.max(words.length, SHINGLE); i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix(h, k + 1);
      if (v < signature[k]!) signature[k] = v;
    }
  }
  return signature;
}

/** The share of shingles two texts have in common, estimated from their signatures. */
export function wordingOverlap(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** LSH bands: two copies whose signatures agree on a whole band meet in one block. */
export const MINHASH_BANDS = 16;
export function bandKeys(signature: Uint32Array): string[] {
  const rows = MINHASH_SIZE / MINHASH_BANDS;
  const keys: string[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ signature[b * rows + r]!, 0x01000193) >>> 0;
    keys.push(`~${b}:${h.toString(36)}`);
  }
  return keys;
}

// ---- Packing for the engine's tasks ------------------------------------------------------------

/** A unit vector as int8 (scaled by its largest component) in base64: 384 bytes instead of 1,536. */
export function packVector(vector: Float32Array): string {
  let max = 0;
  for (const x of vector) max = Math.max(max, Math.abs(x));
  const bytes = new Int8Array(vector.length);
  for (let i = 0; i < vector.length; i++) bytes[i] = max === 0 ? 0 : Math.round((vector[i]! / max) * 127);
  return Buffer.from(bytes.buffer).toString('base64');
}

/** The packed vector back, normalised to unit length (int8 rounding costs about 0.005 of cosine). */
export function unpackVector(packed: string): Float32Array {
  const bytes = new Int8Array(Buffer.from(packed, 'base64'));
  const out = new Float32Array(bytes.length);
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum += bytes[i]! * bytes[i]!;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / norm;
  return out;
}

export function packSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
}

export function unpackSignature(packed: string): Uint32Array {
  const bytes = Buffer.from(packed, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
