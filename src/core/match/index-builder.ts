// Builds, at build time, the inverted index the matcher retrieves candidate claims from.
// Scanning every claim for every sentence costs ~0.15 ms per pair with fuse.js (1.5 s per sentence
// at 10,000 claims); an index of normalised terms makes retrieval cost proportional to the few
// claims that share a rare term with the sentence. The index is plain JSON so the extension can
// bundle it and load it with one JSON.parse.
import type { Database } from '../database/schema';
import { extractTerms } from '../text/normalize-terms';

export const INDEX_FORMAT = 2;

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  stories: string[];
  outlets: string[];
  claims: string[];
  /** Story index of each claim. */
  claimStory: number[];
  terms: string[];
  /**
   * Per term, the ids of the indexed texts ("docs") containing it, ascending and delta-encoded
   * (each number is the gap from the previous id) to keep the shipped JSON small and fast to parse.
   */
  postings: number[][];
  /** Per doc (a claim's summary or one outlet's quote of it), its claim index. */
  docClaim: number[];
  /** Per doc, its outlet index, or -1 for the claim summary. */
  docOutlet: number[];
}

export function buildIndex(db: Database): SerializedIndex {
  const stories = db.stories.map((s) => s.id);
  const outlets = db.outlets.map((o) => o.id);
  const articleOutlet = new Map(db.articles.map((a) => [a.id, outlets.indexOf(a.outlet)]));
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const docClaim: number[] = [];
  const docOutlet: number[] = [];
  const lastDoc: number[] = [];

  const addDoc = (claim: number, outlet: number, text: string): void => {
    const ids = new Set<number>();
    for (const { term } of extractTerms(text)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        postings.push([]);
        lastDoc.push(0);
      }
      ids.add(id);
    }
    if (ids.size === 0) return;
    const docId = docClaim.length;
    for (const id of ids) {
      postings[id]!.push(docId - lastDoc[id]!);
      lastDoc[id] = docId;
    }
    docClaim.push(claim);
    docOutlet.push(outlet);
  };

  db.claims.forEach((claim, claimIndex) => {
    addDoc(claimIndex, -1, claim.summary);
    for (const report of claim.reports) addDoc(claimIndex, articleOutlet.get(report.article) ?? -1, report.quote);
  });

  return {
    format: INDEX_FORMAT,
    stories,
    outlets,
    claims: db.claims.map((c) => c.id),
    claimStory: db.claims.map((c) => stories.indexOf(c.story)),
    terms,
    postings,
    docClaim,
    docOutlet,
  };
}
