// The values a highlighted passage itself states, of the kinds its fact's outlets give, so that the
// chart sets "This page" beside them on a page of any outlet. Each is read with the outlets' own
// value reader (quantities/read-value) from the passage's words as they stand.
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
import { monthNumber } from '../english/months';
import { readFigureAt } from '../quantities/figures';
import { hedgeEndingAt, hedgeStartingAt } from '../quantities/hedges';
import { readValue } from '../quantities/read-value';
import type { FigureValue, ValueSpec } from '../quantities/types';
import { nauticalMile, NAUTICAL, unitForWord } from '../quantities/units';
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
  kind: 'count' | 'distance' | 'duration' | 'age' | 'date' | 'time-of-day' | 'money';
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
    const spec: ValueSpec = { kind: slot.kind, of: slot.of ?? undefined, text: passage.slice(figure.start, figure.end), currency: slot.currency ?? undefined };
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
    if (byKind.has(key) && total.parts.some((part) => byKind.has(slotKey({ kind: 'count', of: part, currency: null })))) byKind.delete(key);
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
const overlaps = (a: FigureValue, b: FigureValue): boolean => a.range.low <= b.range.high * 1.05 && b.range.low <= a.range.high * 1.05;
const slotKey = (slot: Slot): string => `${slot.kind}\u0000${slot.of ?? ''}\u0000${slot.currency ?? ''}`;

/** The figure kinds the claim's outlets give, and the parts of the totals among them. */
function claimSlots(claim: LoadedClaim): Slot[] {
  const slots = new Map<string, Slot>();
  const add = (slot: Slot) => {
    if (measureOfKind(slot.kind) !== 'words') slots.set(slotKey(slot), slot);
  };
  for (const report of claim.reports) for (const { value } of report.values) add({ kind: value.kind, of: value.of, currency: value.type === 'figure' ? value.currency : null });
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
    const same = slots.filter((s) => s.kind === kind);
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
  if (joined.some((k) => PEOPLE_WORDS.has(k)) && joined.every((k) => PEOPLE_WORDS.has(k) || k === FAMILY)) return counts.find((s) => PEOPLE_SLOTS.has(s.of!)) ?? null;
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
      const found = findFigures(report.quote, db).filter((f) => f.kind === 'count' && f.counted !== null);
      for (const v of counts) {
        record(v.value.of!, canonicalKey(v.value.of!.split('-'), db));
        const at = found.find((f) => f.start < v.end && v.start < f.end);
        if (at) record(v.value.of!, at.counted!);
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
const FUNCTION_WORDS = new Set(['of', 'the', 'their', 'its', 'his', 'her', 'our', 'your', 'my', 'these', 'those', 'a', 'an', 'and']);
/** Words that end the phrase naming what is counted (verbs, prepositions, conjunctions). */
const PHRASE_END = new Set([
  'were', 'was', 'are', 'is', 'be', 'been', 'had', 'have', 'has', 'or', 'in', 'on', 'at', 'to', 'from', 'with', 'who', 'that',
  'which', 'including', 'as', 'by', 'for', 'into', 'out', 'while', 'but', 'would', 'could', 'will', 'may', 'might', 'left', 'took',
  'said', 'says', 'told', 'aged', 'ages', 'after', 'before', 'during', 'since', 'until', 'than', 'like', 'such', 'per', 'via',
]);
/** Plurals without an "s", and nouns that count people as a body. */
const PLURAL_WORDS = new Set(['people', 'crew', 'staff', 'children', 'men', 'women', 'police', 'personnel', 'cattle', 'sheep', 'aircraft']);
const looksPlural = (word: string) => PLURAL_WORDS.has(word) || (/[^s]s$/.test(word) && word.length > 3);
/** Figures that are almost never a count of anything: "one" (one driver said), a lone "a". */
const NOT_A_COUNT = new Set(['one', 'a', 'an']);
/** Words after a duration that make it a point in time ("two years ago"), not how long something lasted. */
const SINCE_OR_UNTIL = new Set(['ago', 'earlier', 'later', 'before', 'after', 'beforehand', 'afterwards']);
const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);
const RANGE_CONNECTORS = new Set(['to', 'or']);
/** Punctuation between two words that ends a phrase (an apostrophe, a bracket or a hyphen does not). */
const PHRASE_BREAK = /[,;:.!?"“”—–]/;
/** "MAE SAI, Thailand, July 10, 2018 (AFP) : ", "PORT CARROW, March 15 (Northline) - ": a dateline's date is the filing's, not a fact's. */
const DATELINE = /^\p{Lu}[\p{Lu}.'’-]+(?: [\p{Lu}.'’-]+)*(?:,\s[^-–—:•]{0,50}?)?\s?[-–—:•]\s/u;
const CURRENCY_SIGN = /(?:US)?[$€£¥]\s?$/;
const CURRENCY_WORDS = new Set(['euro', 'euros', 'dollar', 'dollars', 'pound', 'pounds', 'yen']);
const MONEY_SCALES = new Set(['million', 'billion', 'm', 'bn', 'k']);
const TIME = /\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?\s?m\b\.?|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b/gi;

/** Every figure `text` states, none overlapping another, with the kind its words give it. */
function findFigures(text: string, db: LoadedDatabase): Found[] {
  const spans = tokenSpans(text);
  const { tokens, starts, ends } = spans;
  const written = (k: number) => text.slice(starts[k], ends[k]);
  const gap = (k: number) => text.slice(ends[k - 1] ?? 0, starts[k]);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const found: Found[] = [];
  const take = (kind: Found['kind'], first: number, last: number, counted: string | null = null, end = ends[last]!) => {
    for (let k = first; k <= last; k++) taken[k] = true;
    found.push({ kind, start: starts[first]!, end, counted });
  };
  const hedged = (first: number) => hedgeEndingAt(tokens, first)?.start ?? first;
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  // A headline in title case capitalises every word: there a capital does not make a name.
  const longWords = tokens.flatMap((t, k) => (/^[a-z]{4,}$/.test(t) ? [k] : []));
  const titleCase = longWords.length >= 3 && longWords.filter((k) => /^\p{Lu}/u.test(written(k))).length / longWords.length > 0.6;
  const isName = (k: number) => !titleCase && /^\p{Lu}/u.test(written(k));

  // Times of day: "10 a.m.", "19:41", "noon".
  for (const match of text.matchAll(TIME)) {
    const first = starts.findIndex((s) => s >= match.index);
    const last = ends.findLastIndex((e) => e <= match.index + match[0].length);
    if (first < 0 || last < first || taken[first]) continue;
    const from = hedged(first);
    found.push({ kind: 'time-of-day', start: starts[from]!, end: match.index + match[0].trimEnd().length, counted: null });
    for (let k = from; k <= last; k++) taken[k] = true;
  }
  // Dates: a month and its day ("October 12", "12 October 2017", "Oct. 12"), not a dateline's.
  for (let k = 0; k < tokens.length; k++) {
    if (taken[k] || monthNumber(tokens[k]!) === undefined || !/^\p{Lu}/u.test(written(k)) || starts[k]! < dateline) continue;
    const isDay = (i: number) => /^\d{1,2}$/.test(tokens[i] ?? '') && Number(tokens[i]) >= 1 && Number(tokens[i]) <= 31 && !taken[i];
    let first = k;
    let last = k;
    if (isDay(k + 1) && /^\.?\s$/.test(gap(k + 1))) last = k + 1;
    else if (isDay(k - 1) && /^\s$/.test(gap(k))) first = k - 1;
    else continue;
    if (ORDINAL_ENDINGS.has(tokens[last + 1] ?? '') && gap(last + 1) === '') last += 1;
    if (/^\d{4}$/.test(tokens[last + 1] ?? '') && /^,?\s$/.test(gap(last + 1))) last += 1;
    take('date', hedged(first), last);
  }
  for (let k = 0; k < tokens.length; k++) {
    if (taken[k]) continue;
    const figure = readFigureAt(tokens, k);
    if (figure === null) continue;
    // "the 12th boy", "ISIS 2.0": not a figure of anything.
    if (ORDINAL_ENDINGS.has(tokens[figure.end] ?? '') && gap(figure.end) === '') continue;
    const first = hedged(k);
    let end = figure.end;
    let unit = unitAt(tokens, end);
    if (unit) end += unit.width;
    // "six to seven kilometres", "6km to 7km", "six or seven"; "aged between 11 and 16".
    const ages = /^(?:aged|ages)$/.test(tokens[first - 1] ?? '') || (/^(?:between|from)$/.test(tokens[first - 1] ?? '') && /^(?:aged|ages)$/.test(tokens[first - 2] ?? ''));
    const connector = tokens[end];
    if (connector !== undefined && (RANGE_CONNECTORS.has(connector) || isDash(connector) || (ages && connector === 'and'))) {
      const second = readFigureAt(tokens, end + 1);
      if (second) {
        end = second.end;
        const secondUnit = unitAt(tokens, end);
        if (secondUnit) {
          unit = secondUnit;
          end += secondUnit.width;
        }
      }
    }
    const trailing = hedgeStartingAt(tokens, end);
    const last = (trailing ? trailing.end : end) - 1;
    const figureWords = tokens.slice(k, figure.end).join(' ');
    if (unit !== null) {
      if (unit.dimension === 'distance') {
        take('distance', first, last);
      } else if (isDash(tokens[end]) && tokens[end + 1] === 'old') {
        take('age', first, end + 1);
      } else if (!SINCE_OR_UNTIL.has(tokens[end] ?? '') || tokens[first - 1] === 'for') {
        take('duration', first, last);
      }
      continue;
    }
    if (ages) {
      take('age', first, last);
      continue;
    }
    // A sum of money: a currency sign before the figure, or a currency word after it (and its scale).
    const scaled = MONEY_SCALES.has(tokens[end] ?? '') ? end + 1 : end;
    const sign = CURRENCY_SIGN.exec(gap(k))?.[0].length ?? 0;
    if (sign > 0 || CURRENCY_WORDS.has(tokens[scaled] ?? '')) {
      const lastMoney = CURRENCY_WORDS.has(tokens[scaled] ?? '') ? scaled : scaled - 1;
      for (let i = first; i <= lastMoney; i++) taken[i] = true;
      found.push({ kind: 'money', start: Math.min(starts[first]!, starts[k]! - sign), end: ends[lastMoney]!, counted: null });
      continue;
    }
    if (NOT_A_COUNT.has(figureWords) || (/^(?:1[89]|20)\d\d$/.test(figureWords) && !figure.vague)) continue;
    const counted = countedWords(spans, text, last + 1, isName, db);
    if (counted === null) continue;
    take('count', first, counted.last, counted.key, counted.end);
  }
  return found.sort((a, b) => a.start - b.start);
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
    if (PHRASE_BREAK.test(between) || isDigits(token) || readFigureAt(tokens, k) !== null || hedgeEndingAt(tokens, k + 1) !== null) break;
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

/** The unit right after a figure: "6 km", "six nautical miles", or hyphenated as in "four-mile". */
function unitAt(tokens: readonly string[], index: number): { dimension: string; width: number } | null {
  const hyphenated = isDash(tokens[index]);
  const at = hyphenated ? index + 1 : index;
  const token = tokens[at];
  if (token === undefined) return null;
  if (token === NAUTICAL) {
    const info = nauticalMile(tokens[at + 1]);
    return info && { dimension: info.dimension, width: (hyphenated ? 1 : 0) + 2 };
  }
  const info = unitForWord(token);
  return info && { dimension: info.dimension, width: hyphenated ? 2 : 1 };
}
