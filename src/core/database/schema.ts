// Claim packs as curators (and npm run pack:build) write them and readers install them: one story
// each (assets/packs/*.json for the bundled ones). The zod schema is the single source of truth:
// the TypeScript types below are derived from it, it is documented in docs/claim-database.md, and
// `npm run claims:check` runs it before the deeper checks (verbatim quotes, values).
// Every text and list has a bound (limits.ts), so that a crafted pack cannot stall matching.
import { z } from 'zod';
import type { ValueKind } from '../quantities/kinds';
import { PACK_LIMITS } from './limits';
import { webAddressProblem } from './web-address';

const { text: TEXT } = PACK_LIMITS;

/** Text of at most `max` characters (and at least one). */
const text = (max: number) => z.string().min(1).max(max);

const slug = z
  .string()
  .max(TEXT.id)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "convoy-length"');

/** YYYY-MM-DD, and a day the calendar has (not 2025-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .superRefine((iso, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && !isCalendarDate(iso))
      ctx.addIssue({ code: 'custom', message: `${iso} is not a day of the calendar` });
  });

export function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An article's address: https:// or http:// only (web-address.ts), never a script or a local file. */
const webAddress = z
  .string()
  .max(TEXT.url)
  .superRefine((url, ctx) => {
    const problem = webAddressProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const OutletSchema = z.strictObject({
  id: slug,
  name: text(TEXT.outletName),
  /** Hosts the outlet's pages live on, without scheme; subdomains of these match too. */
  hosts: z
    .array(
      z
        .string()
        .max(TEXT.host)
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a bare host name'),
    )
    .min(1)
    .max(PACK_LIMITS.hostsPerOutlet),
});

/** What a pack file says it is, so that any other JSON file is refused with a clear message. */
export const PACK_FORMAT = 'parallax-pack';
/** Bumped when a pack written for an older Parallax could be misread; older files are refused. */
export const PACK_FORMAT_VERSION = 1;

const semver = z.string().regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}$/, 'must be a semantic version such as 1.0.0');

const variant = z
  .string()
  .min(1)
  .max(PACK_LIMITS.variantLength)
  .refine(
    (v) => v.split(/\s+/).length <= PACK_LIMITS.variantWords,
    `must have at most ${PACK_LIMITS.variantWords} words`,
  )
  .regex(/^\S(?:.*\S)?$/, 'must not start or end with a space');

/** One lower-case word ("lorry", "booby", "da'esh"): vocabulary is matched word by word. */
const vocabularyWord = z
  .string()
  .max(PACK_LIMITS.vocabularyWordLength)
  .regex(/^[a-z0-9]+(?:'[a-z0-9]+)?$/, 'must be one lower-case word such as "lorry"');

export const LexiconSchema = z.strictObject({
  /**
   * The story's names, each group the ways outlets write one name: ["ISIS", "ISIL", "IS", "Daesh",
   * "Islamic State"]. Any case matches, except a variant written in capitals whose lower-case form
   * is a common word ("IS", "US"): it counts only as written. A variant may be several words.
   */
  names: z
    .array(z.array(variant).min(2, 'a group needs at least two variants').max(PACK_LIMITS.variantsPerName))
    .max(PACK_LIMITS.nameGroups),
  /**
   * The story's own vocabulary: words its outlets use interchangeably for one notion, each group
   * one term (["vest", "belt"], ["booby", "rig"]). Each word matches its forms ("rigged").
   */
  terms: z
    .array(z.array(vocabularyWord).min(2, 'a group needs at least two words').max(PACK_LIMITS.wordsPerTerm))
    .max(PACK_LIMITS.termGroups),
});

/** A count outlets give as the sum of others: people = fighters + family members. */
export const TotalSchema = z.strictObject({
  of: slug,
  parts: z.array(slug).min(2, 'a total needs at least two parts').max(PACK_LIMITS.partsPerTotal),
});

/**
 * The words of the quote that state the value, verbatim ("almost 4,000", "four-mile",
 * "6km to 7km long", "a dozen buses", "just after 8pm"). Figures, units and hedges are read from
 * these words, so a pack never retypes a number the outlet printed.
 */
const valueText = text(TEXT.valueText);

const figure = <K extends string>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), of: slug.optional(), text: valueText });

/** A value stated in words: `value` is the curator's normalised wording, compared across outlets. */
const wording = <K extends string>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), of: slug.optional(), text: valueText, value: text(TEXT.valueWording) });

export const ValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), of: slug, text: valueText }),
  figure('distance'),
  figure('duration'),
  figure('age'),
  figure('date'),
  figure('time-of-day'),
  z.strictObject({
    kind: z.literal('money'),
    of: slug.optional(),
    text: valueText,
    /** ISO 4217 code, needed only when the words name no currency ("250 in compensation"). */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .optional(),
  }),
  wording('place'),
  wording('name'),
  wording('credit'),
  z.strictObject({ kind: z.literal('stance'), of: slug, text: valueText, value: text(TEXT.valueWording) }),
  // The words quoted can run as long as the quote that holds them.
  z.strictObject({
    kind: z.literal('quotation'),
    of: slug.optional(),
    text: text(TEXT.quote),
    value: text(TEXT.quote),
  }),
]);

export const ArticleSchema = z.strictObject({
  id: slug,
  outlet: slug,
  url: webAddress,
  title: text(TEXT.articleTitle),
  /** YYYY-MM-DD, or null when the article gives no date. */
  published: isoDate.nullable(),
  byline: text(TEXT.byline).nullable(),
  /** The captured article file the quotes are checked against (assets/seeds/, or --seeds DIR). */
  source: text(TEXT.source),
});

export const ReportSchema = z.strictObject({
  article: slug,
  /** Exact substring of the article text. */
  quote: text(TEXT.quote),
  /** The text just before and just after the quote (a W3C TextQuoteSelector), up to ~32 chars. */
  prefix: z.string().max(TEXT.prefixOrSuffix),
  suffix: z.string().max(TEXT.prefixOrSuffix),
  /** Whom the outlet credits for the fact, in its words ("a lorry driver speaking to the BBC"). */
  attribution: text(TEXT.attribution).nullable(),
  values: z.array(ValueSchema).max(PACK_LIMITS.valuesPerReport),
});

export const ClaimSchema = z.strictObject({
  /** Stable: labels and other code refer to it. Unique within the pack. */
  id: slug,
  /** One neutral sentence stating the fact, without taking any outlet's numbers. */
  summary: text(TEXT.summary),
  /** A curator's explanation of a judgement (why values that look different agree, say). */
  note: text(TEXT.note).optional(),
  reports: z.array(ReportSchema).min(1).max(PACK_LIMITS.reportsPerClaim),
});

export const PackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
  formatVersion: z.literal(PACK_FORMAT_VERSION, `must be ${PACK_FORMAT_VERSION}`),
  /** The pack's id, which is also its story's: a slug such as "raqqa-convoy-2017". */
  id: slug,
  /** Raised with every change; a reader's installed copy is replaced by another version. */
  version: semver,
  /**
   * True for a draft no person has reviewed (what `npm run pack:build` writes); a curator who has
   * reviewed the pack removes it. Absent: a reviewed pack.
   */
  draft: z.boolean().optional(),
  story: z.strictObject({
    title: text(TEXT.storyTitle),
    /** When the reported events happened, YYYY-MM-DD; dates in quotes without a year take its year. */
    date: isoDate,
  }),
  lexicon: LexiconSchema,
  totals: z.array(TotalSchema).max(PACK_LIMITS.totals),
  outlets: z.array(OutletSchema).min(1).max(PACK_LIMITS.outlets),
  articles: z.array(ArticleSchema).min(1).max(PACK_LIMITS.articles),
  claims: z.array(ClaimSchema).min(1).max(PACK_LIMITS.claims),
});

export type Pack = z.infer<typeof PackSchema>;
export type PackLexicon = z.infer<typeof LexiconSchema>;
export type Total = z.infer<typeof TotalSchema>;
export type Value = z.infer<typeof ValueSchema>;
export type Outlet = z.infer<typeof OutletSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Claim = z.infer<typeof ClaimSchema>;

// The schema's value kinds are the kinds table's (quantities/kinds.ts), no more and no fewer.
type SameKinds = [ValueKind] extends [Value['kind']] ? ([Value['kind']] extends [ValueKind] ? true : never) : never;
true satisfies SameKinds;
