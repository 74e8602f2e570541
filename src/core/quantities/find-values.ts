// Finding the values a sentence states, as the words a pack's `values` quote: counts with what
// they count ("212 passengers", "Dozens of holidaymakers' cars"), distances, durations, ages,
// dates, times of day and sums of money, each with its hedge ("nearly", "just after"). The words
// are handed to the core's value reader, which decides what they mean; this module only finds
// where they are. English news prose, nothing about any story.
import { unitForWord } from './units';

export type FoundKind = 'count' | 'distance' | 'duration' | 'age' | 'date' | 'time-of-day' | 'money';

export interface FoundValue {
  kind: FoundKind;
  /** What a count counts, as a slug ("passenger", "truck"); for the ages of a group, "youngest" or "oldest"; absent otherwise. */
  of?: string;
  /**
   * For a duration: true when it says when, counted from another time ("two years ago", "an hour
   * later"), not how long something lasted ("for nine years"), so the two are never compared.
   */
  sinceOrUntil?: true;
  /** The words, verbatim from the sentence. */
  text: string;
  start: number;
  end: number;
}

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a dozen|hundred|thousand';
/** A figure: digits ("3,500", "6.5"), number words ("twenty-four", "two dozen"), or a vague amount. */
const FIGURE = String.raw`(?:\d[\d,]*(?:\.\d+)?|(?:${NUMBER_WORD})(?:[- ](?:${NUMBER_WORD}))*)`;
const VAGUE = String.raw`(?:dozens|hundreds|thousands|scores|a handful|a few dozen|a dozen|a couple)`;
const HEDGE = String.raw`(?:(?:nearly|almost|about|around|approximately|roughly|some|just under|close to|as many as|up to|as long as|more than|over|at least|fewer than|less than|under|only|just|exactly)\s+)`;
const UNIT_DISTANCE = String.raw`(?:km|kms|kilometres?|kilometers?|miles?|mi|nautical miles?|metres?|meters?|m)`;
const UNIT_DURATION = String.raw`(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)`;
const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

interface Pattern {
  kind: FoundKind;
  regex: RegExp;
}

// Order matters: earlier patterns claim their words first (an age before a duration: "63-year-old").
const PATTERNS: readonly Pattern[] = [
  { kind: 'age', regex: new RegExp(String.raw`\b${HEDGE}?${FIGURE}-year-old\b`, 'giu') },
  {
    kind: 'age',
    regex:
      /\b(?:in (?:his|her|their) (?:early |mid-|late )?\d0s|aged \d{1,3}|built in (?:1[89]|20)\d\d|(?:1[89]|20)\d\d-built)\b/giu,
  },
  // "A grandad, 68, was ...": an age in apposition.
  { kind: 'age', regex: /(?<=\p{L}, )\d{1,3}(?=, \p{Ll})/gu },
  {
    kind: 'time-of-day',
    regex: new RegExp(
      String.raw`\b(?:(?:just|shortly) (?:after|before) |(?:at )?(?:about|around|approximately) )?(?:\d{1,2}[:.]\d{2}\s?(?:am|pm)?|\d{1,2}\s?(?:am|pm)|noon|midnight)\b|(?<=\bat )(?:[01]\d|2[0-3])[0-5]\d\b(?! (?:people|passengers|crew))`,
      'giu',
    ),
  },
  {
    kind: 'money',
    regex: new RegExp(
      String.raw`(?:${HEDGE})?[€£$]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|m|bn|k)\b)?|\b${HEDGE}?\d[\d,]*(?:\.\d+)?\s?(?:million |billion )?(?:euros?|pounds?|dollars?)\b`,
      'giu',
    ),
  },
  {
    kind: 'distance',
    regex: new RegExp(
      String.raw`\b${HEDGE}?${FIGURE}(?:\s?${UNIT_DISTANCE})?(?:\s?(?:to|or|-)\s?${FIGURE})?\s?-?${UNIT_DISTANCE}\b(?:\s+long)?`,
      'giu',
    ),
  },
  { kind: 'duration', regex: new RegExp(String.raw`\b${HEDGE}?(?:${FIGURE}|an?)\s?-?${UNIT_DURATION}\b`, 'giu') },
  {
    kind: 'date',
    regex: new RegExp(
      String.raw`\b(?:until (?:at least )?|since |by )?(?:(?:last |next |on )?(?:${WEEKDAY})(?: (?:morning|afternoon|evening|night))?(?:,? \(?(?:${MONTH}) \d{1,2}\)?| \(?\d{1,2} (?:${MONTH})\)?)?|(?:${MONTH}) \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})(?: \d{4})?)(?: at the earliest)?\b|\b(?:in|since) (?:19|20)\d\d\b`,
      'gu',
    ),
  },
  {
    kind: 'count',
    regex: new RegExp(String.raw`\b${HEDGE}?(?:${VAGUE}|${FIGURE})\b`, 'giu'),
  },
];

/** Words after a figure that end the phrase naming what is counted. */
const PHRASE_END = new Set([
  'were',
  'was',
  'are',
  'is',
  'had',
  'have',
  'has',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'from',
  'with',
  'who',
  'that',
  'which',
  'including',
  'as',
  'by',
  'for',
  'into',
  'while',
  'but',
  'had',
  'would',
  'could',
  'will',
  'left',
  'took',
  'said',
]);
/** Words between a figure and its noun that are not the noun: "of their", "of ISIS' own". */
const SKIPPED_BEFORE_NOUN = new Set([
  'of',
  'their',
  'the',
  'its',
  'his',
  'her',
  'our',
  'own',
  'more',
  'other',
  'extra',
  'additional',
]);
/** Figures that are almost never a count of anything: "one" (one driver said), a lone year. */
const NOT_A_COUNT = /^(?:one|a couple|a|an)$|^(?:1[89]|20)\d\d$/i;
/** What a vague amount or figure can count, at most this many words after it. */
const MAX_NOUN_DISTANCE = 4;

/**
 * Words for one thing, merged into one term ("lorry" → "truck"): the matcher's lexicon, which
 * lives above this folder and is handed in by the caller.
 */
export interface NounTerms {
  wordTerm(word: string): string | undefined;
}

const NO_TERMS: NounTerms = { wordTerm: () => undefined };

/** The singular slug of a counted noun, with news synonyms merged ("lorries" → "truck"). */
function nounSlug(word: string, nouns: NounTerms): string {
  const lower = word.toLowerCase().replace(/[’']s?$/, '');
  const term = nouns.wordTerm(lower);
  if (term !== undefined) return term;
  if (/ies$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|us)$/.test(lower)) return lower;
  if (/(?:ches|shes|xes|ses)$/.test(lower)) return lower.slice(0, -2);
  return lower.endsWith('s') && lower.length > 3 ? lower.slice(0, -1) : lower;
}

/** Plurals without an "s", and nouns that count people as a body. */
const PLURAL_WORDS = new Set([
  'people',
  'crew',
  'staff',
  'children',
  'men',
  'women',
  'police',
  'personnel',
  'cattle',
  'sheep',
  'aircraft',
  'media',
]);
const looksPlural = (word: string) => PLURAL_WORDS.has(word.toLowerCase()) || (/[^s]s$/i.test(word) && word.length > 3);

/**
 * What the figure ending at `end` counts: the first plural noun after it ("212 passengers",
 * "3,500 of their family members", "more than 100 of ISIS' own vehicles"), passing over
 * modifiers (possessives, names, adverbs, "of their"), within a few words; null when none.
 */
function countedNoun(sentence: string, end: number, nouns: NounTerms): { of: string; end: number } | null {
  const words = [...sentence.slice(end).matchAll(/[\p{L}][\p{L}’'-]*|[^\s\p{L}]/gu)].slice(0, MAX_NOUN_DISTANCE + 3);
  let content = 0;
  for (const word of words) {
    const text = word[0];
    const lower = text.toLowerCase();
    // A word in capitals is a name, not the verb it spells ("hundreds of IS fighters").
    if (!/^\p{L}/u.test(text) || (PHRASE_END.has(lower) && !isAcronym(text))) return null;
    // A name before the noun is passed over ("12 Thai boys"), unless it is the plural the phrase ends
    // with ("four Navy SEALs, including …", "three Thai navy SEALs who …").
    const next = words[words.indexOf(word) + 1]?.[0];
    const endsPhrase = next === undefined || !/^\p{L}/u.test(next) || PHRASE_END.has(next.toLowerCase());
    const pluralName = /^\p{Lu}/u.test(text) && looksPlural(text) && endsPhrase;
    if (
      !pluralName &&
      (SKIPPED_BEFORE_NOUN.has(lower) || /ly$/.test(lower) || /[’']s?$/.test(text) || /^\p{Lu}/u.test(text))
    )
      continue;
    content += 1;
    if (content > MAX_NOUN_DISTANCE) return null;
    if (looksPlural(text))
      return unitForWord(lower) === null ? { of: nounSlug(text, nouns), end: end + word.index! + text.length } : null;
  }
  return null;
}

/** "IS", "AND": a word written in capitals, an acronym or a name. */
const isAcronym = (word: string) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();

/** Words after a duration that make it a point in time: "two years ago", "an hour later". */
const SINCE_OR_UNTIL = /^\s+(?:ago|earlier|later|before|after|beforehand|afterwards)\b/i;

/**
 * "PORT CARROW, March 15 (Northline) - ", "MAE SAI, Thailand, July 10, 2018 (AFP) : ", "CHIANG
 * RAI: ", "DAMASCUS • ": a wire dateline, whose date is the filing's, not a fact's.
 */
const DATELINE = /^\p{Lu}[\p{Lu}.'’-]+(?: [\p{Lu}.'’-]+)*(?:,\s[^-–—:•]{0,50}?)?\s?[-–—:•]\s/u;

/** The length of the wire dateline the sentence starts with, 0 when none. */
export const datelineLength = (sentence: string): number => DATELINE.exec(sentence)?.[0].length ?? 0;

/**
 * The ages of a group: "aged from 11 to 16", "aged between about 11 and 17", "ages 11-16". Its
 * youngest and its oldest are two values: "11 to 16" and "11 to 17" agree on the youngest and
 * differ on the oldest (as a range of uncertainty they would overlap, and seem to agree).
 */
const GROUP_AGES = new RegExp(
  String.raw`\b(?:aged|ages|ranging in age from)\s+(?:from\s+|between\s+)?(${HEDGE}?\d{1,3})\s*(?:to|and|-|–)\s*(\d{1,3})\b`,
  'giu',
);

/** Every value the sentence states, in order, none overlapping another; `nouns` merges what counts are of. */
export function findValues(sentence: string, nouns: NounTerms = NO_TERMS): FoundValue[] {
  const dateline = datelineLength(sentence);
  const taken: FoundValue[] = [{ kind: 'date', text: '', start: 0, end: dateline }];
  const free = (start: number, end: number) => taken.every((v) => end <= v.start || start >= v.end);
  for (const match of sentence.matchAll(GROUP_AGES)) {
    const youngestAt = match.index! + match[0].indexOf(match[1]!);
    const oldestAt = match.index! + match[0].lastIndexOf(match[2]!);
    if (!free(match.index!, match.index! + match[0].length)) continue;
    taken.push({ kind: 'age', of: 'youngest', text: match[1]!, start: youngestAt, end: youngestAt + match[1]!.length });
    taken.push({ kind: 'age', of: 'oldest', text: match[2]!, start: oldestAt, end: oldestAt + match[2]!.length });
  }
  for (const { kind, regex } of PATTERNS) {
    regex.lastIndex = 0;
    for (const match of sentence.matchAll(regex)) {
      const start = match.index!;
      let end = start + match[0].trimEnd().length;
      // "Friday evening (March 14)": the closing bracket belongs to the value.
      if (sentence[end] === ')' && match[0].includes('(') && !match[0].includes(')')) end += 1;
      if (match[0].trim() === '' || !free(start, end)) continue;
      let of: string | undefined;
      if (kind === 'count') {
        const figure = match[0].replace(new RegExp(`^${HEDGE}`, 'i'), '');
        if (NOT_A_COUNT.test(figure.trim())) continue;
        const noun = countedNoun(sentence, end, nouns);
        if (noun === null) continue;
        of = noun.of;
        end = noun.end;
        if (!free(start, end)) continue;
      }
      const value: FoundValue = { kind, text: sentence.slice(start, end), start, end };
      if (of !== undefined) value.of = of;
      if (
        kind === 'duration' &&
        SINCE_OR_UNTIL.test(sentence.slice(end)) &&
        !/\bfor\s+$/i.test(sentence.slice(0, start))
      )
        value.sinceOrUntil = true;
      taken.push(value);
    }
  }
  return taken.filter((v) => v.text !== '').sort((a, b) => a.start - b.start);
}
