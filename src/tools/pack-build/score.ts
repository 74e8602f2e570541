// Measuring a built pack against a curated one (a claim pack, or a story's facts.json): how many
// curated facts it found, how many of its claims are real cross-outlet facts, and whether every
// quote is verbatim. Quotes are compared by where they sit in the article's text, so a proposed
// sentence and a curated clause inside it are the same report.
//
// - A curated claim is *found* when one proposed claim holds reports from two or more outlets
//   whose quotes overlap that curated claim's quotes from those same outlets.
// - A proposed claim is *real* when it overlaps one curated claim that way, in two or more outlets.

export interface QuoteSpan {
  /** The article, by its normalised address (one article per outlet in a pack). */
  article: string;
  start: number;
  end: number;
}

export interface SpannedClaim {
  id: string;
  spans: QuoteSpan[];
}

export interface PackScore {
  /** Curated claims stated by two or more outlets: the ones a cross-outlet build can find. */
  findable: string[];
  /** Curated claims stated by one outlet only. */
  singleOutlet: string[];
  found: string[];
  missed: string[];
  real: string[];
  /** Proposed claims overlapping no curated claim in two outlets. */
  unreal: string[];
  /** For each found curated claim, the proposed claims that found it. */
  foundBy: Map<string, string[]>;
  /**
   * Reports that belong: of all proposed reports, those whose quote overlaps the quote its outlet
   * gives for the curated claim the proposed claim matches best (the one sharing most outlets).
   */
  reportsThatBelong: number;
  reports: number;
}

const overlaps = (a: QuoteSpan, b: QuoteSpan) => a.article === b.article && a.start < b.end && b.start < a.end;

/** The outlets (articles) in which the two claims have overlapping quotes. */
export function sharedArticles(a: SpannedClaim, b: SpannedClaim): Set<string> {
  const shared = new Set<string>();
  for (const x of a.spans) for (const y of b.spans) if (overlaps(x, y)) shared.add(x.article);
  return shared;
}

export function scorePack(proposed: readonly SpannedClaim[], curated: readonly SpannedClaim[]): PackScore {
  const articlesOf = (c: SpannedClaim) => new Set(c.spans.map((s) => s.article));
  const findable = curated.filter((c) => articlesOf(c).size >= 2);
  const foundBy = new Map<string, string[]>();
  for (const c of findable) {
    const by = proposed.filter((p) => sharedArticles(p, c).size >= 2).map((p) => p.id);
    if (by.length > 0) foundBy.set(c.id, by);
  }
  const real = proposed.filter((p) => curated.some((c) => sharedArticles(p, c).size >= 2)).map((p) => p.id);
  let reportsThatBelong = 0;
  for (const p of proposed) {
    let best: SpannedClaim | null = null;
    let bestShared = 0;
    for (const c of curated) {
      const shared = sharedArticles(p, c).size;
      if (shared > bestShared) [best, bestShared] = [c, shared];
    }
    if (best !== null) reportsThatBelong += p.spans.filter((x) => best.spans.some((y) => overlaps(x, y))).length;
  }
  return {
    reportsThatBelong,
    reports: proposed.reduce((n, p) => n + p.spans.length, 0),
    findable: findable.map((c) => c.id),
    singleOutlet: curated.filter((c) => articlesOf(c).size < 2).map((c) => c.id),
    found: findable.filter((c) => foundBy.has(c.id)).map((c) => c.id),
    missed: findable.filter((c) => !foundBy.has(c.id)).map((c) => c.id),
    real,
    unreal: proposed.filter((p) => !real.includes(p.id)).map((p) => p.id),
    foundBy,
  };
}

/** An address compared loosely: no scheme, no "www.", no trailing slash, host in lower case. */
export function addressKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim();
  }
}

export interface ArticleText {
  url: string;
  text: string;
}

/**
 * The claims of a pack or database (`claims[].reports[]`, articles by id with a `url`) or of a
 * story's facts.json (`facts[].reports[]`), each quote placed in its article's text. Quotes that
 * cannot be placed are returned apart, so a measurement never silently drops them.
 */
export function spannedClaims(
  json: unknown,
  texts: ReadonlyMap<string, ArticleText>,
): { claims: SpannedClaim[]; unplaced: string[] } {
  const doc = json as {
    articles?: { id: string; url: string }[];
    claims?: RawClaim[];
    facts?: RawClaim[];
  };
  const urlOf = new Map((doc.articles ?? []).map((a) => [a.id, a.url]));
  const textByAddress = new Map([...texts.values()].map((t) => [addressKey(t.url), t]));
  const unplaced: string[] = [];
  const claims = (doc.claims ?? doc.facts ?? []).map((claim) => {
    const spans: QuoteSpan[] = [];
    for (const report of claim.reports) {
      const url = urlOf.get(report.article);
      const article = url === undefined ? undefined : textByAddress.get(addressKey(url));
      const start =
        article === undefined ? -1 : placeQuote(article.text, report.quote, report.prefix ?? '', report.suffix ?? '');
      if (article === undefined || start < 0) {
        unplaced.push(`${claim.id}: ${report.article}: "${report.quote.slice(0, 60)}"`);
        continue;
      }
      spans.push({ article: addressKey(article.url), start, end: start + report.quote.length });
    }
    return { id: claim.id, spans };
  });
  return { claims, unplaced };
}

interface RawClaim {
  id: string;
  reports: { article: string; quote: string; prefix?: string; suffix?: string }[];
}

/** Where the quote is in the text, at the occurrence its prefix and suffix pin down; -1 if nowhere. */
export function placeQuote(text: string, quote: string, prefix: string, suffix: string): number {
  let first = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (first < 0) first = at;
    if (text.slice(0, at).endsWith(prefix) && text.startsWith(suffix, at + quote.length)) return at;
  }
  return first;
}

/** A fact described by a marker: a regular expression that a quote stating the fact matches (a story eval's facts.json). */
export interface MarkedFact {
  id: string;
  marker: RegExp;
  /** Stated by two or more of the articles: a cross-outlet build should hold it. */
  required: boolean;
}

/** The facts of a `{ id: { marker, required } }` file (keys starting with "_" are notes), or null for another kind of file. */
export function markedFacts(json: unknown): MarkedFact[] | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const entries = Object.entries(json as Record<string, unknown>).filter(([id]) => !id.startsWith('_'));
  if (entries.length === 0 || !entries.every(([, v]) => typeof (v as { marker?: unknown })?.marker === 'string'))
    return null;
  return entries.map(([id, v]) => ({
    id,
    marker: new RegExp((v as { marker: string }).marker, 'i'),
    required: (v as { required?: unknown }).required === true,
  }));
}

/** A quote as a marker reads it: compatibility forms, one kind of quotation mark and dash, spaces collapsed, lower case. */
const markerText = (quote: string) =>
  quote
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export interface MarkerScore {
  /** Required facts one claim holds with quotes from two or more articles. */
  held: string[];
  required: string[];
  /** Reports whose quote states the fact most of their claim's reports state. */
  onFact: number;
  reports: number;
}

/**
 * A draft measured against marked facts: a required fact is held when one claim has quotes of it
 * from two or more articles; a report is on its claim's fact when its quote states the fact most of
 * the claim's reports state.
 */
export function scoreAgainstMarkers(
  claims: readonly { reports: readonly { article: string; quote: string }[] }[],
  facts: readonly MarkedFact[],
): MarkerScore {
  const best = new Map<string, number>();
  let onFact = 0;
  let reports = 0;
  for (const claim of claims) {
    const stated = claim.reports.map(
      (r) => new Set(facts.filter((f) => f.marker.test(markerText(r.quote))).map((f) => f.id)),
    );
    for (const f of facts) {
      const articles = new Set(claim.reports.filter((_, k) => stated[k]!.has(f.id)).map((r) => r.article)).size;
      best.set(f.id, Math.max(best.get(f.id) ?? 0, articles));
    }
    reports += claim.reports.length;
    if (stated.some((s) => s.size > 0)) {
      const main = facts
        .map((f) => ({ id: f.id, n: stated.filter((s) => s.has(f.id)).length }))
        .sort((a, b) => b.n - a.n)[0]!.id;
      onFact += stated.filter((s) => s.has(main)).length;
    }
  }
  const required = facts.filter((f) => f.required).map((f) => f.id);
  return { held: required.filter((id) => (best.get(id) ?? 0) >= 2), required, onFact, reports };
}
