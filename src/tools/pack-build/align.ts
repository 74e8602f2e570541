// Aligning sentences across articles into facts: a fact is a group of sentences (or clauses),
// from two or more articles, that say the same thing. Every pair of sentences from two articles
// that are among each other's best counterparts seeds a fact; the fact then takes, article by
// article, the sentence that fits the whole group best, when it fits well enough and most of the
// group count it among their own best counterparts in that article. A sentence that states two
// facts (a convoy's length and its trucks) can so be in two of them. A fact grown from a weaker
// seed that repeats one already kept is dropped.
import type { SentenceSimilarity } from './similarity';
import type { Sentence } from './sentences';

export interface AlignedFact {
  /** The pair it grew from: the two sentences that say it most alike, which define what it is about. */
  seed: [number, number];
  /** Sentence indices, at most one per article (the seed's included)... */
  members: number[];
  /** ...and how well each fits the rest of the group: its average score with them. */
  cohesion: Map<number, number>;
}

export interface AlignOptions {
  /** Least score for a pair of sentences, each among the other's best counterparts, to seed a fact. */
  seedScore: number;
  /** Least average score with the group for a sentence to join it. */
  joinScore: number;
  /** How many best counterparts count as "best" for a seed pair (mutually). */
  candidatesPerArticle: number;
  /** Least average score with the rest of its grown group for a sentence to stay in it. */
  pruneScore: number;
  /** Two facts sharing at least this share of the smaller one's sentences are one fact. */
  duplicateShare: number;
}


/** Share of a group that must count a sentence among its best counterparts for it to join. */
const MUTUAL_SHARE = 0.5;

const overlap = (a: Sentence, b: Sentence) => a.article === b.article && a.start < b.end && b.start < a.end;

export function alignSentences(sentences: readonly Sentence[], similarity: SentenceSimilarity, options: AlignOptions): AlignedFact[] {
  const articles = [...new Set(sentences.map((s) => s.article))];
  const byArticle = new Map(articles.map((a) => [a, sentences.filter((s) => s.article === a).map((s) => s.index)]));
  const score = (i: number, j: number) => similarity.score(i, j);
  const best = new Map<string, number[]>();
  const bestOf = (i: number, article: number) => {
    const key = `${i}:${article}`;
    let found = best.get(key);
    if (found === undefined) {
      found = byArticle.get(article)!.map((j) => ({ j, s: score(i, j) })).sort((a, b) => b.s - a.s).slice(0, options.candidatesPerArticle).map((c) => c.j);
      best.set(key, found);
    }
    return found;
  };

  const seeds: { i: number; j: number; score: number }[] = [];
  for (const s of sentences) {
    for (const article of articles) {
      if (article <= s.article) continue;
      for (const j of bestOf(s.index, article)) {
        const sc = score(s.index, j);
        if (sc >= options.seedScore && bestOf(j, s.article).includes(s.index)) seeds.push({ i: s.index, j, score: sc });
      }
    }
  }
  seeds.sort((a, b) => b.score - a.score);

  const average = (x: number, group: readonly number[]) => group.reduce((sum, y) => sum + score(x, y), 0) / group.length;
  const kept: AlignedFact[] = [];
  const duplicates = (fact: AlignedFact) =>
    kept.some((k) => {
      // Shared: the same sentence, or a sentence and one of its clauses (overlapping text).
      const shared = fact.members.filter((m) => k.members.some((n) => overlap(sentences[m]!, sentences[n]!))).length;
      return shared >= 2 && shared >= options.duplicateShare * Math.min(fact.members.length, k.members.length);
    });
  // Strongest seeds first: a fact grown from a weaker seed that repeats a kept one is dropped.
  for (const seed of seeds) {
    const members = [seed.i, seed.j];
    for (;;) {
      const present = new Set(members.map((m) => sentences[m]!.article));
      let next: { x: number; fit: number } | null = null;
      for (const article of articles) {
        if (present.has(article)) continue;
        for (const x of byArticle.get(article)!) {
          const fit = average(x, members);
          if (fit < options.joinScore || (next !== null && fit <= next.fit)) continue;
          // Mutual: most members count the sentence among their best in its article.
          const backed = members.filter((m) => bestOf(m, article).includes(x)).length;
          if (backed >= MUTUAL_SHARE * members.length) next = { x, fit };
        }
      }
      if (next === null) break;
      members.push(next.x);
    }
    // Grown, the group may hold a sentence that fit the first members only: the one that fits the
    // rest least leaves while that fit is under the prune score (the seed pair stays).
    for (;;) {
      const fits = members
        .filter((x) => x !== seed.i && x !== seed.j)
        .map((x) => ({ x, fit: average(x, members.filter((y) => y !== x)) }))
        .sort((a, b) => a.fit - b.fit);
      if (fits.length === 0 || fits[0]!.fit >= options.pruneScore) break;
      members.splice(members.indexOf(fits[0]!.x), 1);
    }
    const cohesion = new Map(members.map((x) => [x, average(x, members.filter((y) => y !== x))]));
    const fact: AlignedFact = { seed: [seed.i, seed.j], members: members.sort((a, b) => a - b), cohesion };
    if (!duplicates(fact)) kept.push(fact);
  }
  return kept.sort((a, b) => a.members[0]! - b.members[0]!);
}
