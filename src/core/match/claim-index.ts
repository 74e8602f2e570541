// The index as the matcher uses it at run time: term lookup, IDF weights and per-claim scoring of
// one passage. Retrieval touches only the docs that share a term with the passage, so its cost
// follows the passage's rare words, not the size of the database.
import type { SerializedIndex } from './index-builder';
import { INDEX_FORMAT } from './index-builder';
import { scoreOverlap, MIN_SHARED_TERMS } from './thresholds';

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
  private readonly idf: Float64Array;
  private readonly docWeight: Float64Array;
  private readonly docClaim: Int32Array;
  private readonly postings: readonly Int32Array[];
  /** Terms in more docs than this are too common to retrieve by; they still count in scores. */
  private readonly retrievalMaxDf: number;
  /** Weight given to a passage term the index has never seen (as rare as a term can be). */
  private readonly unseenWeight: number;
  private readonly acc: Float64Array;
  private readonly sharedCount: Uint16Array;
  private readonly touched: Int32Array;
  private readonly bestByClaim = new Map<number, number>();

  constructor(index: SerializedIndex) {
    if (index.format !== INDEX_FORMAT) throw new Error(`claim index format ${String(index.format)} is not ${INDEX_FORMAT}; rebuild it with npm run build:index`);
    const docCount = index.docClaim.length;
    this.claimCount = index.claims.length;
    this.claimIds = index.claims;
    this.claimStory = index.claimStory;
    this.storyIds = index.stories;
    this.idf = new Float64Array(index.terms.length);
    this.docWeight = new Float64Array(docCount);
    this.docClaim = Int32Array.from(index.docClaim);
    // Decode the delta-encoded postings in place and sum each doc's weight on the way.
    const postings = index.postings.map((gaps) => Int32Array.from(gaps));
    for (let id = 0; id < postings.length; id++) {
      const list = postings[id]!;
      const idf = Math.log(1 + docCount / Math.max(1, list.length));
      this.idf[id] = idf;
      this.termIds.set(index.terms[id]!, id);
      let doc = 0;
      for (let k = 0; k < list.length; k++) {
        doc += list[k]!;
        list[k] = doc;
        this.docWeight[doc] = this.docWeight[doc]! + idf;
      }
    }
    this.postings = postings;
    this.unseenWeight = Math.log(1 + docCount);
    this.retrievalMaxDf = Math.max(200, Math.ceil(docCount * 0.02));
    this.acc = new Float64Array(docCount);
    this.sharedCount = new Uint16Array(docCount);
    this.touched = new Int32Array(docCount);
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
        passageWeight += this.unseenWeight;
        continue;
      }
      const w = this.idf[id]!;
      passageWeight += w;
      const list = this.postings[id]!;
      if (list.length > this.retrievalMaxDf) continue;
      for (let k = 0; k < list.length; k++) {
        const doc = list[k]!;
        if (this.sharedCount[doc] === 0) this.touched[touchedCount++] = doc;
        this.acc[doc] = this.acc[doc]! + w;
        this.sharedCount[doc] = this.sharedCount[doc]! + 1;
      }
    }
    const best = this.bestByClaim;
    best.clear();
    for (let k = 0; k < touchedCount; k++) {
      const doc = this.touched[k]!;
      const shared = this.acc[doc]!;
      const count = this.sharedCount[doc]!;
      this.acc[doc] = 0;
      this.sharedCount[doc] = 0;
      if (count < MIN_SHARED_TERMS) continue;
      const score = scoreOverlap(shared, this.docWeight[doc]!, passageWeight);
      if (score < floor) continue;
      const claim = this.docClaim[doc]!;
      if ((best.get(claim) ?? 0) < score) best.set(claim, score);
    }
    const out: CandidateScore[] = [];
    for (const [claim, score] of best) out.push({ claim, score });
    return out.sort((a, b) => b.score - a.score);
  }
}
