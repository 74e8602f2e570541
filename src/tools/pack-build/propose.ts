// From aligned facts to a draft claim pack: outlets and articles from the files' metadata, one
// claim per fact with each outlet's verbatim sentence, its prefix and suffix, whom it credits and
// the values it states, a neutral summary draft without figures, and the story's name variants.
// Everything here is a proposal for the curator, who reviews ids, summaries and values.
import { GENERIC_LEXICON } from '../../core/terms/lexicon';
import type { Claim, Pack, Report, Value } from '../../core/database/schema';
import { readValue } from '../../core/quantities/read-value';
import { UnreadableValueError } from '../../core/quantities/types';
import type { ArticleSource } from './article-source';
import type { AlignedFact } from './align';
import { attributeSentences, type Attribution } from '../../core/quantities/credits';
import { findValues, type FoundValue } from '../../core/quantities/find-values';
import { findNameVariants } from './name-variants';
import { quoteContext } from './quote-context';
import { quoteSpans } from './quote-spans';
import { claimIdFromSummary, neutralSummary } from './summary';
import { compareReports } from '../../core/quantities/compare';
import { slugify } from './slug';
import { wordingValues, type IsName } from './wording-values';
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

export function proposePack(input: ProposeInput): Proposal {
  const { articles, sentences, facts, story } = input;
  const outlets = outletRecords(articles);
  const articleIds = articles.map((a, i) => articleId(outlets[i]!.id, a));

  // Whom each sentence credits, read from the whole sentences in reading order (a pronoun from the
  // sentences before it); a part of a sentence is credited as the sentence is.
  const attributions: (Attribution | null)[] = new Array(sentences.length).fill(null);
  articles.forEach((_, a) => {
    const own = sentences.filter((s) => s.article === a && s.partOf === undefined);
    attributeSentences(own.map((s) => s.text)).forEach((attribution, k) => {
      attributions[own[k]!.index] = attribution;
    });
  });
  for (const s of sentences) if (s.partOf !== undefined) attributions[s.index] = attributions[s.partOf] ?? null;
  const quotes = quoteSpans(facts, sentences);
  const isName = namesIn(articles.map((a) => a.text));

  const usedIds = new Set<string>();
  // What the builder was unsure of, by claim index (the claims' ids come from their summaries, last).
  const refused: (Omit<RefusedValue, 'claim'> & { claim: number })[] = [];
  const toCheck: (Omit<CheckSentence, 'claim'> & { claim: number })[] = [];
  const claims: Claim[] = facts.map((fact, f) => {
    // Each member as the claim quotes it: its part widened over what no other claim states.
    const members = fact.members.map((m) => {
      const span = quotes[f]!.get(m)!;
      const s = sentences[m]!;
      return { ...s, start: span.start, end: span.end, text: articles[s.article]!.text.slice(span.start, span.end) };
    });
    const seed = fact.seed.map((m) => members.find((s) => s.index === m)!);
    const contextOf = (s: Sentence) => ({ storyDate: story.date, articleDate: articles[s.article]!.published });
    // Values the core can read, as claims:check will read them; the others are for the curator.
    const found = new Map(
      members.map((s) => [
        s.index,
        findValues(s.text, GENERIC_LEXICON).filter((v) => {
          const why = unreadable(v, contextOf(s));
          if (why !== null) refused.push({ sentence: s.index, claim: f, text: v.text, why });
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
      if (
        seedIndexes.has(s.index) ||
        comparable.size === 0 ||
        keys.size === 0 ||
        [...keys].some((k) => comparable.has(k))
      )
        continue;
      const words = (all: Iterable<string>) =>
        [...all].map((k) => k.replace(/\/$/, '').replace('/', ' of ')).join(', ');
      toCheck.push({
        sentence: s.index,
        claim: f,
        why: `states other figures (${words(keys)}) than the claim compares (${words(comparable)}): may report another fact`,
      });
    }
    const wordings = wordingValues(
      members.map((s) => ({ quote: s.text, attribution: attributions[s.index] ?? null })),
      isName,
    );
    const reports: Report[] = members.map((s, k) => {
      const article = articles[s.article]!;
      const { prefix, suffix } = quoteContext(article.text, s.start, s.end);
      return {
        article: articleIds[s.article]!,
        quote: s.text,
        prefix,
        suffix,
        attribution: attributions[s.index]?.credit ?? null,
        values: [
          ...found
            .get(s.index)!
            .filter((v) => comparable.has(valueKey(v)))
            .map(toValue),
          ...wordings[k]!,
        ],
      };
    });
    // The summary leaves out what the outlets dispute: the values the comparison finds differing.
    const differs = compareReports(
      reports.map((r, k) => ({ label: r.article, values: r.values.map((v) => readValue(v, contextOf(members[k]!))) })),
    ).differs;
    const summary = neutralSummary(
      fact.members.map((m, k) => {
        const unit = sentences[m]!;
        const credit = attributions[m]?.credit ?? null;
        const sentence = unit.partOf === undefined ? unit : sentences[unit.partOf]!;
        return {
          text: unit.text,
          fromSentenceStart: sentence.text.slice(0, unit.end - sentence.start),
          cohesion: fact.cohesion.get(m) ?? 0,
          credit: credit !== null && unit.text.includes(credit) ? credit : null,
          disputed: reports[k]!.values.filter((v, i) => differs[k]![i] && unit.text.includes(v.text)).map((v) => ({
            kind: v.kind,
            text: v.text,
          })),
        };
      }),
    );
    return { id: uniqueId(claimIdFromSummary(summary), usedIds), summary, reports };
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
  const idOf = (f: number) => claims[f]!.id;
  return {
    pack,
    attributions,
    refused: refused.map((r) => ({ ...r, claim: idOf(r.claim) })),
    toCheck: toCheck.map((c) => ({ ...c, claim: idOf(c.claim) })),
  };
}

/**
 * Which words the articles write as names: with a capital inside a sentence, and never in lower
 * case ("Brackwater", "BBC"; not "Officials" at the start of a sentence, which is "officials" elsewhere).
 */
export function namesIn(texts: readonly string[]): IsName {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
      const word = m[0];
      const before = text.slice(Math.max(0, m.index! - 3), m.index!);
      if (/^\p{Lu}/u.test(word)) {
        if (!/(?:^|[.!?:"“”‘’'\n]\s*)$/u.test(before) && m.index! > 0) capitalised.add(word.toLowerCase());
      } else lower.add(word);
    }
  }
  return (word) => capitalised.has(word.toLowerCase()) && !lower.has(word.toLowerCase());
}

// ---- Outlets and articles ---------------------------------------------------------------------

/** Second-level labels under which a site's own name is one label further in ("bbc.co.uk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or']);

/** The host an outlet's pages live on: the registrable part of the address ("english.newsnationtv.com" → "newsnationtv.com"). */
export function outletHost(url: string): string {
  const labels = new URL(url).hostname.toLowerCase().replace(/\.$/, '').split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function outletRecords(articles: readonly ArticleSource[]) {
  return articles.map((a) => ({
    id: slugify(a.outlet.replace(/^the\s+/i, '')) || slugify(outletHost(a.url)),
    name: a.outlet,
    hosts: [outletHost(a.url)],
  }));
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
  for (const values of valuesPerReport)
    for (const key of new Set(values.map(valueKey))) reportsWith.set(key, (reportsWith.get(key) ?? 0) + 1);
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
  return found.of === undefined
    ? { kind: found.kind, text: found.text }
    : { kind: found.kind, of: found.of, text: found.text };
}

/** The id, or the id with a number after it when another claim has it ("stranded-cave-2"). */
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
