// The index as the matcher uses it at run time: term lookup, weights and per-claim scoring of one
// passage. Retrieval touches only the claims that share a term with the passage, so its cost
// follows the passage's rare words, not the size of the database.
import type { SerializedIndex } from './index-builder';
import { INDEX_FORMAT } from './index-builder';
import { DEFAULT_TUNING, scoreOverlap, type Tuning } from './thresholds';

export interface CandidateScore {
  /** Claim index in the serialized index. */
  claim: number;
  score: number;
}

export class ClaimIndex {
  readonly claimCount: number;
  readonly claimIds: readonly string[];
  readonly claimStory: readonly number[];
  readonly storyIds: readonly string[];
  private readonly termIds = new Map<string, number>();
  /** How rare a term is among claims. */
  private readonly idf: Float64Array;
  /** Per term, the claims using it (decoded) and the term's weight in each claim's profile. */
  private readonly postings: Int32Array[];
  private readonly weights: Float32Array[];
  /** Per claim, the weight a typical text of the claim carries: what full coverage looks like. */
  private readonly claimNorm: Float64Array;
  /** Terms used by more claims than this are too common to retrieve by; they still score. */
  private readonly retrievalMaxDf: number;
  /** Weight of a passage term no claim uses (as rare as a term can be). */
  private readonly unseenWeight: number;
  private readonly acc: Float64Array;
  private readonly sharedCount: Uint16Array;
  private readonly sharedIdf: Float64Array;
  private readonly touched: Int32Array;

  constructor(index: SerializedIndex, private readonly tuning: Readonly<Tuning> = DEFAULT_TUNING) {
    if (index.format !== INDEX_FORMAT) throw new Error(`claim index format ${String(index.format)} is not ${INDEX_FORMAT}; rebuild it with npm run build:index`);
    const claimCount = index.claims.length;
    this.claimCount = claimCount;
    this.claimIds = index.claims;
    this.claimStory = index.claimStory;
    this.storyIds = index.stories;
    this.idf = new Float64Array(index.terms.length);
    this.claimNorm = Float64Array.from(index.claimNorms);
    this.postings = new Array<Int32Array>(index.terms.length);
    this.weights = new Array<Float32Array>(index.terms.length);
    for (let id = 0; id < index.terms.length; id++) {
      const gaps = index.postings[id]!;
      this.idf[id] = Math.log(1 + claimCount / Math.max(1, gaps.length));
      this.termIds.set(index.terms[id]!, id);
      const claims = new Int32Array(gaps.length);
      let claim = 0;
      for (let k = 0; k < gaps.length; k++) claims[k] = claim += gaps[k]!;
      this.postings[id] = claims;
      this.weights[id] = Float32Array.from(index.weights[id]!);
    }
    this.unseenWeight = Math.log(1 + claimCount);
    this.retrievalMaxDf = Math.max(100, Math.ceil(claimCount * 0.02));
    this.acc = new Float64Array(claimCount);
    this.sharedCount = new Uint16Array(claimCount);
    this.sharedIdf = new Float64Array(claimCount);
    this.touched = new Int32Array(claimCount);
  }

  /** Scores every claim that shares enough with the passage's terms; returns those over `floor`. */
  scoreTerms(terms: Iterable<string>, floor: number): CandidateScore[] {
    const seen = new Set<string>();
    let passageWeight = 0;
    let touchedCount = 0;
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      const id = this.termIds.get(term);
      if (id === undefined) {
        if (term[0] !== '#') passageWeight += this.unseenWeight;
        continue;
      }
      const idf = this.idf[id]!;
      passageWeight += idf;
      const claims = this.postings[id]!;
      if (claims.length > this.retrievalMaxDf) continue;
      const weights = this.weights[id]!;
      for (let k = 0; k < claims.length; k++) {
        const claim = claims[k]!;
        if (this.sharedCount[claim] === 0) this.touched[touchedCount++] = claim;
        this.acc[claim] = this.acc[claim]! + weights[k]!;
        this.sharedIdf[claim] = this.sharedIdf[claim]! + idf;
        this.sharedCount[claim] = this.sharedCount[claim]! + 1;
      }
    }
    const out: CandidateScore[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const claim = this.touched[k]!;
      const shared = this.acc[claim]!;
      const sharedIdf = this.sharedIdf[claim]!;
      const count = this.sharedCount[claim]!;
      this.acc[claim] = 0;
      this.sharedIdf[claim] = 0;
      this.sharedCount[claim] = 0;
      if (count < this.tuning.minSharedTerms) continue;
      const score = scoreOverlap(shared / this.claimNorm[claim]!, sharedIdf / passageWeight, this.tuning);
      if (score >= floor) out.push({ claim, score });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
