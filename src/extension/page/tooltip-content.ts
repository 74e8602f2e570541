// Builds the tooltip's content from claim views. Every string from the database or the page goes
// in as text (textContent / text nodes), never as HTML.
//
// One section per fact, in this order: the status in words, the fact's summary, the comparison
// (each kind of value the outlets state, side by side: tooltip-comparison), the curator's note,
// then each other outlet's reports, the outlet named once (its name is the link to its article)
// above its quotes, and whom it credits said once where it is the same for all its quotes.
import type { ClaimView, ReportView, ValueSpan } from '../../core/claim-view/types';
import { statusHeadline } from '../../core/claim-view/words';
import { isWebAddress } from '../../core/database/web-address';
import { renderComparison } from './tooltip-comparison';
import { el, type Doc } from './tooltip-dom';

/** The quote as text nodes, with each value that other outlets report differently in a <mark>. */
export function renderQuote(doc: Doc, quote: string, values: readonly ValueSpan[]): DocumentFragment {
  const fragment = (doc as Document).createDocumentFragment();
  const spans = values
    .filter((v) => v.differs && v.start >= 0 && v.end <= quote.length && v.end > v.start)
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: the first one wins
    if (span.start > at) fragment.append(doc.createTextNode(quote.slice(at, span.start)));
    const mark = el(doc, 'mark', 'differs', quote.slice(span.start, span.end));
    mark.title = 'Other outlets report this differently';
    fragment.append(mark);
    at = span.end;
  }
  if (at < quote.length) fragment.append(doc.createTextNode(quote.slice(at)));
  return fragment;
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A claim's reports grouped by outlet, in the order the outlets first appear. */
function byOutlet(reports: readonly ReportView[]): ReportView[][] {
  const groups = new Map<string, ReportView[]>();
  for (const report of reports) {
    const group = groups.get(report.outletId);
    if (group) group.push(report);
    else groups.set(report.outletId, [report]);
  }
  return [...groups.values()];
}

/**
 * The outlet's article as a link, or as plain text when its address is not an http(s) one: the
 * schema refuses those, but storage can be altered behind its back, and a "javascript:" link in a
 * tooltip on the news site's page would run on that site.
 */
function articleLink(doc: Doc, report: ReportView, text: string, className: string): HTMLElement {
  if (!isWebAddress(report.url)) return el(doc, 'span', className, text);
  const link = el(doc, 'a', className, text);
  link.href = report.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.title = `Read ${report.outlet}'s article (opens in a new tab)`;
  return link;
}

/** Whom a report credits, folded so that "the BBC" and "The BBC." are one. */
const creditKey = (attribution: string | null): string | null =>
  attribution === null
    ? null
    : attribution
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();

/** The one credit all these reports share, or undefined when they differ (null: they credit no one). */
function sharedCredit(reports: readonly ReportView[]): string | null | undefined {
  const keys = new Set(reports.map((r) => creditKey(r.attribution)));
  return keys.size === 1 ? reports[0]!.attribution : undefined;
}

const creditLine = (doc: Doc, attribution: string): HTMLParagraphElement =>
  el(doc, 'p', 'attribution', `Credits: ${attribution}`);

/**
 * One outlet's reports of a fact: its name once (the link to its article), then its quotes. Whom
 * it credits is said once under them when it is the same for every quote, else under each; not
 * at all when the fact's head already said it for every outlet (`creditShown`).
 */
function renderOutlet(doc: Doc, reports: readonly ReportView[], creditShown: boolean): HTMLLIElement {
  const first = reports[0]!;
  const item = el(doc, 'li', 'report');
  const head = el(doc, 'div', 'report-head');
  head.append(articleLink(doc, first, first.outlet, 'outlet source'));
  if (first.published !== null) {
    const time = el(doc, 'time', 'date', formatDate(first.published));
    time.dateTime = first.published;
    head.append(time);
  }
  item.append(head);
  const shared = creditShown ? null : sharedCredit(reports);
  for (const report of reports) {
    const quote = el(doc, 'blockquote', 'quote');
    quote.append(renderQuote(doc, report.quote, report.values));
    item.append(quote);
    if (shared === undefined && report.attribution) item.append(creditLine(doc, report.attribution));
    // A quote from another of the outlet's articles links to that one (without naming the outlet again).
    if (report.url !== first.url) {
      const label = report.published === null ? 'Another article' : `Another article, ${formatDate(report.published)}`;
      item.append(articleLink(doc, report, label, 'other-article'));
    }
  }
  if (shared) item.append(creditLine(doc, shared));
  return item;
}

/** Said under a fact from a draft pack: its facts and their figures were drafted by a program. */
export const DRAFT_TEXT = 'From a draft story pack no person has reviewed yet.';

/** The claim's status in words: "Outlets differ on the figures", "Outlets agree", "Same fact, nothing to compare". */
export function statusText(claim: ClaimView): string {
  return statusHeadline(claim);
}

/** One fact's section; `idPrefix` makes ids the dialog can point its description at. */
export function renderClaim(doc: Doc, claim: ClaimView, idPrefix = 'parallax-claim'): HTMLElement {
  const section = el(doc, 'section', `claim ${claim.status}`);
  section.dataset.claimId = claim.id;
  const status = el(doc, 'p', `status ${claim.status}`, statusText(claim));
  status.id = `${idPrefix}-status`;
  const summary = el(doc, 'p', 'summary', claim.summary);
  summary.id = `${idPrefix}-summary`;
  section.append(status, summary);
  if (claim.draft) section.append(el(doc, 'p', 'draft', DRAFT_TEXT));
  const comparison = renderComparison(doc, claim);
  if (comparison) section.append(comparison);
  if (claim.note) section.append(el(doc, 'p', 'note', `Note: ${claim.note}`));
  // Every outlet credits the same source: said once, above them; not at all where the comparison
  // lists whom each credits (this page may credit another: "all" would read as everyone).
  const everyCredit = claim.reports.length > 1 ? sharedCredit(claim.reports) : undefined;
  const creditsCompared = claim.compared.some((k) => k.kind === 'credit');
  if (everyCredit && !creditsCompared) section.append(el(doc, 'p', 'attribution all', `All credit ${everyCredit}`));
  const reports = el(doc, 'ol', 'reports');
  reports.setAttribute('aria-label', 'How other outlets reported it');
  for (const group of byOutlet(claim.reports)) reports.append(renderOutlet(doc, group, everyCredit !== undefined));
  section.append(reports);
  return section;
}

/** What is still below the tooltip's fold: whole facts, and reports of the fact in view. */
export interface Below {
  claims: number;
  reports: number;
}

const plural = (n: number, word: string): string => `${n} more ${word}${n === 1 ? '' : 's'}`;

/** The cue's words ("3 more outlets"), or null when nothing is below. */
export function belowText({ claims, reports }: Below, somethingBelow: boolean): string | null {
  if (claims > 0 && reports > 0) return `${plural(reports, 'outlet')}, ${plural(claims, 'fact')}`;
  if (claims > 0) return plural(claims, 'fact');
  if (reports > 0) return plural(reports, 'outlet');
  return somethingBelow ? 'More below' : null;
}
