// Aligning sentences across articles into facts: a fact is a group of spans (a sentence, or the
// part of one that states it: fact-spans.ts), from two or more articles, that say the same thing.
// Every pair of spans from two articles that are among each other's best counterparts seeds a
// fact; the fact then takes, article by article, the span that fits the whole group best, when it
// fits well enough and most of the group count it among their own best counterparts in that
// article. A sentence that states several facts is so in several of them, each time by the part
// that states it. A fact grown from a weaker seed that repeats one already kept is dropped.
import type { SentenceSimilarity } from './similarity';
import type { Sentence } from './sentences';

export interface AlignedFact {
  /** The pair it grew from: the two spans that say it most alike, which define what it is about. */
  seed: [number, number];
  /** Span indices, at most one per article (the seed's included)... */
  members: number[];
  /** ...and how well each fits the rest of the group: its average score with them. */
  cohesion: Map<number, number>;
}

export interface AlignOptions {
  /** Least score for a pair of spans, each among the other's best counterparts, to seed a fact. */
  seedScore: number;
  /** Least average score with the group for a span to join it. */
  joinScore: number;
  /** How many best counterparts (in distinct places of the other article) count as "best" for a seed pair (mutually). */
  candidatesPerArticle: number;
  /** Least average score with the rest of its grown group for a span to stay in it. */
  pruneScore: number;
  /** Two facts sharing at least this share of the smaller one's spans are one fact. */
  duplicateShare: number;
  /** A seed pair scoring under this must share something specific (a rare word or a value's kind). */
  sureScore?: number;
}

/** Share of a group that must count a span (or one overlapping it) among its best counterparts for it to join. */
const MUTUAL_SHARE = 0.5;
/** Two spans of one article are the same place when their overlap is at least this share of the shorter. */
const SAME_PLACE_SHARE = 0.5;

const overlap = (a: Sentence, b: Sentence) => a.article === b.article && a.start < b.end && b.start < a.end;
const samePlace = (a: Sentence, b: Sentence) =>
  overlap(a, b) &&
  Math.min(a.end, b.end) - Math.max(a.start, b.start) >= SAME_PLACE_SHARE * Math.max(a.end - a.start, b.end - b.start);

export function alignSentences(
  sentences: readonly Sentence[],
  similarity: SentenceSimilarity,
  options: AlignOptions,
): AlignedFact[] {
  const articles = [...new Set(sentences.map((s) => s.article))];
  const byArticle = new Map(articles.map((a) => [a, sentences.filter((s) => s.article === a).map((s) => s.index)]));
  // Every pair is scored many times while facts grow: once each, kept in a matrix.
  const n = sentences.length;
  const scores = new Float32Array(n * n).fill(Number.NaN);
  const score = (i: number, j: number) => {
    let s = scores[i * n + j]!;
    if (Number.isNaN(s)) {
      s = similarity.score(i, j);
      scores[i * n + j] = s;
      scores[j * n + i] = s;
    }
    return s;
  };
  const best = new Map<string, number[]>();
  /** The span's best counterparts in another article, at most one per place (no two overlapping). */
  const bestOf = (i: number, article: number) => {
    const key = `${i}:${article}`;
    let found = best.get(key);
    if (found === undefined) {
      found = [];
      const ranked = byArticle
        .get(article)!
        .map((j) => ({ j, s: score(i, j) }))
        .sort((a, b) => b.s - a.s);
      for (const { j } of ranked) {
        if (found.some((k) => overlap(sentences[k]!, sentences[j]!))) continue;
        found.push(j);
        if (found.length >= options.candidatesPerArticle) break;
      }
      best.set(key, found);
    }
    return found;
  };
  const backs = (m: number, x: number) =>
    bestOf(m, sentences[x]!.article).some((k) => overlap(sentences[k]!, sentences[x]!));

  // Pairs from two articles, strongest first. Two spans on their own start a fact only when each
  // is among the other's best counterparts and they say it alike enough (the seed score).
  const pairs: { i: number; j: number; score: number }[] = [];
  for (const s of sentences) {
    for (const t of sentences) {
      if (t.article <= s.article) continue;
      const sc = score(s.index, t.index);
      if (sc >= options.joinScore) pairs.push({ i: s.index, j: t.index, score: sc });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);

  // Facts grow by merging groups (average linkage): two groups become one when they hold no two
  // spans of one article and their spans score, on average, at least the join score together. A
  // span in a fact takes its place in the article: no other fact takes a span at the same place,
  // so a sentence stating two facts is in each by a different part of it.
  const groupOf = sentences.map((s) => [s.index]);
  const taken = new Set<number>();
  const placeTaken = (x: number) => [...taken].some((t) => t !== x && samePlace(sentences[t]!, sentences[x]!));
  const average = (x: number, group: readonly number[]) =>
    group.reduce((sum, y) => sum + score(x, y), 0) / group.length;
  for (const { i, j, score: sc } of pairs) {
    const a = groupOf[i]!;
    const b = groupOf[j]!;
    if (a === b) continue;
    const articlesOfA = new Set(a.map((m) => sentences[m]!.article));
    if (b.some((m) => articlesOfA.has(sentences[m]!.article))) continue;
    if ([...a, ...b].some((m) => !taken.has(m) && placeTaken(m))) continue;
    if (a.length === 1 && b.length === 1) {
      if (
        sc < options.seedScore ||
        !bestOf(i, sentences[j]!.article).includes(j) ||
        !bestOf(j, sentences[i]!.article).includes(i)
      )
        continue;
      // A pair alike by topic only starts no fact: below the sure score it must share something specific.
      if (sc < (options.sureScore ?? 0) && !similarity.sharesSomethingSpecific(i, j)) continue;
    } else {
      const linkage = a.reduce((sum, x) => sum + b.reduce((t, y) => t + score(x, y), 0), 0) / (a.length * b.length);
      if (linkage < options.joinScore) continue;
      // A span joins a group when most of it counts the span (or one at its place) among its best there.
      const joining = a.length === 1 ? { x: a[0]!, group: b } : b.length === 1 ? { x: b[0]!, group: a } : null;
      if (
        joining !== null &&
        joining.group.filter((m) => backs(m, joining.x)).length < MUTUAL_SHARE * joining.group.length
      )
        continue;
    }
    const merged = [...a, ...b];
    for (const m of merged) {
      groupOf[m] = merged;
      taken.add(m);
    }
  }

  // Groups, strongest first (most articles, then closest): one that repeats a kept group (its spans
  // overlap the kept one's in two articles or more, and in most of the smaller) states the same
  // fact, worded at another length; it lends the kept group its spans from articles the kept one lacks.
  const groups = [...new Set(groupOf)]
    .filter((g) => g.length >= 2)
    .map((g) => [...g])
    .sort((a, b) => b.length - a.length || cohesionOf(b) - cohesionOf(a));
  function cohesionOf(group: readonly number[]): number {
    return (
      group.reduce(
        (sum, x) =>
          sum +
          average(
            x,
            group.filter((y) => y !== x),
          ),
        0,
      ) / group.length
    );
  }
  const kept: AlignedFact[] = [];
  for (const group of groups) {
    const repeated = kept.find((k) => {
      const shared = group.filter((m) => k.members.some((n) => overlap(sentences[m]!, sentences[n]!))).length;
      if (shared >= 2 && shared >= options.duplicateShare * Math.min(group.length, k.members.length)) return true;
      // One span in common, and the two groups as alike as one group's members: one fact in two groups.
      const linkage =
        group.reduce((sum, x) => sum + k.members.reduce((t, y) => t + score(x, y), 0), 0) /
        (group.length * k.members.length);
      return shared >= 1 && linkage >= options.joinScore;
    });
    if (repeated !== undefined) {
      for (const m of group) {
        if (repeated.members.some((n) => sentences[n]!.article === sentences[m]!.article)) continue;
        if (average(m, repeated.members) >= options.joinScore) repeated.members.push(m);
      }
      continue;
    }
    const members = [...group];
    // The span that fits the rest least leaves while that fit is under the prune score.
    while (members.length > 2) {
      const fits = members
        .map((x) => ({
          x,
          fit: average(
            x,
            members.filter((y) => y !== x),
          ),
        }))
        .sort((p, q) => p.fit - q.fit);
      if (fits[0]!.fit >= options.pruneScore) break;
      members.splice(members.indexOf(fits[0]!.x), 1);
    }
    kept.push({ seed: [members[0]!, members[1]!], members, cohesion: new Map() });
  }
  for (const fact of kept) {
    const members = fact.members;
    // The seed: the pair that says it most alike.
    let seed: [number, number] = [members[0]!, members[1]!];
    for (const x of members) for (const y of members) if (x < y && score(x, y) > score(seed[0], seed[1])) seed = [x, y];
    fact.seed = seed;
    fact.cohesion = new Map(
      members.map((x) => [
        x,
        average(
          x,
          members.filter((y) => y !== x),
        ),
      ]),
    );
    fact.members = members.sort((p, q) => p - q);
  }
  return kept.sort((a, b) => a.members[0]! - b.members[0]!);
}
