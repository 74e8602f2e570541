// How alike two sentences from different articles are: by meaning (a sentence encoder's cosine,
// when one is given) and by what they name and count (the matcher's terms, weighted by how rare
// each is across the articles, so the story's own name says little and "13 buses" says much).
// Without an encoder the words alone decide: the build still works, with fewer paraphrases found.
import { extractTerms } from '../../core/terms/extract-terms';
import { GENERIC_LEXICON, type Lexicon } from '../../core/terms/lexicon';
import { findValues } from '../../core/quantities/find-values';

/** Turns texts into unit-length vectors; the matching issue's SentenceEncoder is one. */
export interface SentenceEmbedder {
  /** Which model, so the build can use the thresholds calibrated for it. */
  readonly model: { readonly id: string };
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** A term in at most this share of the build's sentences is rare: it says which fact a sentence states. */
const RARE_SHARE = 0.05;

/** A value both sentences state (the same kind of the same thing, ranges that overlap) adds this. */
const SHARED_VALUE_BONUS = 0.1;

/** A value a sentence states, read by the core: what it is (kind and what it counts) and its range. */
export interface StatedValue {
  key: string;
  low: number;
  high: number;
}

/** Names and figures weigh more than common words: they are what pins a fact down. */
const NAME_BOOST = 1.5;
const FIGURE_BOOST = 2;

interface Bag {
  weights: Map<string, number>;
  norm: number;
}

/**
 * A figure is said alike only of the same kind of thing: "€200" is not "200 passengers", and
 * "212 passengers" is "212 passengers" whatever words stand around it. Figures inside a value the
 * sentence states take its kind (and what it counts) into their term.
 */
function figuresByKind<T extends { term: string; start: number }>(text: string, terms: T[]): T[] {
  const values = findValues(text, GENERIC_LEXICON);
  return terms.map((t) => {
    if (!/^\d/.test(t.term)) return t;
    const value = values.find((v) => t.start >= v.start && t.start < v.end);
    return value === undefined
      ? t
      : { ...t, term: `${value.kind}${value.of === undefined ? '' : `/${value.of}`}:${t.term}` };
  });
}

/**
 * The vectors with the story taken out: every sentence of the build is about the one story, so
 * the direction they share (their mean) says nothing about which fact a sentence states. Taking
 * `share` of it out of each vector and making it unit length again lets the cosines tell facts
 * apart rather than say that both sentences are about the story.
 */
export function withoutStory(vectors: readonly Float32Array[], share: number): Float32Array[] {
  if (share === 0 || vectors.length === 0) return [...vectors];
  const dims = vectors[0]!.length;
  const mean = new Float32Array(dims);
  for (const v of vectors) for (let k = 0; k < dims; k += 1) mean[k]! += v[k]! / vectors.length;
  return vectors.map((v) => {
    const out = new Float32Array(dims);
    let norm = 0;
    for (let k = 0; k < dims; k += 1) {
      out[k] = v[k]! - share * mean[k]!;
      norm += out[k]! * out[k]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < dims; k += 1) out[k]! /= norm;
    return out;
  });
}

export class SentenceSimilarity {
  private readonly bags: Bag[];
  private readonly rareTerms: Set<string>[];

  /**
   * `vectors`: one unit vector per text from a sentence encoder, or null for words alone;
   * `meaningWeight`: how much the vectors' cosine counts against the words' (0–1); `lexicon`: the
   * words read as one (the story's name variants with the generic synonyms).
   */
  constructor(
    texts: readonly string[],
    private readonly vectors: readonly Float32Array[] | null = null,
    private readonly meaningWeight = 0.8,
    lexicon: Lexicon = GENERIC_LEXICON,
    private readonly values: readonly (readonly StatedValue[])[] | null = null,
  ) {
    const termsOf = texts.map((text) => figuresByKind(text, extractTerms(text, lexicon)));
    const documentFrequency = new Map<string, number>();
    for (const terms of termsOf)
      for (const term of new Set(terms.map((t) => t.term)))
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const idf = (term: string) => Math.log((texts.length + 1) / ((documentFrequency.get(term) ?? 0) + 0.5));
    // A rare term: in at most RARE_SHARE of the texts (the story's own name is in most of them).
    const rareLimit = Math.max(2, RARE_SHARE * texts.length);
    this.rareTerms = termsOf.map(
      (terms) =>
        new Set(terms.map((t) => t.term).filter((t) => (documentFrequency.get(t) ?? 0) <= rareLimit && !/^\d/.test(t))),
    );
    this.bags = termsOf.map((terms) => {
      const weights = new Map<string, number>();
      for (const t of terms) {
        const figure = /^\d|:\d/.test(t.term);
        const boost = figure ? FIGURE_BOOST : t.proper === true ? NAME_BOOST : 1;
        weights.set(t.term, Math.max(weights.get(t.term) ?? 0, idf(t.term) * boost));
      }
      let sum = 0;
      for (const w of weights.values()) sum += w * w;
      return { weights, norm: Math.sqrt(sum) };
    });
  }

  /** Build with sentence vectors from an encoder, or words only when it is null. */
  static async create(
    texts: readonly string[],
    embedder: SentenceEmbedder | null,
    options: {
      meaningWeight?: number;
      lexicon?: Lexicon;
      values?: readonly (readonly StatedValue[])[];
      storyShare?: number;
    } = {},
  ): Promise<SentenceSimilarity> {
    const vectors = embedder === null ? null : withoutStory(await embedder.embed(texts), options.storyShare ?? 0);
    return new SentenceSimilarity(texts, vectors, options.meaningWeight, options.lexicon, options.values ?? null);
  }

  /**
   * Whether the two sentences state a value of the same kind, of the same thing ("17 days" and
   * "18-day", "three Navy SEALs" and "four Navy SEALs"): they measure one thing, which is what a
   * fact is, whether or not they agree on it. Dates are common to many facts: only the same day counts.
   */
  sharesValue(i: number, j: number): boolean {
    if (this.values === null) return false;
    const b = this.values[j]!;
    return this.values[i]!.some((x) =>
      b.some((y) => x.key === y.key && (!x.key.startsWith('date') || (x.low <= y.high && y.low <= x.high))),
    );
  }

  /**
   * Whether the two sentences have something specific in common: a rare word or name (one few of
   * the story's sentences use) or a value of the same kind. Two sentences that share only the
   * story's common words ("the Thai Navy SEALs", "the cave") are alike by topic, not by fact.
   */
  sharesSomethingSpecific(i: number, j: number): boolean {
    const b = this.rareTerms[j]!;
    for (const t of this.rareTerms[i]!) if (b.has(t)) return true;
    return this.sharesValue(i, j);
  }

  lexical(i: number, j: number): number {
    const a = this.bags[i]!;
    const b = this.bags[j]!;
    if (a.norm === 0 || b.norm === 0) return 0;
    const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [term, w] of small.weights) {
      const v = large.weights.get(term);
      if (v !== undefined) dot += w * v;
    }
    return dot / (a.norm * b.norm);
  }

  meaning(i: number, j: number): number | null {
    if (this.vectors === null) return null;
    const a = this.vectors[i]!;
    const b = this.vectors[j]!;
    let dot = 0;
    for (let k = 0; k < a.length; k += 1) dot += a[k]! * b[k]!;
    return dot;
  }

  /** The score alignment uses: meaning and words weighted together, or words alone. */
  score(i: number, j: number): number {
    const lexical = this.lexical(i, j);
    const meaning = this.meaning(i, j);
    const base = meaning === null ? lexical : this.meaningWeight * meaning + (1 - this.meaningWeight) * lexical;
    return base + (this.sharesValue(i, j) ? SHARED_VALUE_BONUS : 0);
  }
}
