// The values a highlighted passage itself states, of the kinds its fact's outlets give, so that the
// chart sets "This page" beside them on a page of any outlet. Each is read with the outlets' own
// value finder and reader (quantities/find-values, read-value) from the passage's words as they stand.
//
// Only what the passage states, of the chart's kind; nothing guessed. A figure is taken for a kind
// when its own words say which: a unit ("seven kilometers", "four-month"), a month ("October 12"),
// a clock ("10 a.m."), a currency, "-year-old"; a count when what it counts is named as the pack's
// outlets name that count ("250 terrorists" where an outlet's "hundreds of ... terrorists" are its
// fighters; "3,500 family members"), or as people in general ("4000 ISIS members" for a count of
// people). A figure whose words fit no kind the fact's outlets give, or more than one, is left out;
// so are figures of a kind the fact holds twice ("the convoy" and "the cave" distances) and
// figures of one kind that contradict each other in the passage.
import type { LoadedClaim, LoadedDatabase } from '../database/load';
import { readFigureAt } from '../quantities/figures';
import { findValues, type FoundKind } from '../quantities/find-values';
import { hedgeEndingAt, hedgeStartingAt } from '../quantities/hedges';
import { readValue } from '../quantities/read-value';
import type { FigureValue, ValueSpec } from '../quantities/types';
import { isDash, isDigits, tokenSpans, type TokenSpans } from '../quantities/value-tokens';
import { measureOfKind, type ValueKind } from '../quantities/kinds';
import { lexiconOf } from '../database/combine';
import { stem } from '../terms/stem';

/** A value the passage states, and where its words are in the passage. */
export interface PassageValue {
  value: FigureValue;
  start: number;
  end: number;
}

/** A kind of figure the fact's outlets give: what a passage's figure may be read as. */
interface Slot {
  kind: ValueKind;
  of: string | null;
  currency: string | null;
}

/** A figure found in a text, before it is given a kind. */
interface Found {
  /** What its own words make it; a count until its counted words are matched. */
  kind: FoundKind;
  /** Which of its kind the finder says it is ("youngest" of a group's ages), null when it does not. */
  of: string | null;
  /** Offsets of its words in the text: the hedge, the figure, its unit, for a count what it counts. */
  start: number;
  end: number;
  /** For a count, what it counts, as a key of canonical words ("family member"); null when nothing is named. */
  counted: string | null;
}

/**
 * The values `passage` states of the kinds the claim's outlets give (or the parts of a total they
 * give), each read by the value reader as the pack's values are. Empty when it states none.
 */
export function readPassageValues(db: LoadedDatabase, claim: LoadedClaim, passage: string): PassageValue[] {
  const slots = claimSlots(claim);
  if (slots.length === 0) return [];
  const found = findFigures(passage, db);
  const vocabulary = packVocabulary(db, claim.pack);
  const byKind = new Map<string, PassageValue[]>();
  for (const figure of found) {
    const slot = slotFor(figure, slots, vocabulary);
    if (slot === null) continue;
    const spec: ValueSpec = {
      kind: slot.kind,
      of: slot.of ?? undefined,
      text: passage.slice(figure.start, figure.end),
      currency: slot.currency ?? undefined,
    };
    let value;
    try {
      value = readValue(spec, { storyDate: claim.packRecord.date });
    } catch {
      continue; // Words the reader cannot read as this kind are not the passage stating it.
    }
    if (value.type !== 'figure' || (slot.currency !== null && value.currency !== slot.currency)) continue;
    const key = slotKey(slot);
    byKind.set(key, [...(byKind.get(key) ?? []), { value, start: figure.start, end: figure.end }]);
  }
  // A total is never listed beside its own parts: in "almost 50 trucks, 13 buses and more than 100
  // of ISIS vehicles" the vehicles are some of them, not all (the passage names them loosely).
  for (const total of claim.packRecord.totals) {
    const key = slotKey({ kind: 'count', of: total.of, currency: null });
    if (byKind.has(key) && total.parts.some((part) => byKind.has(slotKey({ kind: 'count', of: part, currency: null }))))
      byKind.delete(key);
  }
  // A kind told apart only by its unit (a distance, a date) is the fact's only if the passage's
  // figures of it agree with one another: two that do not are two different things.
  const values: PassageValue[] = [];
  for (const list of byKind.values()) {
    const { kind } = list[0]!.value;
    if (kind !== 'count' && !list.every((a) => list.every((b) => overlaps(a.value, b.value)))) continue;
    values.push(...list);
  }
  return values.sort((a, b) => a.start - b.start);
}

/** Whether two figures can be one: their ranges meet, give or take a conversion's rounding ("6km (3.7 miles)"). */
const overlaps = (a: FigureValue, b: FigureValue): boolean =>
  a.range.low <= b.range.high * 1.05 && b.range.low <= a.range.high * 1.05;
const slotKey = (slot: Slot): string => `${slot.kind}\u0000${slot.of ?? ''}\u0000${slot.currency ?? ''}`;

/** The figure kinds the claim's outlets give, and the parts of the totals among them. */
function claimSlots(claim: LoadedClaim): Slot[] {
  const slots = new Map<string, Slot>();
  const add = (slot: Slot) => {
    if (measureOfKind(slot.kind) !== 'words') slots.set(slotKey(slot), slot);
  };
  for (const report of claim.reports)
    for (const { value } of report.values)
      add({ kind: value.kind, of: value.of, currency: value.type === 'figure' ? value.currency : null });
  for (const kind of claim.comparison.kinds) add({ kind: kind.kind, of: kind.of, currency: kind.currency });
  // "about 250 terrorists ... along with 3,500 family members": the total of people an outlet gives is the sum of these parts.
  for (const total of claim.packRecord.totals) {
    if (!slots.has(slotKey({ kind: 'count', of: total.of, currency: null }))) continue;
    for (const part of total.parts) add({ kind: 'count', of: part, currency: null });
  }
  return [...slots.values()];
}

/** Words that count people in general: a count of them is the fact's count of people. */
const PEOPLE_WORDS = new Set(['people', 'persons', 'individuals', 'members'].map(stem));
const PEOPLE_SLOTS = new Set(['people', 'person', 'persons']);
/** Families joined to people ("... members and their relatives") are people too. */
const FAMILY = 'family';

/** The slot a found figure is of, or null when its words fit none of them, or more than one. */
function slotFor(figure: Found, slots: readonly Slot[], vocabulary: Vocabulary): Slot | null {
  if (figure.kind !== 'count') {
    const kind: ValueKind = figure.kind;
    const same = slots.filter((s) => s.kind === kind && (figure.of === null || s.of === figure.of));
    return same.length === 1 ? same[0]! : null;
  }
  if (figure.counted === null) return null;
  const counts = slots.filter((s) => s.kind === 'count' && s.of !== null);
  const named = counts
    .map((slot) => ({ slot, times: vocabulary.get(slot.of!)?.get(figure.counted!) ?? 0 }))
    .filter((c) => c.times > 0)
    .sort((a, b) => b.times - a.times);
  if (named.length > 0) return named.length === 1 || named[0]!.times > named[1]!.times ? named[0]!.slot : null;
  // "4000 ISIS members", "4000 ISIS members and their relatives": people, counted in general words.
  const joined = figure.counted.split('+');
  if (joined.some((k) => PEOPLE_WORDS.has(k)) && joined.every((k) => PEOPLE_WORDS.has(k) || k === FAMILY))
    return counts.find((s) => PEOPLE_SLOTS.has(s.of!)) ?? null;
  return null;
}

/** For each thing a pack counts (`of`), the ways its outlets name it, as keys of canonical words, and how often. */
type Vocabulary = Map<string, Map<string, number>>;

const vocabularies = new WeakMap<LoadedDatabase, Map<string, Vocabulary>>();

/**
 * How a pack's outlets name what they count: the words after each count's figure in its quote
 * ("hundreds of Islamic State (ISIS) terrorists" is a count of fighters), read as a passage's are,
 * and the pack's own name for it ("family-members").
 */
export function packVocabulary(db: LoadedDatabase, pack: string): Vocabulary {
  let byPack = vocabularies.get(db);
  if (byPack === undefined) vocabularies.set(db, (byPack = new Map()));
  let vocabulary = byPack.get(pack);
  if (vocabulary !== undefined) return vocabulary;
  vocabulary = new Map();
  const record = (of: string, key: string) => {
    const keys = vocabulary!.get(of) ?? new Map<string, number>();
    keys.set(key, (keys.get(key) ?? 0) + 1);
    vocabulary!.set(of, keys);
  };
  for (const claim of db.claims) {
    if (claim.pack !== pack) continue;
    for (const report of claim.reports) {
      const counts = report.values.filter((v) => v.value.kind === 'count' && v.value.of !== null);
      if (counts.length === 0) continue;
      const reader = countReader(report.quote, db);
      for (const v of counts) {
        record(v.value.of!, canonicalKey(v.value.of!.split('-'), db));
        // The pack says where the figure is: what follows it names what it counts.
        const counted = reader(v.start, v.end);
        if (counted !== null) record(v.value.of!, counted.key);
      }
    }
  }
  byPack.set(pack, vocabulary);
  return vocabulary;
}

/** A word as the comparison of counted things reads it: a synonym's term ("lorries" → truck), else its stem. */
function canonical(word: string, db: LoadedDatabase): string {
  return lexiconOf(db.combined).wordTerm(word) ?? stem(word);
}

/** A noun phrase's words as one key, order aside: "family members" and "members of their families" are one. */
function canonicalKey(words: readonly string[], db: LoadedDatabase): string {
  return [...new Set(words.filter((w) => !FUNCTION_WORDS.has(w)).map((w) => canonical(w, db)))].sort().join(' ');
}

/** Noun phrases joined by "and", as one key: "ISIS militants and their families" is "family+fighter". */
function conjunctsKey(conjuncts: readonly (readonly string[])[], db: LoadedDatabase): string {
  return [...new Set(conjuncts.map((words) => canonicalKey(words, db)))].sort().join('+');
}

/** Words inside a noun phrase that name nothing counted. */
const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'their',
  'its',
  'his',
  'her',
  'our',
  'your',
  'my',
  'these',
  'those',
  'a',
  'an',
  'and',
]);
/** Words that end the phrase naming what is counted (verbs, prepositions, conjunctions). */
const PHRASE_END = new Set([
  'were',
  'was',
  'are',
  'is',
  'be',
  'been',
  'had',
  'have',
  'has',
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
  'out',
  'while',
  'but',
  'would',
  'could',
  'will',
  'may',
  'might',
  'left',
  'took',
  'said',
  'says',
  'told',
  'aged',
  'ages',
  'after',
  'before',
  'during',
  'since',
  'until',
  'than',
  'like',
  'such',
  'per',
  'via',
]);
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
]);
const looksPlural = (word: string) => PLURAL_WORDS.has(word) || (/[^s]s$/.test(word) && word.length > 3);
/** Punctuation between two words that ends a phrase (an apostrophe, a bracket or a hyphen does not). */
const PHRASE_BREAK = /[,;:.!?"“”—–]/;
/**
 * Every figure `text` states, with the kind its words give it: found by the core's value finder
 * (quantities/find-values, as pack:build finds an outlet's), a count's counted words then read in
 * full here, joined nouns included ("4000 ISIS members and their relatives"), since the finder
 * keeps only the head noun ("member" for "3,500 family members" as for "4000 ISIS members").
 */
function findFigures(text: string, db: LoadedDatabase): Found[] {
  const counted = countReader(text, db);
  const found: Found[] = [];
  for (const value of findValues(text, lexiconOf(db.combined))) {
    // "two years ago" says when, not how long.
    if (value.sinceOrUntil) continue;
    if (value.kind !== 'count') {
      found.push({ kind: value.kind, of: value.of ?? null, start: value.start, end: value.end, counted: null });
      continue;
    }
    const words = counted(value.start);
    if (words === null) continue;
    found.push({
      kind: 'count',
      of: null,
      start: value.start,
      end: Math.max(value.end, words.end),
      counted: words.key,
    });
  }
  return found;
}

/** Reads what the first figure from an offset of `text` (and before another, when given) counts (see countedWords). */
function countReader(
  text: string,
  db: LoadedDatabase,
): (from: number, to?: number) => { key: string; end: number } | null {
  const spans = tokenSpans(text);
  const { tokens, starts, ends } = spans;
  const written = (k: number) => text.slice(starts[k], ends[k]);
  // A headline in title case capitalises every word: there a capital does not make a name.
  const longWords = tokens.flatMap((t, k) => (/^[a-z]{4,}$/.test(t) ? [k] : []));
  const titleCase =
    longWords.length >= 3 && longWords.filter((k) => /^\p{Lu}/u.test(written(k))).length / longWords.length > 0.6;
  const isName = (k: number) => !titleCase && /^\p{Lu}/u.test(written(k));
  return (from, to = text.length) => {
    const first = starts.findIndex((s, k) => s >= from && readFigureAt(tokens, k) !== null);
    if (first < 0 || starts[first]! >= to) return null;
    // Past the figure and any hedge after it ("4,000 or so"): where its counted words begin.
    const figureEnd = readFigureAt(tokens, first)!.end;
    return countedWords(spans, text, hedgeStartingAt(tokens, figureEnd)?.end ?? figureEnd, isName, db);
  };
}

/**
 * What the figure ending before token `at` counts: the words up to and including its noun
 * ("ISIS members", "family members", "of Islamic State (ISIS) terrorists", "members of their
 * families"), and the nouns joined to it by "and" ("ISIS militants and their families"), names,
 * possessors and function words left out; null when no plural noun follows within a few words.
 * The key keeps the joined nouns apart: "members and their relatives" is not "family members".
 */
function countedWords(
  spans: TokenSpans,
  text: string,
  at: number,
  isName: (k: number) => boolean,
  db: LoadedDatabase,
): { key: string; last: number; end: number } | null {
  const { tokens, starts, ends } = spans;
  /** Each noun phrase joined by "and", its words; the last is the one being read. */
  const conjuncts: string[][] = [[]];
  /** How many conjuncts end in their noun, and the token of the last such noun. */
  let complete = 0;
  let last = -1;
  // Before the noun, and after "of" or "and", words still belong to the phrase.
  let open = true;
  for (let k = at; k < tokens.length && k < at + 12; k++) {
    const token = tokens[k]!;
    const between = text.slice(ends[k - 1] ?? 0, starts[k]).replace(/['’]/g, '');
    // Another figure ("... buses and an estimated one hundred other vehicles") starts another phrase.
    if (
      PHRASE_BREAK.test(between) ||
      isDigits(token) ||
      readFigureAt(tokens, k) !== null ||
      hedgeEndingAt(tokens, k + 1) !== null
    )
      break;
    if (isDash(token)) continue;
    if (token === 'of') {
      open = true;
      continue;
    }
    if (token === 'and' && complete === conjuncts.length) {
      conjuncts.push([]);
      open = true;
      continue;
    }
    if (FUNCTION_WORDS.has(token)) continue;
    // A name ("IS", "Islamic State", "ISIS'") says whose, not what.
    if (isName(k)) continue;
    // "the Islamic State group's own vehicles": the possessor says whose, not what.
    if (tokens[k + 1] === 's' && /^['’]$/.test(text.slice(ends[k], starts[k + 1]))) {
      k += 1;
      continue;
    }
    if (PHRASE_END.has(token) || !open) break;
    // "heavily-armed": the adverb of a compound says nothing of what is counted.
    if (/ly$/.test(token) && isDash(tokens[k + 1])) continue;
    conjuncts.at(-1)!.push(token);
    if (looksPlural(token)) {
      complete = conjuncts.length;
      open = false;
      last = k;
    }
  }
  if (complete === 0) return null;
  const named = conjuncts.slice(0, complete);
  // The last conjunct's words after its noun are not part of it.
  const final = named.at(-1)!;
  named[named.length - 1] = final.slice(0, final.lastIndexOf(tokens[last]!) + 1);
  return { key: conjunctsKey(named, db), last, end: ends[last]! };
}
