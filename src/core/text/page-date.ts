// The day a page says it was published, where its markup states it: the story gate weighs a page
// dated in a story's days differently from one dated a year later (match/page-timing.ts). Read
// from markup alone, the same way on the live page and on a saved one (linkedom), walking nodes
// given as parameters like extract.ts: no DOM globals. Sources, most deliberate first: the
// `article:published_time` meta (Open Graph), JSON-LD `datePublished`, a `datePublished` microdata
// meta or <time>, then the first <time datetime> inside an <article>, then anywhere. A value that
// is not a real calendar day (garbled, hostile, a bare year) is ignored, never guessed at.

/** Elements looked at: a page of a few thousand elements is read whole; a hostile one is cut off. */
const MAX_ELEMENTS = 20_000;
/** JSON-LD longer than this is not parsed (real article metadata is a few KiB). */
const MAX_JSON_LD_CHARS = 200_000;

/** YYYY-MM-DD from a date or ISO date-time ("2018-07-10T08:12:00+07:00"), or null if not a real day. */
export function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value ?? '');
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls "2018-02-30" over into March: only a day that survives the round trip is real.
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The page's publication day (YYYY-MM-DD) from its markup, or null where it states none. */
export function publishedDay(document: Document): string | null {
  const found: { meta?: string; jsonLd?: string; microdata?: string; articleTime?: string; time?: string } = {};
  let seen = 0;
  const visit = (node: Node, inArticle: boolean): void => {
    // childNodes, not nextSibling: linkedom gives undefined, not null, past a doctype.
    for (const child of node.childNodes) {
      if (seen >= MAX_ELEMENTS) return;
      if (child.nodeType !== 1) continue;
      seen++;
      const element = child as Element;
      const name = element.localName;
      if (name === 'meta') {
        const key = (
          element.getAttribute('property') ??
          element.getAttribute('name') ??
          element.getAttribute('itemprop') ??
          ''
        ).toLowerCase();
        const day = isoDay(element.getAttribute('content'));
        if (day !== null && key === 'article:published_time') found.meta ??= day;
        else if (day !== null && key === 'datepublished') found.microdata ??= day;
      } else if (name === 'time') {
        const day = isoDay(element.getAttribute('datetime'));
        if (day !== null && (element.getAttribute('itemprop') ?? '').toLowerCase() === 'datepublished')
          found.microdata ??= day;
        else if (day !== null && inArticle) found.articleTime ??= day;
        else if (day !== null) found.time ??= day;
      } else if (name === 'script') {
        if ((element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
          found.jsonLd ??= jsonLdDatePublished(textOf(element)) ?? undefined;
        continue;
      }
      visit(element, inArticle || name === 'article');
    }
  };
  visit(document, false);
  return found.meta ?? found.jsonLd ?? found.microdata ?? found.articleTime ?? found.time ?? null;
}

function textOf(element: Element): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += (child as Text).data;
    if (text.length > MAX_JSON_LD_CHARS) return '';
  }
  return text;
}

/** `datePublished` of a JSON-LD block (an object, a list, or an @graph), or null. */
function jsonLdDatePublished(source: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return null;
  }
  const graph = (data as { '@graph'?: unknown } | null)?.['@graph'];
  const items: unknown[] = Array.isArray(data) ? data : [data, ...(Array.isArray(graph) ? graph : [])];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const value = (item as Record<string, unknown>)['datePublished'];
    const day = typeof value === 'string' ? isoDay(value) : null;
    if (day !== null) return day;
  }
  return null;
}
