// The claim view: what the tooltip and the CLI show for a matched claim, the other outlets'
// versions, verbatim, with the spans that state values marked where they disagree, and each kind
// of value the outlets state set side by side, one row per outlet. The page's own outlet is left
// out of the quotes: a reader of an outlet's page never needs that outlet's version shown back;
// its values are shown as "This page", so the reader sees where the page stands among the others.
// On a page of an outlet the pack does not hold, "This page" is what the highlighted passage itself
// states (passage-values), compared like any outlet's values: its 4000 differs from 3,750.
import type { LoadedClaim, LoadedDatabase } from '../database/load';
import { compareReports, describeComparison, type ClaimComparison, type KindComparison } from '../quantities/compare';
import { measureOfKind } from '../quantities/kinds';
import { readPassageValues } from './passage-values';
import { computedNote, kindTitle, readerSummary } from './words';
import type { ClaimView, ComparedKind, ReportView, StatedRow, StatedValue } from './types';

export interface ClaimViewOptions {
  /** The outlet whose page is being read, or null on a page of no known outlet. */
  excludeOutletId: string | null;
  /** The matcher's score for this claim on this page. */
  score: number;
  /**
   * The highlighted passage's text. Where the page's outlet reports nothing of the claim in the
   * packs, the values it states are this page's.
   */
  passage?: string;
}

/** How the page's own values are labelled: the reader knows which page they are on. */
export const THIS_PAGE = 'This page';

export function buildClaimView(db: LoadedDatabase, claimId: string, opts: ClaimViewOptions): ClaimView {
  const claim = db.claimById(claimId);
  if (!claim) throw new Error(`no claim "${claimId}" in the claim packs`);
  const pageReports = claim.reports.some((r) => r.outletRecord.id === opts.excludeOutletId);
  const passageValues = !pageReports && opts.passage !== undefined ? readPassageValues(db, claim, opts.passage) : [];
  // The passage is one more report, after the pack's: compared as they are, its total summed as theirs are.
  const comparison =
    passageValues.length === 0
      ? claim.comparison
      : compareReports(
          [
            ...claim.reports.map((r) => ({ label: r.outletRecord.name, values: r.values.map((v) => v.value) })),
            { label: THIS_PAGE, values: passageValues.map((v) => v.value) },
          ],
          claim.packRecord.totals,
        );
  const page = { outletId: opts.excludeOutletId, report: passageValues.length > 0 ? claim.reports.length : -1 };
  const reports = claim.reports
    .filter((report) => report.outletRecord.id !== opts.excludeOutletId)
    .map((report): ReportView => ({
      outletId: report.outletRecord.id,
      outlet: report.outletRecord.name,
      url: report.articleRecord.url,
      published: report.articleRecord.published,
      quote: report.quote,
      attribution: report.attribution,
      values: report.values.map((v, j) => ({
        start: v.start,
        end: v.end,
        kind: v.spec.kind,
        differs: comparison.differs[report.index]?.[j] ?? false,
      })),
    }));
  const compared = comparedKinds(claim, comparison, page);
  return {
    id: claim.id,
    summary: readerSummary(claim.summary, reports),
    draft: claim.packRecord.draft,
    pageKinds: compared.filter((k) => k.rows.some((r) => r.isPage)).length,
    status: comparison.status,
    reasons: reasonsFor(claim, comparison, page),
    compared,
    note: claim.note ?? null,
    score: opts.score,
    reports,
  };
}

/** Where this page is in a comparison: its outlet, or the passage read as one more report (-1: none). */
interface PageSide {
  outletId: string | null;
  report: number;
}

const isPageReport = (claim: LoadedClaim, report: number, page: PageSide): boolean =>
  report === page.report || claim.reports[report]?.outletRecord.id === page.outletId;

/**
 * The reader knows which page they are on: where the page is one side of a comparison, call it
 * "this page" rather than naming its outlet back to them.
 */
function reasonsFor(claim: LoadedClaim, comparison: ClaimComparison, page: PageSide): string[] {
  if (page.report < 0 && !claim.reports.some((r) => r.outletRecord.id === page.outletId))
    return [...comparison.reasons];
  const labels = claim.reports.map((r, i) =>
    isPageReport(claim, i, page) ? THIS_PAGE.toLowerCase() : r.outletRecord.name,
  );
  return describeComparison(comparison, [...labels, THIS_PAGE.toLowerCase()]);
}

/** Each kind compared, those the outlets differ on first, then those most outlets state. */
function comparedKinds(claim: LoadedClaim, comparison: ClaimComparison, page: PageSide): ComparedKind[] {
  const kinds = comparison.kinds.map((kind): ComparedKind => {
    const measure = measureOfKind(kind.kind);
    return {
      type: measure === 'words' ? 'wordings' : 'figures',
      kind: kind.kind,
      of: kind.of,
      measure,
      currency: kind.currency,
      title: kindTitle(kind.kind, kind.of),
      status: kind.status,
      rows: rowsOf(claim, kind, page),
    };
  });
  const rank = (k: ComparedKind) => (k.status === 'differ' ? 0 : 1);
  return kinds
    .map((k, i) => ({ k, i }))
    .sort((a, b) => rank(a.k) - rank(b.k) || b.k.rows.length - a.k.rows.length || a.i - b.i)
    .map(({ k }) => k);
}

/** One row per outlet (its several reports' values gathered, each written once), this page's first. */
function rowsOf(claim: LoadedClaim, kind: KindComparison, page: PageSide): StatedRow[] {
  const rows = new Map<string, StatedRow>();
  for (const entry of kind.entries) {
    const isPage = isPageReport(claim, entry.report, page);
    const key = isPage ? '\u0000page' : claim.reports[entry.report]!.outletRecord.id;
    const row = rows.get(key) ?? {
      label: isPage ? THIS_PAGE : claim.reports[entry.report]!.outletRecord.name,
      isPage,
      values: [],
    };
    rows.set(key, row);
    const same = row.values.find((v) => v.text === entry.said);
    if (same) {
      same.differs ||= entry.differs;
      continue;
    }
    const value: StatedValue = {
      text: entry.said,
      computed: computedNote(entry),
      low: entry.range === null || entry.range.low === -Infinity ? null : entry.range.low,
      high: entry.range === null || entry.range.high === Infinity ? null : entry.range.high,
      differs: entry.differs,
    };
    row.values.push(value);
  }
  return [...rows.values()].sort((a, b) => Number(b.isPage) - Number(a.isPage));
}
