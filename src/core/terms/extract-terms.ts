// Turns text into the terms the matcher compares: content words reduced to a light stem, numbers
// in one form whatever way the outlet wrote them ("4,000", "ten", "a dozen", "four thousand",
// "6km"), and names and near-synonyms mapped to one term by the lexicon (the generic one joined
// with the packs' own). Each term keeps its range in the original text so a match can be
// highlighted where it is.
import { DOZEN, MULTIPLIERS, numberWordValue } from '../english/numbers';
import { STOP_WORDS, type Lexicon, type PhraseNode } from './lexicon';
import { stem } from './stem';
import { isCapitalisedName, tokenize } from './tokenize';

export interface Term {
  /** The normalised term: a stem, a concept, a canonical name, or a number in digits only. */
  term: string;
  /** Range of the term in the original text. */
  start: number;
  end: number;
  /** Written with a capital inside a sentence: a name (Raqqa, ISIS, Dillon), not a common word. */
  proper?: boolean;
}

/** Suffixes of a number that carry nothing: "12th", "1990s". */
const NUMBER_SUFFIX_IGNORED = /^(st|nd|rd|th|s)$/;

/** A name of several words begun in the text: the words matched so far, and where its words' terms start. */
interface OpenPhrase {
  node: PhraseNode;
  start: number;
  termsAt: number;
}

export function extractTerms(original: string, lexicon: Lexicon): Term[] {
  const terms: Term[] = [];
  const push = (term: string, start: number, end: number): void => {
    const t: Term = { term, start, end };
    if (isCapitalisedName(original, start, end)) t.proper = true;
    terms.push(t);
  };
  // What the previous tokens leave open: "a" before "dozen", "islamic" before "state".
  let article: { start: number } | null = null;
  let phrases: OpenPhrase[] = [];
  for (const token of tokenize(original)) {
    const openArticle = article;
    const openPhrases = phrases;
    article = null;
    phrases = [];
    if (token.kind === 'number') {
      push(token.text, token.start, token.end);
      const suffix = token.suffix;
      if (suffix !== undefined && !NUMBER_SUFFIX_IGNORED.test(suffix.text))
        push(lexicon.wordTerm(suffix.text) ?? suffix.text, suffix.start, suffix.end);
      continue;
    }
    if (token.kind === 'abbreviation') {
      push(lexicon.abbreviationTerm(token.text), token.start, token.end);
      continue;
    }
    const word = token.text;
    const termsBefore = terms.length;
    const capitalised = lexicon.capitalisedNameTerm(word, () => original.slice(token.start, token.end));
    if (capitalised !== undefined) {
      push(capitalised, token.start, token.end);
      continue;
    }
    const completed = continuePhrases(openPhrases, word, phrases);
    if (completed !== null) {
      // "Islamic State" is one name: it replaces the terms of its words.
      terms.length = completed.termsAt;
      terms.push({ term: completed.term, start: completed.start, end: token.end, proper: true });
      continue;
    }
    const phrase = lexicon.phraseStart(word);
    if (phrase !== undefined) phrases.push({ node: phrase, start: token.start, termsAt: termsBefore });
    if (word === 'dozen' && openArticle !== null) {
      terms.push({ term: String(DOZEN), start: openArticle.start, end: token.end });
      continue;
    }
    const number = numberWordValue(word);
    if (number !== undefined) {
      // "four thousand", "two hundred", "3 million": one number, written as digits like "4,000".
      const multiplier = MULTIPLIERS.get(word);
      const previous = terms[terms.length - 1];
      if (
        multiplier !== undefined &&
        previous !== undefined &&
        /^\d+$/.test(previous.term) &&
        /^[\s-]*$/.test(original.slice(previous.end, token.start))
      ) {
        previous.term = String(Number(previous.term) * multiplier);
        previous.end = token.end;
        continue;
      }
      push(String(number), token.start, token.end);
      continue;
    }
    if (word === 'a') {
      article = token;
      continue;
    }
    if (word.length < 2) continue;
    const listed = lexicon.wordTerm(word);
    if (listed === undefined && STOP_WORDS.has(word)) continue;
    push(listed ?? lexicon.conceptOf(stem(word)), token.start, token.end);
  }
  return terms;
}

/**
 * Advances the names begun before this word (in the order begun) into `stillOpen`; returns the
 * earliest begun that the word completes, with its term. Names begun before it that go on stay
 * open, so a longer name can still replace it ("Islamic State" then "Islamic State group"); those
 * begun after it are dropped, their words now inside it.
 */
function continuePhrases(
  open: readonly OpenPhrase[],
  word: string,
  stillOpen: OpenPhrase[],
): { term: string; start: number; termsAt: number } | null {
  for (const o of open) {
    const node = o.node.next.get(word);
    if (node === undefined) continue;
    if (node.next.size > 0) stillOpen.push({ node, start: o.start, termsAt: o.termsAt });
    if (node.term !== undefined) return { term: node.term, start: o.start, termsAt: o.termsAt };
  }
  return null;
}
