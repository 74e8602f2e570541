// The values in words a claim's reports state, read by the core's readers (whom each outlet
// credits, the titles it gives a person, where a movement ended, the words it quotes) and given one
// wording per thing they name (same-wording.ts), so that the claim's status follows from them as
// from its figures: the same party credited agrees, the BBC and officials differ; a governor and a
// former governor differ. A kind is compared only where two or more reports state it.
import type { Value } from '../../core/database/schema';
import type { Attribution } from '../../core/quantities/credits';
import { findPlaces } from '../../core/quantities/places';
import { findQuotations, sameWords, versionsOfOneStatement } from '../../core/quantities/quotations';
import { oneWordingEach, samePerson } from '../../core/quantities/same-wording';
import { findTitles } from '../../core/quantities/titles';
import { slugify } from './slug';

export interface ReportWords {
  /** The report's quote. */
  quote: string;
  /** Whom its sentence credits, or null. */
  attribution: Attribution | null;
}

/** Whether a word is a name (written with a capital inside sentences of the articles), for telling "the BBC" from "officials". */
export type IsName = (word: string) => boolean;

type WordingValue = Extract<Value, { value: string }>;

/** For each report, the values in words it states that another report of the claim states too. */
export function wordingValues(reports: readonly ReportWords[], isName: IsName): WordingValue[][] {
  const values: WordingValue[][] = reports.map(() => []);
  creditValues(reports, isName).forEach((v, r) => v !== null && values[r]!.push(v));
  titleValues(reports).forEach((vs, r) => values[r]!.push(...vs));
  placeValues(reports).forEach((vs, r) => values[r]!.push(...vs));
  quotationValues(reports).forEach((vs, r) => values[r]!.push(...vs));
  return values;
}

/** Where the credit's words are in the quote: the credit itself, or the pronoun it was read from. */
function creditText(report: ReportWords): string | null {
  const a = report.attribution;
  if (a === null) return null;
  const words = a.resolvedFrom ?? a.credit;
  const at = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    a.resolvedFrom === undefined ? 'u' : 'iu',
  ).exec(report.quote);
  return at === null ? null : at[0];
}

/** A credit that names a party ("the BBC", "Brackwater") rather than describing one ("officials", "the company"). */
const namesAParty = (credit: string, isName: IsName) =>
  (credit.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((w) => /^\p{Lu}/u.test(w) && isName(w));

/**
 * Whom each report credits, as a credit value. A party named and a party described may be one
 * ("Brackwater" and "the company"): only credits of the same sort, the more common one, are compared.
 */
function creditValues(reports: readonly ReportWords[], isName: IsName): (WordingValue | null)[] {
  const credits = reports.map((r) => {
    const text = creditText(r);
    return text === null
      ? null
      : { text, credit: r.attribution!.credit, named: namesAParty(r.attribution!.credit, isName) };
  });
  const named = credits.filter((c) => c?.named === true).length;
  const described = credits.filter((c) => c?.named === false).length;
  const comparedSort = named >= described;
  const kept = credits.map((c) => (c !== null && c.named === comparedSort ? c : null));
  if (kept.filter((c) => c !== null).length < 2) return reports.map(() => null);
  const present = kept.flatMap((c) => (c === null ? [] : [c.credit]));
  const wordings = oneWordingEach(present);
  let k = 0;
  return kept.map((c) => (c === null ? null : { kind: 'credit', text: c.text, value: wordings[k++]! }));
}

/** The titles reports give one person, where two or more give a title for the same post (governor, officer). */
function titleValues(reports: readonly ReportWords[]): WordingValue[][] {
  const found = reports.map((r) => findTitles(r.quote));
  const people = oneWordingEach(
    found.flatMap((titles) => titles.map((t) => t.person)),
    samePerson,
  );
  let k = 0;
  const placed = found.map((titles) => titles.map((t) => ({ ...t, personWording: people[k++]! })));
  const out: WordingValue[][] = reports.map(() => []);
  const slots = new Map<string, { report: number; text: string; title: string }[]>();
  placed.forEach((titles, r) => {
    for (const t of titles) {
      const key = `${t.personWording}\u0000${t.head}`;
      const list = slots.get(key) ?? [];
      if (!list.some((x) => x.report === r)) list.push({ report: r, text: t.text, title: t.title });
      slots.set(key, list);
    }
  });
  for (const [key, list] of slots) {
    if (list.length < 2) continue;
    const of = slugify(key.split('\u0000')[0]!);
    for (const { report, text, title } of list) out[report]!.push({ kind: 'name', of, text, value: title });
  }
  return out;
}

/** Where reports say a movement ended, where two or more name a place. */
function placeValues(reports: readonly ReportWords[]): WordingValue[][] {
  const found = reports.map((r) => findPlaces(r.quote));
  if (found.filter((f) => f.length > 0).length < 2) return reports.map(() => []);
  const wordings = oneWordingEach(found.flatMap((f) => f.map((p) => p.text)));
  let k = 0;
  return found.map((places) =>
    places.map((p) => ({ kind: 'place', of: 'destination', text: p.text, value: wordings[k++]! })),
  );
}

/**
 * The words reports quote, where two or more quote versions of one statement: the same words (or
 * a part of them) are one wording, the longest; other words for the same statement are another.
 */
function quotationValues(reports: readonly ReportWords[]): WordingValue[][] {
  const found = reports.map((r, report) => findQuotations(r.quote).map((q) => ({ ...q, report })));
  const all = found.flat();
  const versions = all.filter((q) => all.some((o) => o.report !== q.report && versionsOfOneStatement(q.text, o.text)));
  if (new Set(versions.map((q) => q.report)).size < 2) return reports.map(() => []);
  // One wording per set of quotations that are each other's words (or part of them): the longest.
  const wording = versions.map((q) => q.text);
  for (let i = 0; i < versions.length; i += 1) {
    for (const other of versions)
      if (sameWords(other.text, versions[i]!.text) && other.text.length > wording[i]!.length) wording[i] = other.text;
  }
  const out: WordingValue[][] = reports.map(() => []);
  versions.forEach((q, i) => out[q.report]!.push({ kind: 'quotation', text: q.text, value: wording[i]! }));
  return out;
}
