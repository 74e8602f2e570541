// What the hybrid experiment knows about each sentence of a page, for one database: the lexical
// matcher's score for every claim (computed with the matcher's own index, candidate rule and fuzzy
// rescue) and the sentence's similarity in meaning to each claim's texts (its summary and every
// remaining outlet's quote). Built once per (page, database) and then scored under many settings.
import type { Database } from '../../src/core/database/schema';
import { cosine } from '../../src/core/meaning/pooling';
import { ClaimIndex } from '../../src/core/match/claim-index';
import { buildIndex, matchTerms } from '../../src/core/match/index-builder';
import { DEFAULT_TUNING } from '../../src/core/match/thresholds';
import { splitSentences } from '../../src/core/text/segment';
import type { EmbeddingCache } from './embedding-cache';

export interface ClaimEvidence {
  /** The lexical matcher's score (0 when the claim is not a lexical candidate). */
  lex: number;
  /** Highest cosine similarity to one outlet's quote of the claim (0 when no quote remains). */
  quote: number;
  /** Cosine similarity to the claim's neutral summary. */
  summary: number;
}

export interface SentenceFeatures {
  block: number;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  text: string;
  /** Story names (anchors) the sentence mentions. */
  anchors: string[];
  evidence: Map<string, ClaimEvidence>;
}

export interface PageFeatures {
  blocks: string[];
  sentences: SentenceFeatures[];
}

/** The texts a claim is known by in a database: its summary and each remaining report's quote. */
export function claimTexts(db: Database): { id: string; summary: string; quotes: string[] }[] {
  return db.claims.map((c) => ({ id: c.id, summary: c.summary, quotes: c.reports.map((r) => r.quote) }));
}

/** Every sentence of a page as the matcher segments it (blocks split into sentences). */
export function pageSentences(blocks: readonly string[]): { block: number; start: number; end: number; text: string }[] {
  return blocks.flatMap((text, block) => splitSentences(text).map((s) => ({ block, start: s.start, end: s.end, text: text.slice(s.start, s.end) })));
}

export function pageFeatures(db: Database, blocks: readonly string[], cache: EmbeddingCache): PageFeatures {
  const index = buildIndex(db, DEFAULT_TUNING);
  const claimIndex = new ClaimIndex(index, DEFAULT_TUNING);
  const anchors = new Set(index.storyAnchors.flat());
  const claims = claimTexts(db);
  const vector = (t: string): Float32Array => {
    const v = cache.get(t);
    if (v === undefined) throw new Error(`no embedding for "${t.slice(0, 40)}": embed the page and the database first`);
    return v;
  };
  const sentences = pageSentences(blocks).map((s): SentenceFeatures => {
    const terms = matchTerms(s.text);
    const lexical = new Map<string, number>();
    if (terms.length >= 2) {
      const termSet = new Set(terms);
      for (const c of claimIndex.scoreTerms(terms, 0)) {
        lexical.set(claimIndex.claimIds[c.claim]!, c.parts ? (claimIndex.rescue(c, termSet) ?? c.score) : c.score);
      }
    }
    const v = vector(s.text);
    const evidence = new Map<string, ClaimEvidence>();
    for (const c of claims) {
      let quote = 0;
      for (const q of c.quotes) quote = Math.max(quote, cosine(v, vector(q)));
      evidence.set(c.id, { lex: lexical.get(c.id) ?? 0, quote, summary: cosine(v, vector(c.summary)) });
    }
    return { ...s, anchors: terms.filter((t) => anchors.has(t)), evidence };
  });
  return { blocks: [...blocks], sentences };
}
