// The titles an outlet gives a named person: "Chiang Rai Gov. Narongsak Osatanakorn", "Narongsak
// Osatanaskorn, the former governor who has led the rescue", "Deputy Chief Fire Officer Rhian
// Castell", "Col Ryan Dillon, spokesman for …". Outlets disagree on them (a governor, or a former
// governor; the Deputy Chief Fire Officer, or the Chief Fire Officer), so a title is a value: its
// words as printed, the person, and the title as one wording ("former governor"), abbreviations
// written out. English titles and ranks only, nothing about a story.

export interface FoundTitle {
  /** The title's words, verbatim ("Gov.", "the former governor", "Deputy Chief Fire Officer"). */
  text: string;
  start: number;
  end: number;
  /** The person's name as printed ("Narongsak Osatanakorn"). */
  person: string;
  /** The title as one wording: lower case, abbreviations written out, no article ("former governor"). */
  title: string;
  /** The word that says what the post is ("governor", "officer"): titles are compared when it is the same. */
  head: string;
}

/** Abbreviated titles, written out. */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['gov', 'governor'],
  ['col', 'colonel'],
  ['capt', 'captain'],
  ['cpt', 'captain'],
  ['gen', 'general'],
  ['lt', 'lieutenant'],
  ['sgt', 'sergeant'],
  ['maj', 'major'],
  ['adm', 'admiral'],
  ['cmdr', 'commander'],
  ['dr', 'doctor'],
  ['prof', 'professor'],
  ['pres', 'president'],
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['supt', 'superintendent'],
  ['insp', 'inspector'],
  ['cllr', 'councillor'],
  ['dcfo', 'deputy chief fire officer'],
  ['cfo', 'chief fire officer'],
  ['ceo', 'chief executive'],
]);

/** Words that name a post or a rank. */
const POSTS = new Set(
  (
    'governor president minister secretary chief officer captain colonel general lieutenant major sergeant admiral commander ' +
    'mayor spokesman spokeswoman spokesperson director doctor professor senator representative judge chairman chairwoman ' +
    'executive head leader skipper master councillor councilor inspector superintendent commissioner ambassador king queen ' +
    'prince princess premier chancellor sheriff constable manager coach founder editor correspondent reporter medic surgeon ' +
    'diver pilot officer commandant marshal prosecutor attorney'
  ).split(' '),
);
/** Words that qualify a post: a former governor is not the governor. */
const QUALIFIERS = new Set([
  'former',
  'ex',
  'acting',
  'deputy',
  'assistant',
  'vice',
  'interim',
  'retired',
  'outgoing',
  'incoming',
  'senior',
  'junior',
  'chief',
  'prime',
  'head',
  'lead',
]);
/** Words that are capitalised and yet no name. */
const NOT_NAMES = new Set(
  'the a an and of in on at by for to from with mr mrs ms miss sir january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

interface Token {
  word: string;
  /** Lower case, without a final full stop or possessive. */
  bare: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}'’.-]*/gu)].map((m) => {
    const word = m[0].replace(/[.’'-]+$/, (tail) => (tail.startsWith('.') ? '.' : ''));
    const bare = word
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/[’']s$/, '');
    return { word, bare, start: m.index!, end: m.index! + word.length };
  });
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.word);
const postOf = (t: Token): string | null => {
  const last = t.bare.split('-').at(-1)!;
  if (POSTS.has(last)) return last;
  const written = ABBREVIATIONS.get(t.bare);
  return written === undefined ? null : written.split(' ').at(-1)!;
};
const isTitleWord = (t: Token) => postOf(t) !== null || QUALIFIERS.has(t.bare) || ABBREVIATIONS.has(t.bare);
const isNameWord = (t: Token) => isCapitalised(t) && !isTitleWord(t) && !NOT_NAMES.has(t.bare) && t.word.length > 1;

/** A title as one wording: "Gov." → "governor", "the county's Deputy Chief Fire Officer" → "deputy chief fire officer". */
export function titleWording(words: string): string {
  return tokens(words)
    .filter((t) => t.bare !== 'the' && t.bare !== 'a' && t.bare !== 'an' && !/[’']s$/.test(t.word))
    .map((t) => ABBREVIATIONS.get(t.bare) ?? t.bare.replace(/^ex$/, 'former'))
    .join(' ');
}

/** The titles a sentence gives named people, in order. */
export function findTitles(sentence: string): FoundTitle[] {
  const ts = tokens(sentence);
  const found: FoundTitle[] = [];
  const gapIsSpace = (a: Token, b: Token) => /^\s+$/.test(sentence.slice(a.end, b.start));
  for (let i = 0; i < ts.length; i += 1) {
    if (!isNameWord(ts[i]!) || (i > 0 && isNameWord(ts[i - 1]!) && gapIsSpace(ts[i - 1]!, ts[i]!))) continue;
    // A name: one to three capitalised words.
    let last = i;
    while (last + 1 < ts.length && last - i < 2 && isNameWord(ts[last + 1]!) && gapIsSpace(ts[last]!, ts[last + 1]!))
      last += 1;
    // Capitalised words before a post are the post's ("Fire" in "Deputy Chief Fire Officer"), not a name.
    if (last + 1 < ts.length && isTitleWord(ts[last + 1]!) && gapIsSpace(ts[last]!, ts[last + 1]!)) {
      i = last;
      continue;
    }
    const person = sentence.slice(ts[i]!.start, ts[last]!.end);
    // A title before it: the title words right before the name, back to the first of them ("Deputy Chief Fire Officer").
    let from = i;
    let postAt = -1;
    for (let k = i - 1; k >= 0 && gapIsSpace(ts[k]!, ts[k + 1]!); k -= 1) {
      if (isTitleWord(ts[k]!)) {
        from = k;
        if (postAt < 0 && postOf(ts[k]!) !== null) postAt = k;
      } else if (!(isCapitalised(ts[k]!) && k - 1 >= 0 && isTitleWord(ts[k - 1]!))) break;
    }
    if (postAt >= 0) {
      const text = sentence.slice(ts[from]!.start, ts[postAt]!.end);
      found.push({
        text,
        start: ts[from]!.start,
        end: ts[postAt]!.end,
        person,
        title: titleWording(text),
        head: postOf(ts[postAt]!)!,
      });
    }
    // A title after it, in apposition: "Narongsak Osatanaskorn, the former governor who …".
    const after = sentence.slice(ts[last]!.end);
    const apposition = /^,\s+((?:the|a|an)\s+)?([^,;:()“”"]{1,80})/u.exec(after);
    if (apposition !== null) {
      const words = tokens(apposition[2]!);
      const first = words.findIndex((t) => postOf(t) !== null);
      const leadIn = (t: Token) => isTitleWord(t) || isCapitalised(t) || /[’']s$/.test(t.word);
      if (first >= 0 && words.slice(0, first).every(leadIn)) {
        // The post runs on over capitalised words to its last post word: "Deputy Chief Fire Officer".
        let post = first;
        for (let k = first + 1; k < words.length && leadIn(words[k]!); k += 1) if (postOf(words[k]!) !== null) post = k;
        const groupStart = ts[last]!.end + apposition[0].lastIndexOf(apposition[2]!);
        const start = groupStart - (apposition[1]?.length ?? 0);
        const end = groupStart + words[post]!.end;
        const text = sentence.slice(start, end);
        found.push({ text, start, end, person, title: titleWording(text), head: postOf(words[post]!)! });
      }
    }
    i = last;
  }
  return found;
}
