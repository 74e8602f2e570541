// How likely two articles report the same moment of the same event: their leads' meaning (the
// sentence encoder's cosine) and the names they share (weighted by how rare each is in the whole
// archive, so "Tham Luang" says much and "US" little), both needed, discounted by the days between
// them, since the same place a month later is another moment, and usually another event.
import { cosine, unpackSignature, unpackVector, wordingOverlap } from './features';
import type { ArticleRecord } from './records';

export const GROUPING = {
  /**
   * The average score a story's articles have with each other, at least (average linkage). The
   * real mixed folder (npm run bench:stories -- --quality prints it) puts its stories' weakest
   * member at 0.28 and the strongest outsider at 0.09; this is about their geometric middle.
   */
  joinScore: 0.16,
  /**
   * Two groups join only if their mean score is at least this share of how alike each is within:
   * the real stories' weakest members score about 0.6 of their story's cohesion.
   */
  joinShareOfCohesion: 0.4,
  /** Days apart that cost nothing: the news of one moment comes out over two or three days. */
  sameMomentDays: 3,
  /** Days apart at which two articles are never the same moment. */
  otherMomentDays: 10,
  /** Shingles two texts share to be one wire copy (MinHash estimate of their Jaccard overlap). */
  copyOverlap: 0.6,
} as const;

/** An article's features unpacked once for the many pairs it is in. */
export interface Comparable {
  id: string;
  record: ArticleRecord;
  vector: Float32Array;
  wording: Uint32Array;
  /** Its names' weights (rarity × repetition) and their norm. */
  weights: Map<string, number>;
  norm: number;
  /** When it reports: its publication, else the latest day it writes out, else unknown (days since 1970). */
  day: number | null;
}

/**
 * A name's weight: how rare it is in the archive (idf) times how much the article repeats it. A
 * name more common than `maxFrequency` articles ("Police", "Anna", "US" in a large archive) weighs
 * nothing: it says what kind of news this is, not which event.
 */
export function comparable(
  record: ArticleRecord,
  documentFrequency: (name: string) => number,
  articles: number,
  maxFrequency = Infinity,
): Comparable {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [name, count] of Object.entries(record.names)) {
    const df = documentFrequency(name);
    if (df > maxFrequency) continue;
    const w = Math.log((articles + 1) / (df + 0.5)) * (1 + Math.log(count));
    if (w <= 0) continue;
    weights.set(name, w);
    sum += w * w;
  }
  const when = record.published ?? record.days[record.days.length - 1] ?? null;
  return {
    id: record.id,
    record,
    vector: record.vector === '' ? new Float32Array(0) : unpackVector(record.vector),
    wording: unpackSignature(record.wording),
    weights,
    norm: Math.sqrt(sum),
    day: when === null ? null : Math.floor(Date.parse(when) / 86_400_000),
  };
}

/** The weighted cosine of two articles' names. */
export function nameSimilarity(a: Comparable, b: Comparable): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [name, w] of small.weights) dot += w * (large.weights.get(name) ?? 0);
  return dot / (a.norm * b.norm);
}

/** 1 within sameMomentDays, falling to 0 at otherMomentDays; 1 when either date is unknown. */
export function momentFactor(a: Comparable, b: Comparable): number {
  if (a.day === null || b.day === null) return 1;
  const apart = Math.abs(a.day - b.day);
  if (apart <= GROUPING.sameMomentDays) return 1;
  return Math.max(0, 1 - (apart - GROUPING.sameMomentDays) / (GROUPING.otherMomentDays - GROUPING.sameMomentDays));
}

export interface PairScore {
  score: number;
  meaning: number;
  names: number;
  moment: number;
  /** The share of wording they have in common (a wire copy is most of it). */
  wording: number;
}

export function scorePair(a: Comparable, b: Comparable): PairScore {
  const meaning = cosine(a.vector, b.vector);
  const names = nameSimilarity(a, b);
  const moment = momentFactor(a, b);
  const wording = wordingOverlap(a.wording, b.wording);
  // Both must agree: the same meaning without the same names is the same kind of event elsewhere,
  // the same names without the same meaning another event in the same place (a geometric mean).
  const score = moment * Math.sqrt(Math.max(meaning, 0) * names);
  return { score, meaning, names, moment, wording };
}

export const isCopy = (pair: Pick<PairScore, 'wording'>) => pair.wording >= GROUPING.copyOverlap;

/**
 * The most the pair can score whatever their meaning (a cosine is at most 1), from what needs no
 * vector: the compare step keeps the pairs whose bound reaches the join score, and only their
 * articles are embedded.
 */
export function boundPair(a: Comparable, b: Comparable): Pick<PairScore, 'score' | 'wording'> {
  return { score: momentFactor(a, b) * Math.sqrt(nameSimilarity(a, b)), wording: wordingOverlap(a.wording, b.wording) };
}
