// From aligned facts to a draft claim pack: outlets and articles from the files' metadata, one
// claim per fact with each outlet's verbatim sentence, its prefix and suffix, whom it credits and
// the values it states, a neutral summary draft without figures, and the story's name variants.
// Everything here is a proposal for the curator, who reviews ids, summaries and values.
import type { Claim, Pack, Report, Value } from '../../core/database/schema';
import { readValue } from '../../core/quantities/read-value';
import { UnreadableValueError } from '../../core/quantities/types';
import type { ArticleSource } from './article-source';
import type { AlignedFact } from './align';
import { attributeSentences, type Attribution } from './attribution';
import { datelineLength, findValues, type FoundValue } from './find-values';
import { findNameVariants } from './name-variants';
import { quoteContext } from './quote-context';
import type { Sentence } from './sentences';

export interface ProposeInput {
  articles: readonly ArticleSource[];
  sentences: readonly Sentence[];
  facts: readonly AlignedFact[];
  story: { id: string; title: string; date: string };
}

/** Value words found in a sentence that the core's reader refused (so left out of the draft). */
export interface RefusedValue {
  sentence: number;
  claim: string;
  text: string;
  why: string;
}

export interface Proposal {
  pack: Pack;
  /** Per sentence, its attribution (null where none), for the review table. */
  attributions: (Attribution | null)[];
  refused: RefusedValue[];
  /** Sentences the curator should look at: a summary draft's (a clause, a quotation mark left out), a report with other figures than its claim's. */
  toCheck: CheckSentence[];
}

/** A sentence to check, the claim it is in, and why. */
export interface CheckSentence {
  sentence: number;
  claim: string;
  why: string;
}

/** A claim id is at most this many words. */
const ID_WORDS = 4;

export function proposePack(input: ProposeInput): Proposal {
  const { articles, sentences, facts, story } = input;
  const outlets = outletRecords(articles);
  const articleIds = articles.map((a, i) => articleId(outlets[i]!.id, a));

  const attributions: (Attribution | null)[] = new Array(sentences.length).fill(null);
  articles.forEach((_, a) => {
    const own = sentences.filter((s) => s.article === a);
    attributeSentences(own.map((s) => s.text)).forEach((attribution, k) => {
      attributions[own[k]!.index] = attribution;
    });
  });

  const usedIds = new Set<string>();
  const refused: RefusedValue[] = [];
  const toCheck: CheckSentence[] = [];
  const claims: Claim[] = facts.map((fact) => {
    const members = fact.members.map((m) => sentences[m]!);
    const seed = fact.seed.map((m) => sentences[m]!);
    const id = uniqueId(claimId(members, sentences), usedIds);
    // Values the core can read, as claims:check will read them; the others are for the curator.
    const found = new Map(
      members.map((s) => [
        s.index,
        findValues(s.text).filter((v) => {
          const why = unreadable(v, { storyDate: story.date, articleDate: articles[s.article]!.published });
          if (why !== null) refused.push({ sentence: s.index, claim: id, text: v.text, why });
          return why === null;
        }),
      ]),
    );
    // The values the fact is about: the kinds (and what they count) both seed sentences state. A
    // sentence's other figures (the departure time beside the distance offshore) belong to other facts.
    const comparable = comparableKeys(seed.map((s) => found.get(s.index)!));
    // A report stating none of the figures the claim compares, but others, likely reports another fact.
    const seedIndexes = new Set(seed.map((s) => s.index));
    for (const s of members) {
      const keys = new Set(found.get(s.index)!.map(valueKey));
      if (seedIndexes.has(s.index) || comparable.size === 0 || keys.size === 0 || [...keys].some((k) => comparable.has(k))) continue;
      const words = (all: Iterable<string>) => [...all].map((k) => k.replace(/\/$/, '').replace('/', ' of ')).join(', ');
      toCheck.push({ sentence: s.index, claim: id, why: `states other figures (${words(keys)}) than the claim compares (${words(comparable)}): may report another fact` });
    }
    const reports: Report[] = members.map((s) => {
      const article = articles[s.article]!;
      const { prefix, suffix } = quoteContext(article.text, s.start, s.end);
      return {
        article: articleIds[s.article]!,
        quote: s.text,
        prefix,
        suffix,
        attribution: attributions[s.index]?.credit ?? null,
        values: found.get(s.index)!.filter((v) => comparable.has(valueKey(v))).map(toValue),
      };
    });
    const draft = summaryDraft(seed, found, attributions);
    if (draft.check !== null) toCheck.push({ sentence: draft.sentence, claim: id, why: draft.check });
    return { id, summary: draft.summary, reports };
  });

  const pack: Pack = {
    format: 'parallax-pack',
    formatVersion: 1,
    id: story.id,
    version: '0.1.0',
    draft: true,
    story: { title: story.title, date: story.date },
    lexicon: { names: findNameVariants(articles.map((a) => a.text)), terms: [] },
    totals: [],
    outlets: dedupeOutlets(outlets),
    articles: articles.map((a, i) => ({
      id: articleIds[i]!,
      outlet: outlets[i]!.id,
      url: a.url,
      title: a.title,
      published: a.published,
      byline: a.byline,
      source: a.name,
    })),
    claims,
  };
  return { pack, attributions, refused, toCheck };
}

// ---- Outlets and articles ---------------------------------------------------------------------

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Second-level labels under which a site's own name is one label further in ("bbc.co.uk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or']);

/** The host an outlet's pages live on: the registrable part of the address ("english.newsnationtv.com" → "newsnationtv.com"). */
export function outletHost(url: string): string {
  const labels = new URL(url).hostname.toLowerCase().replace(/\.$/, '').split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function outletRecords(articles: readonly ArticleSource[]) {
  return articles.map((a) => ({ id: slugify(a.outlet.replace(/^the\s+/i, '')) || slugify(outletHost(a.url)), name: a.outlet, hosts: [outletHost(a.url)] }));
}

function dedupeOutlets(outlets: readonly { id: string; name: string; hosts: string[] }[]) {
  const byId = new Map<string, { id: string; name: string; hosts: string[] }>();
  for (const o of outlets) {
    const known = byId.get(o.id);
    if (known === undefined) byId.set(o.id, { ...o, hosts: [...o.hosts] });
    else for (const host of o.hosts) if (!known.hosts.includes(host)) known.hosts.push(host);
  }
  return [...byId.values()];
}

function articleId(outletId: string, article: ArticleSource): string {
  return article.published === null ? outletId : `${outletId}-${article.published}`;
}

// ---- Claims -----------------------------------------------------------------------------------

/** Values of one kind (and of the same thing) that two or more of these sentences state. */
export function comparableKeys(valuesPerReport: readonly FoundValue[][]): Set<string> {
  const reportsWith = new Map<string, number>();
  for (const values of valuesPerReport) for (const key of new Set(values.map(valueKey))) reportsWith.set(key, (reportsWith.get(key) ?? 0) + 1);
  return new Set([...reportsWith].filter(([, n]) => n >= 2).map(([key]) => key));
}

/** Values compare when they are of one kind and measure one thing: a count of what, a length of time or a time ago. */
const valueKey = (v: FoundValue) => `${v.kind}${v.sinceOrUntil === true ? ' since or until' : ''}/${v.of ?? ''}`;

/** Why the core's value reader refuses the words, or null when it reads them. */
function unreadable(value: FoundValue, context: { storyDate: string; articleDate: string | null }): string | null {
  try {
    readValue(toValue(value), context);
    return null;
  } catch (error) {
    if (error instanceof UnreadableValueError) return error.message;
    throw error;
  }
}

function toValue(found: FoundValue): Value {
  if (found.kind === 'count') return { kind: 'count', of: found.of!, text: found.text };
  return { kind: found.kind, text: found.text };
}

const STOP = new Set(
  'a an the and or but of to in on at by for with from as into was were is are be been has have had it its this that these those their his her they he she said says told after before over about who which than then also not no all'.split(' '),
);

/** A slug from the rarest words the sentences share ("maritime-accident-investigation-office"). */
function claimId(members: readonly Sentence[], all: readonly Sentence[]): string {
  const wordsOf = (s: Sentence) => new Set((s.text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 2));
  const documentFrequency = new Map<string, number>();
  for (const s of all) for (const w of wordsOf(s)) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const s of members) for (const w of wordsOf(s)) shared.set(w, (shared.get(w) ?? 0) + 1);
  const ranked = [...shared]
    .filter(([, n]) => n >= 2)
    .map(([w, n]) => ({ w, score: n * Math.log((all.length + 1) / (documentFrequency.get(w) ?? 1)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, ID_WORDS);
  // Keep the words in the order the first sentence has them, so the id reads as a phrase.
  const first = members[0]!.text.toLowerCase();
  const words = ranked.map((r) => r.w).sort((a, b) => first.indexOf(a) - first.indexOf(b));
  // Sentences that share no rare word: the first sentence's own first words.
  const fallback = [...wordsOf(members[0]!)].slice(0, ID_WORDS);
  return slugify((words.length >= 2 ? words : fallback).join(' ')) || 'claim';
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** What a value's words are replaced with in the summary draft, so it takes no outlet's figure. */
const PLACEHOLDER: Record<FoundValue['kind'], string> = {
  count: 'how many',
  distance: 'how far',
  duration: 'how long',
  age: 'what age',
  date: 'when',
  'time-of-day': 'what time',
  money: 'how much',
};

/** A summary draft, and why the curator should look at it (null when it reads as a sentence). */
interface SummaryDraft {
  summary: string;
  sentence: number;
  check: string | null;
}

/**
 * A summary to start from: the shorter seed sentence, its figures replaced by what they measure
 * ("[how many] passengers"), its credit left out. The curator rewrites it; a clause ("that no
 * sailings … would run") is made to start as a sentence and listed for checking (the shorter
 * sentence is still the better start: a whole one is often a passenger's quote), and a quotation
 * mark is never left without its partner.
 */
export function summaryDraft(members: readonly Sentence[], found: ReadonlyMap<number, FoundValue[]>, attributions: readonly (Attribution | null)[]): SummaryDraft {
  const shortest = [...members].sort((a, b) => a.text.length - b.text.length)[0]!;
  let text = shortest.text;
  for (const value of [...found.get(shortest.index)!].sort((a, b) => b.start - a.start)) {
    const noun = value.kind === 'count' ? value.text.slice(value.text.search(/\p{L}+[’']?\p{L}*$/u)) : '';
    text = `${text.slice(0, value.start)}[${PLACEHOLDER[value.kind]}]${noun === '' ? '' : ` ${noun}`}${text.slice(value.end)}`;
  }
  const credit = attributions[shortest.index]?.credit;
  if (credit !== undefined) {
    text = text
      .replace(new RegExp(`,?\\s*according to ${escapeRegExp(credit)}`, 'i'), '')
      .replace(new RegExp(`,\\s*${escapeRegExp(credit)} (?:said|says|reported)\\s*(?=[.,]|$)`, 'i'), '');
  }
  // A wire dateline ("PORT CARROW, March 15 (Northline) - ") is the filing's, not the fact's.
  text = text.slice(datelineLength(shortest.text));
  const checks: string[] = [];
  text = text.trim();
  // A sentence that is all quotation loses its marks; reported speech ("“…,” she said.") keeps them.
  const inner = text.slice(1, -1);
  if (/^["“]/.test(text) && /["”]$/.test(text) && !/["“”]/.test(inner)) text = inner.trim();
  const unmatched = unmatchedQuoteMarks(text);
  if (unmatched.length > 0) {
    text = [...text].filter((_, i) => !unmatched.includes(i)).join('');
    checks.push('a quotation mark without its partner was left out');
  }
  if (/^\p{Ll}/u.test(text)) {
    // A clause: "that no sailings would run" states "No sailings would run".
    text = text.replace(/^that\s+/, '');
    text = text.charAt(0).toUpperCase() + text.slice(1);
    checks.push('made from a clause');
  }
  const check = checks.length === 0 ? null : `summary draft ${checks.join(', and ')}: check that it reads as a sentence`;
  return { summary: `Draft: ${text}`, sentence: shortest.index, check };
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
