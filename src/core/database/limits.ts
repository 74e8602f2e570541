// The most a claim pack may hold. Packs come from other people (and later from lists a reader
// subscribes to), and everything in one is read, indexed and compared in the reader's browser: a
// bound on each part keeps a crafted pack from stalling matching or filling storage. Each bound
// is far above what real packs need (the largest part of the bundled pack, the ferry story and a
// pack:build draft of the Thai cave story, in brackets), and docs/claim-database.md lists them.
// The schema checks every one of them, so the options page, claims:check and every command line
// refuse an oversized pack with the claim and field named.

/** A pack file, in bytes: refused before it is read in full (74 KB). */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;

export const PACK_LIMITS = {
  /** Claims in a pack (31). */
  claims: 1000,
  /** Reports in one claim (9). */
  reportsPerClaim: 100,
  /** Values in one report (3). */
  valuesPerReport: 20,
  outlets: 200,
  articles: 1000,
  /** Hosts of one outlet (1). */
  hostsPerOutlet: 20,
  totals: 50,
  partsPerTotal: 20,
  /** Name groups, and variants in one (4 groups, 6 variants). */
  nameGroups: 200,
  variantsPerName: 20,
  /** One variant's characters and words ("Maritime Accident Investigation Office": 38, 5 words). */
  variantLength: 100,
  variantWords: 10,
  /** Vocabulary groups, and words in one (3 groups, 4 words of up to 13 letters). */
  termGroups: 200,
  wordsPerTerm: 20,
  vocabularyWordLength: 40,
  /** Characters of each text field (the longest seen in brackets). */
  text: {
    id: 100, // 50
    storyTitle: 200, // 51
    outletName: 100, // 46
    host: 253, // 25; the most DNS allows
    url: 2000, // 193
    articleTitle: 500, // 111
    byline: 300, // 43
    source: 300, // 25
    summary: 1000, // 200
    note: 2000, // 191
    quote: 2000, // 353
    prefixOrSuffix: 100, // 32
    attribution: 500, // 73
    valueText: 300, // 74
    valueWording: 200, // 25
  },
} as const;
