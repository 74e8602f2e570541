// Which words of a sentence each claim quotes. Facts are aligned by the part of a sentence that
// states them (fact-spans.ts), but a reader is better served by the whole sentence, and the
// matcher by all its words: a claim quotes its part widened over the neighbouring parts no other
// claim states, so a sentence stating one fact is quoted whole, and one stating several is shared
// out between their claims.
import type { AlignedFact } from './align';
import { sentenceParts, type Span } from './fact-spans';
import type { Sentence } from './sentences';

/** The quoted span (offsets in the article's text) of each fact's member, by fact index then member index. */
export function quoteSpans(facts: readonly AlignedFact[], sentences: readonly Sentence[]): Map<number, Span>[] {
  // The members placed in each sentence, with the parts they run over.
  const inSentence = new Map<number, { fact: number; member: number }[]>();
  facts.forEach((fact, f) => {
    for (const member of fact.members) {
      const parent = sentences[member]!.partOf ?? member;
      const list = inSentence.get(parent) ?? [];
      list.push({ fact: f, member });
      inSentence.set(parent, list);
    }
  });
  const spans = facts.map(() => new Map<number, Span>());
  for (const [parent, placed] of inSentence) {
    const sentence = sentences[parent]!;
    const parts = sentenceParts(sentence.text);
    for (const { fact, member } of placed) {
      const own = sentences[member]!.parts;
      let first = 0;
      let last = parts.length - 1;
      for (const other of placed) {
        if (other.member === member) continue;
        const theirs = sentences[other.member]!.parts;
        if (theirs.last < own.first) first = Math.max(first, theirs.last + 1);
        else if (theirs.first > own.last) last = Math.min(last, theirs.first - 1);
        else {
          // Overlapping parts: neither widens over the other.
          if (theirs.first < own.first) first = Math.max(first, own.first);
          if (theirs.last > own.last) last = Math.min(last, own.last);
        }
      }
      const whole = first === 0 && last === parts.length - 1;
      const span = whole
        ? { start: 0, end: sentence.text.length }
        : { start: parts[first]!.start, end: parts[last]!.end };
      spans[fact]!.set(member, { start: sentence.start + span.start, end: sentence.start + span.end });
    }
  }
  return spans;
}
