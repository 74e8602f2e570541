// The claim database as curators write it (assets/database/*.json).
// The zod schema is the single source of truth: the TypeScript types below are derived from it,
// and `npm run claims:check` runs it before the deeper checks (verbatim quotes, values).
import { z } from 'zod';
import { QUANTITY_KIND_NAMES } from '../quantities/kinds';

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

export const ArticleSchema = z.strictObject({
  id: slug,
  outlet: slug,
  url: z.url(),
  title: z.string().min(1),
  published: isoDate,
  byline: z.string().min(1).nullable(),
  /** The captured article text, a file under assets/seeds/. Quotes are checked against it. */
  source: z.string().min(1),
});

/** What a quantity counts or measures (the kinds and their meanings: quantities/kinds.ts). */
export const QuantityKindSchema = z.enum(QUANTITY_KIND_NAMES);

export const QuantitySchema = z.strictObject({
  kind: QuantityKindSchema,
  /**
   * The words of the quote that state the value, verbatim ("almost 4,000", "four-mile",
   * "6km to 7km long", "a dozen buses"). The value, its unit and the outlet's hedge are read from
   * these words, so the database never retypes a number the outlet printed.
   */
  text: z.string().min(1),
});

export const ReportSchema = z.strictObject({
  article: slug,
  /** Exact substring of the article text. */
  quote: z.string().min(1),
  /** The text just before and just after the quote (a W3C TextQuoteSelector), up to ~32 chars. */
  prefix: z.string(),
  suffix: z.string(),
  /** Whom the outlet credits for the fact, where it says ("a lorry driver speaking to the BBC"). */
  attribution: z.string().min(1).nullable(),
  quantities: z.array(QuantitySchema),
});

export const ClaimSchema = z.strictObject({
  id: slug,
  story: slug,
  /** One neutral sentence stating the fact, without taking any outlet's numbers. */
  summary: z.string().min(1),
  /** A curator's explanation of a judgement (why values that look different agree, say). */
  note: z.string().min(1).optional(),
  reports: z.array(ReportSchema).min(1),
});

export const StorySchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** When the reported events happened, YYYY-MM-DD; relative dates in quotes resolve against it. */
  date: isoDate,
});

export const DatabaseSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  stories: z.array(StorySchema).min(1),
  outlets: z.array(OutletSchema).min(1),
  articles: z.array(ArticleSchema).min(1),
  claims: z.array(ClaimSchema).min(1),
});

export type Outlet = z.infer<typeof OutletSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Story = z.infer<typeof StorySchema>;
export type Database = z.infer<typeof DatabaseSchema>;
