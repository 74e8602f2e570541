// The index as the matcher uses it at run time: term lookup, weights and per-claim scoring of one
// passage. Retrieval touches only the claims that share a term with the passage, so its cost
// follows the passage's rare words, not the size of the database.
import Fuse from 'fuse.js';
import { isQuantityTerm } from '../terms/match-terms';
import { INDEX_FORMAT, type SerializedIndex } from './index-format';
import { passageScore } from './score';
import { DEFAULT_TUNING, type Tuning } from './tuning';

export interface CandidateScore {
  /** Claim index in the serialized index. */
  claim: number;
  score: number;
  /**
   * For a claim just under the threshold: what its score is made of, so that the fuzzy rescue can
   * run later, and only for the stories the page turns out to be about.
   */
  parts?: { shared: number; words: number; passageTerms: number };
}

export class ClaimIndex {
  readonly claimCount: number;
  readonly claimIds: readonly string[];
  readonly claimStory: readonly number[];
  readonly storyIds: readonly string[];
  private readonly termIds = new Map<string, number>();
  private readonly terms: readonly string[];
  /** Per term, the claims using it (decoded) and the term's weight in each claim's profile. */
  private readonly postings: Int32Array[];
  private readonly weights: Float32Array[];
  /** Per term, parallel to postings: 1 where the term is distinctive of that claim. */
  private readonly distinct: Uint8Array[];
  /** Per claim, the weight a typical text of the claim carries: what full coverage looks like. */
  private readonly claimNorm: Float64Array;
  /** Terms used by more claims than this are too common to retrieve by; they still score. */
  private readonly retrievalMaxDf: number;
  private readonly acc: Float64Array;
  private readonly sharedCount: Uint16Array;
  private readonly sharedWords: Uint16Array;
  private readonly sharedDistinct: Uint8Array;
  private readonly touched: Int32Array;
  /** Per claim, its profile's term ids; built on the first fuzzy rescue (an inverse of postings). */
  private termsByClaim: number[][] | null = null;
  /** Per claim, a fuse.js index of its longer words, built when the claim is first rescued. */
  private readonly claimFuse = new Map<number, ClaimWords>();

  constructor(
    index: SerializedIndex,
    private readonly tuning: Readonly<Tuning> = DEFAULT_TUNING,
  ) {
    if (index.format !== INDEX_FORMAT)
      throw new Error(
        `claim index format ${String(index.format)} is not ${INDEX_FORMAT}; rebuild it with npm run build:index`,
      );
    const claimCount = index.claims.length;
    this.claimCount = claimCount;
    this.claimIds = index.claims;
    this.claimStory = index.claimStory;
    this.storyIds = index.stories;
    this.terms = index.terms;
    this.claimNorm = Float64Array.from(index.claimNorms);
    this.postings = new Array<Int32Array>(index.terms.length);
    this.weights = new Array<Float32Array>(index.terms.length);
    this.distinct = new Array<Uint8Array>(index.terms.length);
    for (let id = 0; id < index.terms.length; id++) {
      const gaps = index.postings[id]!;
      this.termIds.set(index.terms[id]!, id);
      const claims = new Int32Array(gaps.length);
      let claim = 0;
      for (let k = 0; k < gaps.length; k++) claims[k] = claim += gaps[k]!;
      this.postings[id] = claims;
      this.weights[id] = Float32Array.from(index.weights[id]!);
      const flags = new Uint8Array(gaps.length);
      let at = 0;
      for (const gap of index.distinctive[id]!) flags[(at += gap)] = 1;
      this.distinct[id] = flags;
    }
    this.retrievalMaxDf = Math.max(5000, Math.ceil(claimCount * 0.05));
    this.acc = new Float64Array(claimCount);
    this.sharedCount = new Uint16Array(claimCount);
    this.sharedWords = new Uint16Array(claimCount);
    this.sharedDistinct = new Uint8Array(claimCount);
    this.touched = new Int32Array(claimCount);
  }

  /** Scores every claim that shares enough with the passage's terms; returns those over `floor`. */
  scoreTerms(terms: Iterable<string>, floor: number): CandidateScore[] {
    const seen = new Set<string>();
    // Distinct terms of the passage (a quantity term the index lacks is not a word of the passage).
    let passageTerms = 0;
    let touchedCount = 0;
    // Terms too common to retrieve by still count for the claims the rare terms retrieved, so a
    // claim scores the same whether the database holds one story or thousands.
    const common: number[] = [];
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      // Quantity terms ("#truck") restate words already counted; they add evidence, not length.
      const isWord = !isQuantityTerm(term);
      if (isWord) passageTerms++;
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const claims = this.postings[id]!;
      if (claims.length > this.retrievalMaxDf) {
        common.push(id);
        continue;
      }
      const weights = this.weights[id]!;
      const distinct = this.distinct[id]!;
      for (let k = 0; k < claims.length; k++) {
        const claim = claims[k]!;
        if (this.sharedCount[claim] === 0) this.touched[touchedCount++] = claim;
        this.acc[claim] = this.acc[claim]! + weights[k]!;
        this.sharedDistinct[claim] = this.sharedDistinct[claim]! | distinct[k]!;
        this.sharedCount[claim] = this.sharedCount[claim]! + 1;
        if (isWord) this.sharedWords[claim] = this.sharedWords[claim]! + 1;
      }
    }
    const out: CandidateScore[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const claim = this.touched[k]!;
      for (const id of common) {
        const at = this.positionIn(id, claim);
        if (at < 0) continue;
        const w = this.weights[id]![at]!;
        this.acc[claim] = this.acc[claim]! + w;
        this.sharedDistinct[claim] = this.sharedDistinct[claim]! | this.distinct[id]![at]!;
        this.sharedCount[claim] = this.sharedCount[claim]! + 1;
        if (!isQuantityTerm(this.terms[id]!)) this.sharedWords[claim] = this.sharedWords[claim]! + 1;
      }
      const shared = this.acc[claim]!;
      const count = this.sharedCount[claim]!;
      const words = this.sharedWords[claim]!;
      const distinctive = this.sharedDistinct[claim]! === 1;
      this.sharedDistinct[claim] = 0;
      this.sharedWords[claim] = 0;
      this.acc[claim] = 0;
      this.sharedCount[claim] = 0;
      // Story words alone (Raqqa, coalition, fighters, leave) never state a claim: the passage must
      // share a term that tells this claim from the story's others.
      if (count < this.tuning.minSharedTerms || !distinctive) continue;
      const score = passageScore(
        { sharedWeight: shared, claimNorm: this.claimNorm[claim]!, sharedWords: words, passageWords: passageTerms },
        this.tuning,
      );
      if (score < floor) continue;
      const candidate: CandidateScore = { claim, score };
      if (score < this.tuning.threshold && score >= this.tuning.threshold - this.tuning.rescueMargin) {
        candidate.parts = { shared, words, passageTerms };
      }
      out.push(candidate);
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * The index only meets words written the same way after normalisation. For a claim just under
   * the threshold, fuse.js compares the passage's remaining longer words with the claim's
   * ("liberated"/"liberation", "negotiated"/"negotiations", a typo like "covoy"), and credits
   * close ones. Run only on this short list, it costs microseconds, not a scan of the database.
   */
  rescue(candidate: CandidateScore, passage: ReadonlySet<string>): number | null {
    if (candidate.parts === undefined) return null;
    const claim = candidate.claim;
    let { shared, words: sharedCount } = candidate.parts;
    const passageTerms = candidate.parts.passageTerms;
    const entry = this.claimEntry(claim);
    let gained = false;
    const used = new Set<number>();
    for (const term of passage) {
      if (term.length < 5 || isQuantityTerm(term) || (term.charCodeAt(0) >= 48 && term.charCodeAt(0) <= 57)) continue;
      const own = this.termIds.get(term);
      if (own !== undefined && entry.all.has(own)) continue; // already shared exactly
      // Word forms share their start; comparing only words with the same first letters keeps the
      // fuse.js calls few and small (most passage words have no such word in the claim).
      const bucket = entry.byPrefix.get(term.slice(0, PREFIX_LENGTH));
      if (bucket === undefined) continue;
      const best = bucket.search(term, { limit: 1 })[0];
      if (best === undefined || (best.score ?? 1) > FUZZY_WORD_SCORE) continue;
      const id = entry.ids.get(best.item)!;
      if (used.has(id) || passage.has(best.item)) continue;
      used.add(id);
      shared += this.weightIn(id, claim);
      sharedCount++;
      gained = true;
    }
    if (!gained) return null;
    return passageScore(
      { sharedWeight: shared, claimNorm: this.claimNorm[claim]!, sharedWords: sharedCount, passageWords: passageTerms },
      this.tuning,
    );
  }

  private claimEntry(claim: number): ClaimWords {
    let entry = this.claimFuse.get(claim);
    if (entry) return entry;
    if (this.termsByClaim === null) {
      const byClaim: number[][] = Array.from({ length: this.claimCount }, () => []);
      this.postings.forEach((claims, id) => {
        for (const c of claims) byClaim[c]!.push(id);
      });
      this.termsByClaim = byClaim;
    }
    const ids = new Map<string, number>();
    for (const id of this.termsByClaim[claim]!) {
      const term = this.terms[id]!;
      if (term.length >= 5 && !isQuantityTerm(term)) ids.set(term, id);
    }
    const groups = new Map<string, string[]>();
    for (const term of ids.keys()) {
      const key = term.slice(0, PREFIX_LENGTH);
      groups.set(key, [...(groups.get(key) ?? []), term]);
    }
    const byPrefix = new Map<string, Fuse<string>>();
    for (const [key, words] of groups)
      byPrefix.set(key, new Fuse(words, { includeScore: true, threshold: FUZZY_WORD_SCORE, ignoreLocation: true }));
    entry = { byPrefix, ids, all: new Set(this.termsByClaim[claim]) };
    // Bounded: a page rescues a handful of claims; a long session should not keep thousands.
    if (this.claimFuse.size > 500) this.claimFuse.clear();
    this.claimFuse.set(claim, entry);
    return entry;
  }

  /** The weight of term `id` in claim `claim`'s profile, 0 if the claim does not use it. */
  private weightIn(id: number, claim: number): number {
    const at = this.positionIn(id, claim);
    return at < 0 ? 0 : this.weights[id]![at]!;
  }

  /** Where claim `claim` is in term `id`'s postings (binary search), or -1. */
  private positionIn(id: number, claim: number): number {
    const claims = this.postings[id]!;
    let lo = 0;
    let hi = claims.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (claims[mid]! === claim) return mid;
      if (claims[mid]! < claim) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** A claim's longer words, for the fuzzy rescue: fuse.js indexes grouped by first letters. */
interface ClaimWords {
  byPrefix: Map<string, Fuse<string>>;
  ids: Map<string, number>;
  all: Set<number>;
}

const PREFIX_LENGTH = 3;

/** fuse.js score (0 exact … 1 unrelated) under which two words count as forms of one word. */
const FUZZY_WORD_SCORE = 0.3;
