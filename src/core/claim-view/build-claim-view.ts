// The claim view: what the tooltip and the CLI show for a matched claim, the other outlets'
// versions, verbatim, with the spans that state values marked where they disagree, and each kind
// of value the outlets state set side by side, one row per outlet. The page's own outlet is left
// out of the quotes: a reader of an outlet's page never needs that outlet's version shown back;
// its values are shown as "This page", so the reader sees where the page stands among the others.
import type { LoadedClaim, LoadedDatabase } from '../database/load';
import { describeComparison, type KindComparison } from '../quantities/compare';
import { measureOfKind } from '../quantities/kinds';
import { kindTitle } from './words';
import type { ClaimView, ComparedKind, ReportView, StatedRow, StatedValue } from './types';

export interface ClaimViewOptions {
  /** The outlet whose page is being read, or null on a page of no known outlet. */
  excludeOutletId: string | null;
  /** The matcher's score for this claim on this page. */
  score: number;
}

/** How the page's own values are labelled: the reader knows which page they are on. */
export const THIS_PAGE = 'This page';

export function buildClaimView(db: LoadedDatabase, claimId: string, opts: ClaimViewOptions): ClaimView {
  const claim = db.claimById(claimId);
  if (!claim) throw new Error(`no claim "${claimId}" in the claim packs`);
  const reports = claim.reports
    .filter((report) => report.outletRecord.id !== opts.excludeOutletId)
    .map(
      (report): ReportView => ({
        outletId: report.outletRecord.id,
        outlet: report.outletRecord.name,
        url: report.articleRecord.url,
        published: report.articleRecord.published,
        quote: report.quote,
        attribution: report.attribution,
        values: report.values.map((v) => ({ start: v.start, end: v.end, kind: v.spec.kind, differs: v.differs })),
      }),
    );
  return {
    id: claim.id,
    summary: claim.summary,
    status: claim.status,
    reasons: reasonsFor(claim, opts.excludeOutletId),
    compared: comparedKinds(claim, opts.excludeOutletId),
    note: claim.note ?? null,
    score: opts.score,
    reports,
  };
}

/**
 * The reader knows which page they are on: where the page's own outlet is one side of a
 * comparison, call it "this page" rather than naming it back to them.
 */
function reasonsFor(claim: LoadedClaim, pageOutletId: string | null): string[] {
  if (!claim.reports.some((r) => r.outletRecord.id === pageOutletId)) return [...claim.reasons];
  const labels = claim.reports.map((r) => (r.outletRecord.id === pageOutletId ? THIS_PAGE.toLowerCase() : r.outletRecord.name));
  return describeComparison(claim.comparison, labels);
}

/** Each kind compared, those the outlets differ on first, then those most outlets state. */
function comparedKinds(claim: LoadedClaim, pageOutletId: string | null): ComparedKind[] {
  const kinds = claim.comparison.kinds.map((kind): ComparedKind => {
    const measure = measureOfKind(kind.kind);
    return {
      type: measure === 'words' ? 'wordings' : 'figures',
      kind: kind.kind,
      of: kind.of,
      measure,
      currency: kind.currency,
      title: kindTitle(kind.kind, kind.of),
      status: kind.status,
      rows: rowsOf(claim, kind, pageOutletId),
    };
  });
  const rank = (k: ComparedKind) => (k.status === 'differ' ? 0 : 1);
  return kinds.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || b.k.rows.length - a.k.rows.length || a.i - b.i).map(({ k }) => k);
}

/** One row per outlet (its several reports' values gathered, each written once), this page's first. */
function rowsOf(claim: LoadedClaim, kind: KindComparison, pageOutletId: string | null): StatedRow[] {
  const rows = new Map<string, StatedRow>();
  for (const entry of kind.entries) {
    const outlet = claim.reports[entry.report]!.outletRecord;
    const isPage = outlet.id === pageOutletId;
    const row = rows.get(outlet.id) ?? { label: isPage ? THIS_PAGE : outlet.name, isPage, values: [] };
    rows.set(outlet.id, row);
    const same = row.values.find((v) => v.text === entry.display);
    if (same) {
      same.differs ||= entry.differs;
      continue;
    }
    const value: StatedValue = {
      text: entry.display,
      parts: entry.parts ?? [],
      low: entry.range === null || entry.range.low === -Infinity ? null : entry.range.low,
      high: entry.range === null || entry.range.high === Infinity ? null : entry.range.high,
      differs: entry.differs,
    };
    row.values.push(value);
  }
  return [...rows.values()].sort((a, b) => Number(b.isPage) - Number(a.isPage));
}
