// A claim's summary and id, for a reader who never sees a curator's review. The summary is the
// claim's most central sentence (or the part of it that states the fact) turned neutral: the
// outlet's credit, its dateline and the figures, titles, places or quoted words the outlets
// dispute left out, made to read as a sentence ("They had been stranded in the cave."); where what
// is disputed is a quotation, it says whose words they are ("What the SEALs said in a Facebook
// post."). The id is that summary's leading words, so a person reads the fact in it
// ("stranded-cave", "seals-said-facebook-post"). English prose only.
import { quotedStretches } from '../../core/quantities/quotations';
import { hasVerb } from './fact-spans';
import { slugify } from './slug';

export interface SummaryCandidate {
  /** The words stating the fact (an outlet's sentence or the part of it). */
  text: string;
  /** The sentence from its start to the end of those words: the part with its subject ("… has saved all 12 boys …, ending a grueling 18-day ordeal"). */
  fromSentenceStart: string;
  /** How well it fits the claim's other reports (higher is more central). */
  cohesion: number;
  /** Whom it credits, in its words, or null. */
  credit: string | null;
  /** The words of its values the outlets dispute ("17 days", "Gov.", a quotation). */
  disputed: readonly { kind: string; text: string }[];
}

/** A summary longer than this many words is a long sentence; a shorter candidate reads better. */
const LONG_SUMMARY_WORDS = 30;
/** A part of a sentence is summarised with the sentence's start (its subject) up to this many words. */
const MAX_WITH_START_WORDS = 40;
/** A claim id is at most this many words. */
const ID_WORDS = 5;

const PRONOUN_START = /^(?:they|it|he|she|we|i|you|this|these|those|there)\b/i;
const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Which candidate to summarise from: the most central that reads as a sentence of its own. */
export function chooseSummaryBase(candidates: readonly SummaryCandidate[]): SummaryCandidate {
  const penalty = (c: SummaryCandidate) =>
    (PRONOUN_START.test(c.text.trim()) ? 0.1 : 0) +
    (c.fromSentenceStart !== c.text ? 0.1 : 0) +
    (/^["“‘']/.test(c.text.trim()) ? 0.1 : 0) +
    (wordsIn(c.text) > LONG_SUMMARY_WORDS ? 0.1 : 0);
  return [...candidates].sort((a, b) => b.cohesion - penalty(b) - (a.cohesion - penalty(a)))[0]!;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The question a claim answers, for a summary left without a verb once the disputed figure is out. */
const QUESTION: Readonly<Record<string, (subject: string) => string>> = {
  age: (subject) => `How old ${subject} are`,
  count: (subject) => `How many ${subject.replace(/^the\s+/i, '')}`,
  duration: (subject) => `How long ${subject} lasted`,
  distance: (subject) => `How far ${subject} went`,
};

/** A group's ages, with the commas around it: ", aged between about 11 and 17,". */
const GROUP_AGES =
  /,?\s*\b(?:aged|ages|ranging in age from)\s+(?:from\s+|between\s+)?(?:about\s+|around\s+|nearly\s+)?\d{1,3}\s*(?:to|and|-|–)\s*\d{1,3}\b,?/giu;

/** Prepositions that lead to a figure: the phrase goes with them ("for 17 days", "on June 23", "at 19:41"). */
const LEADING_PREPOSITION = /(?:\b(?:for|after|over|in|within|on|at|by|to|until|from|aged|ages|of)\s+)$/i;
/** What stands for a disputed figure that a verb takes as its object ("it took more than an hour to …"). */
const STAND_IN: Readonly<Record<string, string>> = { duration: 'some time', distance: 'some distance', money: 'a sum' };

/** The text without one value's words (and the preposition that led to them). */
function withoutValue(text: string, value: { kind: string; text: string }): string {
  if (value.kind === 'count') {
    // "the last four boys" → "the last boys": the figure goes, what it counts stays.
    const noun = /\p{L}+[’']?\p{L}*$/u.exec(value.text)?.[0] ?? '';
    const figure = value.text.slice(0, value.text.length - noun.length).trim();
    if (figure === '') return text;
    return text.replace(new RegExp(`\\b${escape(figure)}\\s+(?:of\\s+)?(?=${escape(noun)})`), '');
  }
  const at = text.indexOf(value.text);
  if (at < 0) return text;
  const before = text.slice(0, at);
  const after = text.slice(at + value.text.length);
  const lead = LEADING_PREPOSITION.exec(before)?.[0];
  if (lead !== undefined) return `${before.slice(0, before.length - lead.length)}${after}`;
  // An adjective ("a grueling 18-day ordeal", "a 63-year-old man") goes alone.
  if (/^\s+\p{L}/u.test(after) && /-/.test(value.text)) return `${before}${after.replace(/^\s+/, ' ')}`;
  const standIn = STAND_IN[value.kind];
  return standIn === undefined ? `${before}${after}` : `${before}${standIn}${after}`;
}

/** Commas, spaces and brackets left over where words were taken out. */
function tidy(text: string): string {
  return text
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,(\s*,)+/g, ',')
    .replace(/,\s*([.;:!?])/g, '$1')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The credit left out: "…, the SEALs said.", "According to the BBC, …", "Officials said that …". */
function withoutCredit(text: string, credit: string): string {
  const c = escape(credit);
  const SAY = '(?:said|says|say|told [^,.]+|reported|reports|added|adds|announced|confirmed|wrote|writes|stated)';
  return text
    .replace(new RegExp(`,?\\s*according to ${c}\\s*,?`, 'i'), ' ')
    .replace(new RegExp(`,?["”’']?\\s*${c}\\s+${SAY}(?:\\s+(?:in|on)\\s+[^,.]+)?\\s*(?=[.,;]|$)`, 'i'), '')
    .replace(new RegExp(`,?["”’']?\\s*${SAY}\\s+${c}\\s*(?=[.,;]|$)`, 'i'), '')
    .replace(new RegExp(`^${c}\\s+(?:said|says|told [^,.]+|reported|added|stated)\\s+(?:that\\s+)?`, 'i'), '');
}

/**
 * Where a quotation is disputed: "What the SEALs said in a Facebook post", from the words around
 * the quotation ("…,” the SEALs said in a Facebook post."), or null when they name no one.
 */
function whatWasSaid(text: string, credit: string | null): string | null {
  if (credit === null) return null;
  const stretches = quotedStretches(text);
  const outside = stretches.reduceRight((t, q) => `${t.slice(0, q.start)} ${t.slice(q.end)}`, text);
  const said = new RegExp(
    `${escape(credit)}\\s+(said|says|wrote|writes|announced|posted|added|told [^,.]+)([^.]*)`,
    'i',
  ).exec(outside);
  const verb =
    said === null
      ? 'said'
      : said[1]!.replace(/s$/, (s) => (said[1] === 'says' ? 'said' : s)).replace(/^writes$/, 'wrote');
  const rest = said?.[2]?.trim().replace(/^,\s*/, '') ?? '';
  const where = /^(?:in|on)\s+[^,]+/.exec(rest)?.[0] ?? '';
  return `What ${credit.replace(/^The\b/, 'the')} ${verb === 'says' ? 'said' : verb}${where === '' ? '' : ` ${where}`}.`;
}

/** A claim's neutral summary, from its most central candidate. */
export function neutralSummary(candidates: readonly SummaryCandidate[]): string {
  const chosen = chooseSummaryBase(candidates);
  // A part without its subject reads as one with the start of its sentence, when that is not too long.
  const base =
    chosen.fromSentenceStart !== chosen.text && wordsIn(chosen.fromSentenceStart) <= MAX_WITH_START_WORDS
      ? { ...chosen, text: chosen.fromSentenceStart }
      : chosen;
  if (base.disputed.some((d) => d.kind === 'quotation')) {
    const what =
      whatWasSaid(base.text, base.credit) ??
      candidates.map((c) => whatWasSaid(c.text, c.credit)).find((w) => w !== null);
    if (what !== undefined && what !== null) return what;
  }
  let text = base.text.trim();
  if (base.credit !== null) text = withoutCredit(text, base.credit);
  // A group's ages go together ("aged from 11 to 16"): where either end is disputed, the span goes.
  if (base.disputed.some((d) => d.kind === 'age' && /^\D*\d+$/.test(d.text)))
    text = text.replace(GROUP_AGES, (phrase) => (phrase.startsWith(',') && phrase.endsWith(',') ? ',' : ''));
  for (const value of base.disputed)
    if (value.kind !== 'quotation' && value.kind !== 'credit') text = withoutValue(text, value);
  text = tidy(text);
  // A part of a sentence is made to start as one: "that no sailings would run" → "No sailings would run".
  text = text.replace(/^(?:that|and|but|which|who|so|as|while|when|with)\s+/i, '');
  // A sentence that is all quotation loses its marks; a mark without its partner goes.
  const stretches = quotedStretches(text);
  if (stretches.length === 1 && stretches[0]!.start === 0 && stretches[0]!.end >= text.length - 1)
    text = text.replace(/^["“‘']|["”’']([.!?]?)$/g, '$1');
  text = withoutUnpairedMarks(text);
  text = tidy(text);
  // What is left names the fact without stating it ("The 12 boys"): ask what the outlets answer differently.
  const asked = base.disputed.find((d) => QUESTION[d.kind] !== undefined);
  if (!hasVerb(text) && asked !== undefined) text = QUESTION[asked.kind]!(text.charAt(0).toLowerCase() + text.slice(1));
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The text without double quotation marks that have no partner (a clause cut from a quotation). */
function withoutUnpairedMarks(text: string): string {
  const unmatched = new Set(unmatchedQuoteMarks(text));
  return [...text].filter((_, i) => !unmatched.has(i)).join('');
}

/**
 * Positions of the double quotation marks in `text` that have no partner: a closing curly mark
 * before any opening one, an opening one never closed, and the last straight mark of an odd number.
 */
export function unmatchedQuoteMarks(text: string): number[] {
  const unmatched: number[] = [];
  const open: number[] = [];
  const straight: number[] = [];
  [...text].forEach((ch, i) => {
    if (ch === '“') open.push(i);
    else if (ch === '”') {
      if (open.length === 0) unmatched.push(i);
      else open.pop();
    } else if (ch === '"') straight.push(i);
  });
  unmatched.push(...open);
  if (straight.length % 2 === 1) {
    // The odd one out is the one at an end of the text when there is one (a clause cut from a quote), else the last.
    const atEnd = straight.find((i) => i === 0 || i === [...text].length - 1);
    unmatched.push(atEnd ?? straight.at(-1)!);
  }
  return unmatched.sort((a, b) => a - b);
}

/** Words an id leaves out: they do not say what the fact is. */
const ID_STOP = new Set(
  (
    'a an the and or but of to in on at by for with from as into onto over under about after before than then also not no nor ' +
    'is are was were be been being has have had do does did will would could should can may might must shall ' +
    'it its this that these those there their they them he him his she her we our i you your who whom which what when where ' +
    'all some any each every other another more most much many such own same so very just only still now later already yet'
  ).split(' '),
);

/** A claim id a person can read: the summary's leading words that say something ("stranded-cave"). */
export function claimIdFromSummary(summary: string): string {
  const words = (summary.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .map((w) => w.replace(/[’']s$/, ''))
    .filter((w) => !ID_STOP.has(w) && (w.length > 1 || /\d/.test(w)));
  // "What the SEALs said in a Facebook post": the question word says what the claim is about.
  const lead = /^what\b/i.test(summary) ? ['what'] : [];
  return slugify([...lead, ...words].slice(0, ID_WORDS).join(' ')) || 'claim';
}
