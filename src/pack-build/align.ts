// Aligning sentences across articles into facts: a fact is a group of sentences, from two or more
// articles, that say the same thing. Sentences are linked to their best counterparts in each other
// article; links are merged strongest first into groups holding at most one sentence per article,
// and only while the groups stay alike as a whole (average linkage), so a sentence that states two
// facts cannot chain them into one. A sentence may then join a second group it fits as well (one
// sentence often states two facts: the convoy's length and its trucks).
import type { SentenceSimilarity } from './similarity';
import type { Sentence } from './sentences';

export interface AlignOptions {
  /** Least score for two sentences to be linked at all. */
  linkScore: number;
  /** Least average score between two groups for them to merge. */
  groupScore: number;
  /** Least average score for a sentence already in a group to join another. */
  joinScore: number;
  /** How many of its best counterparts in each other article a sentence is linked to. */
  candidatesPerArticle: number;
}

export const WORDS_ONLY: AlignOptions = { linkScore: 0.3, groupScore: 0.26, joinScore: 0.34, candidatesPerArticle: 2 };
export const WITH_MEANING: AlignOptions = { linkScore: 0.45, groupScore: 0.42, joinScore: 0.5, candidatesPerArticle: 2 };

export interface AlignedFact {
  /** Sentence indices, at most one per article... */
  members: number[];
  /** ...and how each joined: its average score with the rest of the group. */
  cohesion: Map<number, number>;
}

export function alignSentences(sentences: readonly Sentence[], similarity: SentenceSimilarity, options: AlignOptions): AlignedFact[] {
  const n = sentences.length;
  const score = (i: number, j: number) => similarity.score(i, j);

  // Links: each sentence to its best counterparts in every other article.
  const links: { i: number; j: number; score: number }[] = [];
  const seen = new Set<string>();
  const articles = [...new Set(sentences.map((s) => s.article))];
  for (let i = 0; i < n; i += 1) {
    for (const article of articles) {
      if (article === sentences[i]!.article) continue;
      const best = sentences
        .filter((s) => s.article === article)
        .map((s) => ({ j: s.index, score: score(i, s.index) }))
        .filter((c) => c.score >= options.linkScore)
        .sort((a, b) => b.score - a.score)
        .slice(0, options.candidatesPerArticle);
      for (const c of best) {
        const key = i < c.j ? `${i}:${c.j}` : `${c.j}:${i}`;
        if (seen.has(key)) continue;
        seen.add(key);
        links.push({ i, j: c.j, score: c.score });
      }
    }
  }
  links.sort((a, b) => b.score - a.score);

  // Merge strongest first, one sentence per article, while the groups stay alike on average.
  const groupOf = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) groupOf.set(i, [i]);
  const averageBetween = (a: readonly number[], b: readonly number[]) => {
    let sum = 0;
    for (const x of a) for (const y of b) sum += score(x, y);
    return sum / (a.length * b.length);
  };
  for (const link of links) {
    const a = groupOf.get(link.i)!;
    const b = groupOf.get(link.j)!;
    if (a === b) continue;
    const articlesOfA = new Set(a.map((x) => sentences[x]!.article));
    if (b.some((y) => articlesOfA.has(sentences[y]!.article))) continue;
    if (averageBetween(a, b) < options.groupScore) continue;
    const merged = [...a, ...b];
    for (const x of merged) groupOf.set(x, merged);
  }
  const groups = [...new Set(groupOf.values())].filter((g) => new Set(g.map((x) => sentences[x]!.article)).size >= 2);

  // Second memberships: an article missing from a group adds its sentence that fits the group best.
  const facts: AlignedFact[] = groups.map((group) => {
    const members = [...group];
    const cohesion = new Map<number, number>();
    for (const x of members) cohesion.set(x, averageBetween([x], members.filter((y) => y !== x)));
    const present = new Set(members.map((x) => sentences[x]!.article));
    for (const article of articles) {
      if (present.has(article)) continue;
      let best: { x: number; average: number } | null = null;
      for (const s of sentences) {
        if (s.article !== article) continue;
        const average = averageBetween([s.index], group);
        if (best === null || average > best.average) best = { x: s.index, average };
      }
      if (best !== null && best.average >= options.joinScore) {
        members.push(best.x);
        cohesion.set(best.x, best.average);
      }
    }
    return { members: members.sort((x, y) => x - y), cohesion };
  });

  // The same sentences reached twice are one fact.
  const unique = new Map<string, AlignedFact>();
  for (const fact of facts) unique.set(fact.members.join(','), fact);
  return [...unique.values()];
}
