// Builds the tooltip's content from claim views. Every string from the database or the page goes
// in as text (textContent / text nodes), never as HTML.
import type { ClaimView, ReportView, ValueSpan } from '../core/claim-view/types';

type Doc = Pick<Document, 'createElement' | 'createTextNode'>;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Doc,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

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

function renderReport(doc: Doc, report: ReportView): HTMLLIElement {
  const item = el(doc, 'li', 'report');
  const head = el(doc, 'div', 'report-head');
  head.append(el(doc, 'span', 'outlet', report.outlet));
  if (report.published !== null) {
    const time = el(doc, 'time', 'date', formatDate(report.published));
    time.dateTime = report.published;
    head.append(time);
  }
  item.append(head);
  const quote = el(doc, 'blockquote', 'quote');
  quote.append(renderQuote(doc, report.quote, report.values));
  item.append(quote);
  if (report.attribution) item.append(el(doc, 'p', 'attribution', `Credits: ${report.attribution}`));
  const link = el(doc, 'a', 'source', `Read at ${report.outlet}`);
  link.href = report.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  item.append(link);
  return item;
}

/** Nothing to compare is not agreement: the outlets give no values to set side by side. */
const STATUS_TEXT: Record<ClaimView['status'], string> = { differ: 'Outlets differ', agree: 'Outlets agree', 'not-compared': 'Nothing to compare' };

export function renderClaim(doc: Doc, claim: ClaimView): HTMLElement {
  const section = el(doc, 'section', `claim ${claim.status}`);
  section.dataset.claimId = claim.id;
  const status = el(
    doc,
    'p',
    `status ${claim.status}`,
    STATUS_TEXT[claim.status],
  );
  section.append(status, el(doc, 'p', 'summary', claim.summary));
  if (claim.reasons.length > 0) {
    const reasons = el(doc, 'ul', 'reasons');
    for (const reason of claim.reasons) reasons.append(el(doc, 'li', undefined, reason));
    section.append(reasons);
  }
  if (claim.note) section.append(el(doc, 'p', 'note', `Note: ${claim.note}`));
  const reports = el(doc, 'ol', 'reports');
  reports.setAttribute('aria-label', 'How other outlets reported it');
  for (const report of claim.reports) reports.append(renderReport(doc, report));
  section.append(reports);
  return section;
}
