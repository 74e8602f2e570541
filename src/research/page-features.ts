// What the hybrid experiment knows about each sentence of a page, for one database: the lexical
// matcher's score for every claim (the matcher's own index, candidate rule and fuzzy rescue) and
// the sentence encoder's evidence (src/core/meaning/hybrid.ts). Built once per (page, database),
// then scored under many settings.
import { lexiconOf, type Database } from '../core/database/combine';
import type { SentenceRef } from '../core/match/by-meaning';
import type { ClaimMeaning } from '../core/meaning/hybrid';
import { normalize } from '../core/meaning/pooling';
import { ClaimIndex } from '../core/match/claim-index';
import { buildIndex } from '../core/match/index-builder';
import { DEFAULT_TUNING } from '../core/match/tuning';
import { matchTerms } from '../core/terms/match-terms';
import { splitSentences } from '../core/text/segment';
import { clauseWindows, sentenceMeaning } from './sentence-meaning';
import type { EmbeddingCache } from './embedding-cache';

/** A sentence (offsets in its block's text) with what the experiment measures of it. */
export interface SentenceFeatures extends SentenceRef {
  /** Story names the sentence mentions. */
  storyNames: string[];
  /** Per claim id: the lexical matcher's score (0 when not a candidate). */
  lexical: Map<string, number>;
  /** Per claim id: the encoder's evidence. */
  meaning: Map<string, ClaimMeaning>;
}

export interface PageFeatures {
  blocks: string[];
  sentences: SentenceFeatures[];
  /** How many of the story's names the whole page names (the cheap first test). */
  storyNamesNamed: number;
}

export interface FeatureOptions {
  /** Use clause windows (several model calls per long sentence) or the whole sentence only. */
  windows: boolean;
  /**
   * Embed only sentences in which the lexical matcher found some candidate claim (any score): the
   * others get no meaning evidence. A cheaper run time, if the additions come from those sentences.
   */
  onlyLexicalCandidates?: boolean;
  /** Compare with each claim's centroid (the normalised mean of its texts' vectors), not its nearest text. */
  centroid?: boolean;
  /** More wordings per claim id, compared by meaning only (the lexical index is the database's). */
  extraTexts?: ReadonlyMap<string, readonly string[]>;
}

/** The texts a claim is known by in a database: its summary and each remaining report's quote. */
export function claimTexts(db: Database): { id: string; texts: string[] }[] {
  return db.claims.map((c) => ({ id: c.id, texts: [c.summary, ...c.reports.map((r) => r.quote)] }));
}

/** Every sentence of a page as the matcher segments it (blocks split into sentences). */
export function pageSentences(
  blocks: readonly string[],
): { block: number; start: number; end: number; text: string }[] {
  return blocks.flatMap((text, block) =>
    splitSentences(text).map((s) => ({ block, start: s.start, end: s.end, text: text.slice(s.start, s.end) })),
  );
}

/** The texts the encoder must embed for a page's sentences. */
export function sentenceWindows(text: string, options: FeatureOptions): string[] {
  return options.windows ? clauseWindows(text) : [text];
}

export function pageFeatures(
  db: Database,
  blocks: readonly string[],
  cache: EmbeddingCache,
  options: FeatureOptions,
): PageFeatures {
  const index = buildIndex(db, DEFAULT_TUNING);
  const claimIndex = new ClaimIndex(index, DEFAULT_TUNING);
  const storyNames = new Set(index.storyNames.flat());
  const lexicon = lexiconOf(db);
  const claims = claimTexts(db).map((c) => ({ ...c, texts: [...c.texts, ...(options.extraTexts?.get(c.id) ?? [])] }));
  const vector = (t: string): Float32Array => {
    const v = cache.get(t);
    if (v === undefined) throw new Error(`no embedding for "${t.slice(0, 40)}": embed the page and the database first`);
    return v;
  };
  const claimVectors = claims.map((c) => {
    const vectors = c.texts.map(vector);
    if (options.centroid !== true) return vectors;
    const mean = new Float32Array(vectors[0]!.length);
    for (const v of vectors) for (let d = 0; d < v.length; d++) mean[d] = mean[d]! + v[d]!;
    return [normalize(mean)];
  });
  const named = new Set<string>();
  const sentences = pageSentences(blocks).map((s): SentenceFeatures => {
    const terms = matchTerms(s.text, lexicon);
    const lexical = new Map<string, number>();
    if (terms.length >= 2) {
      const termSet = new Set(terms);
      for (const c of claimIndex.scoreTerms(terms, 0)) {
        lexical.set(claimIndex.claimIds[c.claim]!, c.parts ? (claimIndex.rescue(c, termSet) ?? c.score) : c.score);
      }
    }
    const names = terms.filter((t) => storyNames.has(t));
    for (const n of names) named.add(n);
    if (options.onlyLexicalCandidates === true && lexical.size === 0)
      return { ...s, storyNames: names, lexical, meaning: new Map() };
    const evidence = sentenceMeaning(sentenceWindows(s.text, options).map(vector), claimVectors);
    return { ...s, storyNames: names, lexical, meaning: new Map(claims.map((c, i) => [c.id, evidence[i]!])) };
  });
  return { blocks: [...blocks], sentences, storyNamesNamed: named.size };
}
