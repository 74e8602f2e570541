// Splitting a sentence into the facts it states. News sentences pack several facts into one ("…
// has saved all 12 boys and their soccer coach …, ending a grueling 18-day ordeal that claimed the
// life of an experienced volunteer diver and riveted people around the world"), and another outlet
// states each of them in a sentence of its own. So the sentence is cut into its parts where English
// marks a new clause or an aside, and each run of neighbouring parts is a span that may state one
// fact, quoted verbatim; the alignment picks, per outlet, the span that states the fact best.
// English prose only, nothing about any story; quotations and brackets are never cut.

import { quotedStretches, type Span } from '../../core/quantities/quotations';

export type { Span };

/** Words that join two clauses after a comma; the connective starts no part ("…, and it said" → "it said"). */
const COMMA_CONNECTIVES =
  'and|but|while|whereas|as|after|before|which|who|whom|where|when|although|though|with|until|because|since|so|then|yet|plus|even as|only for';
/** Subordinators that open a clause without a comma ("… trapped them when heavy rains caused flooding"). */
const SUBORDINATORS = 'when|while|whereas|although|though|because|as';
/** Words that open a clause or a phrase ("after they got trapped", "after football practice"): a clause when a verb follows soon. */
const CLAUSE_OR_PHRASE = 'until|after|before|since';
/** How soon the verb of a clause opened by CLAUSE_OR_PHRASE follows it. */
const VERB_REACH = 5;
/** After "as", words that make it a comparison or a fixed phrase, not a clause: "as well", "as many as". */
const AS_NOT_A_CLAUSE = new Set([
  'well',
  'many',
  'much',
  'long',
  'soon',
  'far',
  'part',
  'if',
  'though',
  'of',
  'to',
  'for',
  'such',
  'a',
  'an',
  'one',
  'usual',
  'expected',
  'planned',
  'before',
  'yet',
  'recently',
  'early',
  'late',
  'little',
  'few',
  'good',
  'high',
  'low',
]);

/**
 * Verbs news prose opens a second clause with after "and" or "that" ("and riveted people around
 * the world", "and got caught", "that claimed the life of …"): past forms, and the commonest
 * irregular and auxiliary verbs. A noun after "and" ("and their coach") starts no clause.
 */
const IRREGULAR_VERBS = new Set(
  (
    'is are was were has have had got gets get cut cuts left leaves took takes made makes came comes went goes found finds began begins ' +
    'said says told tells dies gave gives became becomes kept keeps led leads ran runs saw sees spent brought brings caught held holds ' +
    'rose fell put set sent shut hit won lost paid knew thought stood sat met let wrote spoke broke chose drove flew grew threw ' +
    'will would could can cannot may might must should did does remain remains lay lies bore swam dove dived fought sought struck'
  ).split(' '),
);
const isVerbLike = (word: string): boolean =>
  IRREGULAR_VERBS.has(word) ||
  /^\p{Ll}+n[’']t$/u.test(word) ||
  (/^\p{Ll}{2,}ed$/u.test(word) && !/(?:eed|need)$/.test(word));

/**
 * Whether a span states something rather than names it: it has a verb ("has captivated the
 * world", "aged from 11 to 16", "ending a grueling 18-day ordeal"). "Members of the Wild Boars
 * football team" or "On Sunday, the rescue mission" state no fact on their own.
 */
export function hasVerb(text: string): boolean {
  return (text.match(/\p{L}+(?:[’']\p{L}+)?/gu) ?? []).some((w) => isVerbLike(w) || /^\p{Ll}{3,}ing$/u.test(w));
}

/** Verbs of saying: a short span ending in one ("Chiang Rai Gov. Narongsak Osatanakorn said.") credits, it states nothing. */
const CREDIT_ONLY =
  /^[^,;:]{0,80}\b(?:said|says|told \S+|added|adds|wrote|writes|announced|reported|confirmed|stated)[.!?]?["”’']?$/u;
/** Words in a span that only credits a source. */
const CREDIT_MAX_WORDS = 8;

/** Whether a span is only a credit: whom the sentence's fact is from, not the fact. */
export function isCreditOnly(text: string): boolean {
  return wordsIn(text) <= CREDIT_MAX_WORDS && CREDIT_ONLY.test(text.trim());
}

/** A part needs this many words to be quoted on its own; shorter ones ("On 23 June") only with a neighbour. */
const MIN_SPAN_WORDS = 4;
/** A sentence shorter than this is one fact: it is not divided. */
const MIN_DIVIDED_WORDS = 9;
/** Spans are runs of at most this many neighbouring parts. */
const MAX_RUN = 3;
/** A sentence is cut into at most this many parts (the cuts at the strongest marks are kept first). */
const MAX_PARTS = 8;

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

interface Cut {
  /** Where the part before it ends, and where the next part starts (after a dropped connective). */
  end: number;
  start: number;
  /** How clearly the mark opens a new clause: 2 punctuation or a connective, 1 a plain comma. */
  strength: number;
}

/** The parts of a sentence, in order, between the marks that open a new clause or aside. */
export function sentenceParts(text: string): Span[] {
  if (wordsIn(text) < MIN_DIVIDED_WORDS) return [{ start: 0, end: text.length }];
  const protectedSpans = protectedStretches(text);
  const inside = (at: number) => protectedSpans.some((p) => at > p.start && at < p.end);
  const cuts: Cut[] = [];
  const add = (end: number, start: number, strength: number) => {
    if (!inside(end) && !cuts.some((c) => c.end === end)) cuts.push({ end, start, strength });
  };
  // Punctuation: "; ", a spaced dash, a colon.
  for (const m of text.matchAll(/;\s+|\s+[–—-]\s+|\s?:\s+(?!\d)/gu)) add(m.index!, m.index! + m[0].length, 2);
  // ", and it …", ", which …", ", ending …" (a participle keeps its word).
  for (const m of text.matchAll(new RegExp(`,\\s+(?:(?:${COMMA_CONNECTIVES})\\s+|(?=\\p{Ll}+ing\\b))`, 'gu'))) {
    const at = m.index!;
    // ", and" closing a list ("American, British, and local forces") joins items, not clauses.
    const sincePreviousComma = text.slice(text.lastIndexOf(',', at - 1) + 1, at);
    if (/^,\s+and\s/.test(m[0]) && text.lastIndexOf(',', at - 1) >= 0 && wordsIn(sincePreviousComma) < 3) continue;
    add(at, at + m[0].length, 2);
  }
  // Without a comma: "… and riveted people", "… ordeal that claimed …", "… situation as most of the boys …".
  for (const m of text.matchAll(/\s+(and|but|that|who|which)\s+(\p{Ll}+)/gu)) {
    if (isVerbLike(m[2]!)) add(m.index!, m.index! + m[0].length - m[2]!.length, 2);
  }
  for (const m of text.matchAll(new RegExp(`\\s+(${SUBORDINATORS})\\s+(\\p{L}+)`, 'gu'))) {
    if (m[1] === 'as' && AS_NOT_A_CLAUSE.has(m[2]!.toLowerCase())) continue;
    add(m.index!, m.index! + m[0].length - m[2]!.length, 2);
  }
  for (const m of text.matchAll(new RegExp(`\\s+(?:${CLAUSE_OR_PHRASE})\\s+`, 'gu'))) {
    const next = text
      .slice(m.index! + m[0].length)
      .split(/\s+/)
      .slice(0, VERB_REACH);
    if (next.some((w) => isVerbLike(w.replace(/[^\p{L}’']/gu, '')))) add(m.index!, m.index! + m[0].length, 2);
  }
  // A plain comma: an aside ("The 12 boys, aged from 11 to 16, and their coach"), not a number's
  // or a date's, nor one after a list item of a word ("American, British, and local forces").
  for (const m of text.matchAll(/,\s+(?!\d)/g)) {
    const previousComma = text.lastIndexOf(',', m.index! - 1);
    if (wordsIn(text.slice(previousComma + 1, m.index!)) < 2) continue;
    add(m.index!, m.index! + m[0].length, 1);
  }

  cuts.sort((a, b) => a.end - b.end);
  // A cut right after another, or leaving a part of one word, cuts nothing worth having.
  const kept: Cut[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (wordsIn(text.slice(from, cut.end)) < 2 || cut.start >= text.length) continue;
    kept.push(cut);
    from = cut.start;
  }
  while (kept.length > 0 && wordsIn(text.slice(kept[kept.length - 1]!.start)) < 2) kept.pop();
  // Too many parts: keep the strong cuts, then plain commas, in reading order.
  let chosen = kept;
  if (chosen.length > MAX_PARTS - 1) {
    const strong = kept.filter((c) => c.strength >= 2);
    chosen =
      strong.length <= MAX_PARTS - 1
        ? [...strong, ...kept.filter((c) => c.strength < 2).slice(0, MAX_PARTS - 1 - strong.length)]
        : strong.slice(0, MAX_PARTS - 1);
    chosen.sort((a, b) => a.end - b.end);
  }
  const parts: Span[] = [];
  let start = 0;
  for (const cut of chosen) {
    parts.push(trimSpan(text, { start, end: cut.end }));
    start = cut.start;
  }
  parts.push(trimSpan(text, { start, end: text.length }));
  return parts.filter((p) => p.end > p.start);
}

/** A span of a sentence made of its parts `first` to `last` (sentenceParts' indices). */
export interface FactSpan extends Span {
  first: number;
  last: number;
}

/**
 * The spans of a sentence that may each state one fact: the whole sentence first, then every run
 * of up to three neighbouring parts long enough to quote and stating something, shortest first.
 */
export function factSpans(text: string): FactSpan[] {
  const parts = sentenceParts(text);
  const whole = { ...trimSpan(text, { start: 0, end: text.length }), first: 0, last: parts.length - 1 };
  const spans: FactSpan[] = [whole];
  const seen = new Set([`${whole.start}:${whole.end}`]);
  for (let length = 1; length <= MAX_RUN; length += 1) {
    for (let i = 0; i + length <= parts.length; i += 1) {
      const span = trimSpan(text, { start: parts[i]!.start, end: parts[i + length - 1]!.end });
      const key = `${span.start}:${span.end}`;
      const words = text.slice(span.start, span.end);
      if (seen.has(key) || wordsIn(words) < MIN_SPAN_WORDS || !hasVerb(words) || isCreditOnly(words)) continue;
      seen.add(key);
      spans.push({ ...span, first: i, last: i + length - 1 });
    }
  }
  return spans;
}

/** The stretches a cut never falls in: quotations (a quotation left open runs to the end) and brackets. */
export function protectedStretches(text: string): Span[] {
  const stretches = quotedStretches(text).map((q) => ({
    start: q.start,
    end: q.end - (q.end < text.length || /["”’']/.test(text.at(-1)!) ? 1 : 0),
  }));
  for (const m of text.matchAll(/\([^()]*\)?/g))
    stretches.push({ start: m.index!, end: m.index! + m[0].length - (m[0].endsWith(')') ? 1 : 0) });
  return stretches;
}

/** A span without surrounding spaces and commas. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:]/.test(text[start]!)) start += 1;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}
