// Whom a sentence credits for what it states, in the outlet's own words: "according to the
// company", "a local driver told the BBC", "..., the Coast Guard said", "Brackwater said ...".
// English reporting patterns only, nothing about a story. A pronoun ("he said") is resolved to the
// nearest earlier sentence of the same article that names someone, and flagged so the curator
// checks it.

export interface Attribution {
  /** Whom the sentence credits, as the outlet words it. */
  credit: string;
  /** The credit was a pronoun, resolved from an earlier sentence. */
  resolvedFrom?: string;
}

/** Verbs of saying that news prose credits a source with. */
const SAYING =
  'said|says|say|told|tells|added|adds|reported|reports|claimed|claims|claim|confirmed|confirms|stated|states|revealed|reveals|explained|explains|insisted|insists|maintains|maintained|suggests|suggested|noted|notes|warned|warns|announced|announces|admitted|admits|fumed|argued|argues|estimated|estimates|wrote|writes|acknowledged|acknowledges|described|describes';

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** Words that open a clause without being part of its subject. */
const LEADING_CONNECTIVES = /^(?:but|and|so|yet|however|meanwhile|instead|now|then|later|earlier|also|still)\b,?\s+/i;
/** Adverbs allowed between a subject and its verb of saying ("The SDF publicly stated"). */
const ADVERB = String.raw`(?:\s+(?:also|later|publicly|previously|earlier|now|then|separately|reportedly|repeatedly|initially|first|further|still)\b)?`;
/** A subject short enough to be a source rather than a clause. */
const MAX_SUBJECT_WORDS = 14;

/** A closing quotation mark after the quotation's own punctuation ('...,"' or '...?”'), not an apostrophe. */
const QUOTE_CLOSE = `[,.!?…]["”’']`;
// Verbs are written in lower case: "States" in "United States" is no verb.
const SAYING_WORD = new RegExp(`\\b(?:${SAYING})\\b`, 'gu');
/** Words that show a "subject" is a clause of its own ("What was not announced", "which she"). */
const NOT_A_SOURCE =
  /\b(?:who|was|were|is|are|am|has|have|had|be|been|being|will|would|could|should|can|may|might|must|do|does|did|not|which|that|what|where|when|if|whether|while|because)\b/i;
/** Words a source never ends with. */
const FUNCTION_WORDS = new Set([
  'and',
  'or',
  'but',
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'with',
  'as',
  'so',
  'also',
  'this',
  'there',
]);

/** Strip what is not part of the credited party: connectives, quotation marks, unbalanced brackets. */
function cleanSubject(subject: string, strict: boolean): string | null {
  let s = subject
    .trim()
    .replace(/^["“”’'(]+|[,"“”’']+$/g, '')
    .trim();
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1).trim();
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(LEADING_CONNECTIVES, '');
  }
  const words = s.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return null;
  if (FUNCTION_WORDS.has(words[words.length - 1]!.toLowerCase())) return null;
  // "At that point it said": the source is the pronoun.
  const last = words[words.length - 1]!;
  if (words.length > 1 && isPronoun(last)) return last;
  if (strict && NOT_A_SOURCE.test(s)) return null;
  // A subject with its own verb of saying is a clause, not a source.
  if (new RegExp(`\\b(?:${SAYING})\\b`).test(s)) return null;
  return s;
}

function isPronoun(credit: string): boolean {
  return PRONOUNS.has(credit.toLowerCase());
}

/** "X said ..." / "X told the BBC ..." / "In May, X stated that ...": the subject before a verb of saying. */
function subjectBeforeSaying(text: string): string | null {
  for (const verb of text.matchAll(SAYING_WORD)) {
    // An age in apposition is part of the subject: "Lorry driver Dean Maskell, 45, said".
    const before = text.slice(0, verb.index).replace(/,\s*\d{1,3},\s*$/, ' ');
    // The clause the verb is in starts after the last comma, colon or quotation before it; a
    // subject in apposition ("Hensey's councillor, Marian Tolland, said") takes two segments.
    const trimmed = before.replace(/\s+$/, '');
    const clauseStartIn = (t: string) =>
      Math.max(t.lastIndexOf(', '), t.lastIndexOf(': '), t.lastIndexOf('” '), t.lastIndexOf('" ')) + 1;
    let clauseStart = clauseStartIn(before);
    if (trimmed.endsWith(',')) clauseStart = clauseStartIn(trimmed.slice(0, clauseStartIn(trimmed.slice(0, -1)) - 1));
    const subject = before.slice(clauseStart).replace(new RegExp(`${ADVERB}\\s*$`), '');
    const credit = cleanSubject(subject, true);
    if (credit !== null) return credit;
  }
  return null;
}

/** The credit a sentence gives, from its own words only (pronouns unresolved), or null. */
export function creditIn(sentence: string): string | null {
  const text = sentence.trim();
  const patterns: { find: (t: string) => string | null; strict: boolean }[] = [
    // "..., according to the company." / "According to the BBC, ..."
    { find: (t) => /\baccording to\s+([^,;:.!?()]+(?:\([^)]*\)[^,;:.!?()]*)?)/i.exec(t)?.[1] ?? null, strict: false },
    // '"...," said Colonel Ryan Dillon, spokesman for ...' (inverted, after a quotation)
    {
      find: (t) =>
        new RegExp(`${QUOTE_CLOSE}\\s*(?:${SAYING})\\s+(\\p{Lu}[^.!?"“”]*?)(?:[.!?]\\s*$|[.!?]?\\s*["“])`, 'u').exec(
          t,
        )?.[1] ?? null,
      strict: false,
    },
    // "..., the Coast Guard said." / '...," he said.' / "..., passengers said, with ..."
    {
      find: (t) =>
        new RegExp(
          `(?:,|${QUOTE_CLOSE})\\s*([^,;:"“”]{1,80}?)${ADVERB}\\s+(?:${SAYING})(?:\\s+(?:the\\s+)?\\p{Lu}[\\w’'.-]*(?:\\s+\\p{Lu}[\\w’'.-]*)*|\\s+reporters|\\s+in a statement)?\\s*(?:[.!?]$|,)`,
          'u',
        ).exec(t)?.[1] ?? null,
      strict: true,
    },
    { find: subjectBeforeSaying, strict: true },
    // "X was quoted as saying"
    { find: (t) => /^(.+?),?\s+(?:was|were) quoted as saying\b/.exec(t)?.[1] ?? null, strict: false },
  ];
  for (const { find, strict } of patterns) {
    const raw = find(text);
    if (raw === null) continue;
    const credit = cleanSubject(raw, strict);
    if (credit !== null) return credit;
  }
  return null;
}

/** Pronouns that stand for a source named just before; "it" usually stands for a subject, not a source. */
const RESOLVABLE = new Set(['he', 'she', 'they', 'i', 'we']);
/** How far back a pronoun looks for the source it stands for. */
const PRONOUN_REACH = 3;

/**
 * The credit of each sentence of one article, in reading order. A pronoun credit ("he said")
 * takes the credit of the nearest earlier sentence that has one, within three sentences, if that
 * credit names someone; otherwise the sentence is left uncredited.
 */
export function attributeSentences(sentences: readonly string[]): (Attribution | null)[] {
  const found = sentences.map((s) => creditIn(s));
  return found.map((credit, i) => {
    if (credit === null) return null;
    if (!isPronoun(credit)) return { credit };
    if (!RESOLVABLE.has(credit.toLowerCase())) return null;
    for (let j = i - 1; j >= Math.max(0, i - PRONOUN_REACH); j -= 1) {
      const earlier = found[j];
      if (earlier === null || earlier === undefined) continue;
      return isPronoun(earlier) ? null : { credit: earlier, resolvedFrom: credit };
    }
    return null;
  });
}
