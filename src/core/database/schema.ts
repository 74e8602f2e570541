// Claim packs as curators (and npm run pack:build) write them and readers install them: one story
// each (assets/packs/*.json for the bundled ones). The zod schema is the single source of truth:
// the TypeScript types below are derived from it, it is documented in docs/claim-database.md, and
// `npm run claims:check` runs it before the deeper checks (verbatim quotes, values).
import { z } from 'zod';
import type { ValueKind } from '../quantities/kinds';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "convoy-length"');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const OutletSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** Hosts the outlet's pages live on, without scheme; subdomains of these match too. */
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a bare host name')).min(1),
});

/** What a pack file says it is, so that any other JSON file is refused with a clear message. */
export const PACK_FORMAT = 'parallax-pack';
/** Bumped when a pack written for an older Parallax could be misread; older files are refused. */
export const PACK_FORMAT_VERSION = 1;

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0');

const variant = z
  .string()
  .min(1)
  .regex(/^\S(?:.*\S)?$/, 'must not start or end with a space');

/** One lower-case word ("lorry", "booby", "da'esh"): vocabulary is matched word by word. */
const vocabularyWord = z.string().regex(/^[a-z0-9]+(?:'[a-z0-9]+)?$/, 'must be one lower-case word such as "lorry"');

export const LexiconSchema = z.strictObject({
  /**
   * The story's names, each group the ways outlets write one name: ["ISIS", "ISIL", "IS", "Daesh",
   * "Islamic State"]. Any case matches, except a variant written in capitals whose lower-case form
   * is a common word ("IS", "US"): it counts only as written. A variant may be several words.
   */
  names: z.array(z.array(variant).min(2, 'a group needs at least two variants')),
  /**
   * The story's own vocabulary: words its outlets use interchangeably for one notion, each group
   * one term (["vest", "belt"], ["booby", "rig"]). Each word matches its forms ("rigged").
   */
  terms: z.array(z.array(vocabularyWord).min(2, 'a group needs at least two words')),
});

/** A count outlets give as the sum of others: people = fighters + family members. */
export const TotalSchema = z.strictObject({
  of: slug,
  parts: z.array(slug).min(2, 'a total needs at least two parts'),
});

/**
 * The words of the quote that state the value, verbatim ("almost 4,000", "four-mile",
 * "6km to 7km long", "a dozen buses", "just after 8pm"). Figures, units and hedges are read from
 * these words, so a pack never retypes a number the outlet printed.
 */
const valueText = z.string().min(1);

const figure = <K extends string>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), of: slug.optional(), text: valueText });

/** A value stated in words: `value` is the curator's normalised wording, compared across outlets. */
const wording = <K extends string>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), of: slug.optional(), text: valueText, value: z.string().min(1) });

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
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
  }),
  wording('place'),
  wording('name'),
  wording('credit'),
  z.strictObject({ kind: z.literal('stance'), of: slug, text: valueText, value: z.string().min(1) }),
]);

export const ArticleSchema = z.strictObject({
  id: slug,
  outlet: slug,
  url: z.url(),
  title: z.string().min(1),
  /** YYYY-MM-DD, or null when the article gives no date. */
  published: isoDate.nullable(),
  byline: z.string().min(1).nullable(),
  /** The captured article file the quotes are checked against (assets/seeds/, or --seeds DIR). */
  source: z.string().min(1),
});

export const ReportSchema = z.strictObject({
  article: slug,
  /** Exact substring of the article text. */
  quote: z.string().min(1),
  /** The text just before and just after the quote (a W3C TextQuoteSelector), up to ~32 chars. */
  prefix: z.string(),
  suffix: z.string(),
  /** Whom the outlet credits for the fact, in its words ("a lorry driver speaking to the BBC"). */
  attribution: z.string().min(1).nullable(),
  values: z.array(ValueSchema),
});

export const ClaimSchema = z.strictObject({
  /** Stable: labels and other code refer to it. Unique within the pack. */
  id: slug,
  /** One neutral sentence stating the fact, without taking any outlet's numbers. */
  summary: z.string().min(1),
  /** A curator's explanation of a judgement (why values that look different agree, say). */
  note: z.string().min(1).optional(),
  reports: z.array(ReportSchema).min(1),
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
    title: z.string().min(1),
    /** When the reported events happened, YYYY-MM-DD; dates in quotes without a year take its year. */
    date: isoDate,
  }),
  lexicon: LexiconSchema,
  totals: z.array(TotalSchema),
  outlets: z.array(OutletSchema).min(1),
  articles: z.array(ArticleSchema).min(1),
  claims: z.array(ClaimSchema).min(1),
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
